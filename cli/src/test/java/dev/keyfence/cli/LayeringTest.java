package dev.keyfence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Everything built on the core (CLI, Spring and servlet adapters, JDBC ledger, test support,
 * example applications) uses only the packages the core's module exports, never
 * {@code dev.keyfence.internal}. Reads the modules' compiled classes, which the reactor builds
 * before this module (the example servers are this module's test dependencies, and they depend
 * on the adapters).
 */
class LayeringTest {
    private static final Path ROOT = Path.of("..");
    private static final List<Path> MODULES = List.of(
            Path.of("cli"),
            Path.of("spring-adapter"),
            Path.of("jakarta-adapter"),
            Path.of("ledger-jdbc"),
            Path.of("test-support"),
            Path.of("examples/servlet-resource-server"),
            Path.of("examples/spring-resource-server"));

    @Test
    void modulesOnTheCoreUseOnlyItsExportedPackages() {
        Set<String> uses = new TreeSet<>();
        for (JavaClass c : classes()) {
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String target = d.getTargetClass().getBaseComponentType().getName();
                if (target.startsWith("dev.keyfence.internal.")) {
                    uses.add(topLevel(c.getName()) + " -> " + topLevel(target));
                }
            }
        }
        assertThat(uses).as("uses of dev.keyfence.internal outside the core").isEmpty();
    }

    private static JavaClasses classes() {
        List<Path> dirs = MODULES.stream()
                .map(m -> ROOT.resolve(m).resolve("target/classes"))
                .toList();
        assertThat(dirs)
                .allSatisfy(d ->
                        assertThat(Files.isDirectory(d)).as("%s is built", d).isTrue());
        JavaClasses classes = new ClassFileImporter().importPaths(dirs);
        assertThat(classes.stream().map(JavaClass::getPackageName).filter(p -> p.startsWith("dev.keyfence.spring")))
                .as("the Spring adapter's classes were read")
                .isNotEmpty();
        return classes;
    }

    private static String topLevel(String name) {
        int nested = name.indexOf('$');
        return nested < 0 ? name : name.substring(0, nested);
    }
}
