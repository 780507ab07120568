package dev.keyfence.drill;

import dev.keyfence.Drill;
import dev.keyfence.DrillReport;
import dev.keyfence.KeyfenceConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DrillSmokeTest {
    @Test
    void prints() {
        for (Path p : new Path[] {Path.of("../examples/spring-resource-server/keyfence.yaml"),
                Path.of("src/test/resources/drill/keyfence-replay.yaml")}) {
            DrillReport r = Drill.builder().config(KeyfenceConfig.load(p)).build().run();
            System.out.println("== " + p + " passed=" + r.passed() + " min=" + r.minimumKeyForgeryControls());
            r.notes().forEach(n -> System.out.println("note " + n));
            r.skipped().forEach(n -> System.out.println("skipped " + n));
            r.results().forEach(x -> System.out.println(x.attack() + " | " + x.valid() + " " + x.reason() + " " + x.controls()
                    + " cp=" + x.counterpartValid() + x.counterpartReason() + " " + x.finding().orElse("")));
        }
    }
}
