package dev.keyfence.knowledge;

import static dev.keyfence.knowledge.ForgerySetup.CONSUMERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.SourceStatus;
import dev.keyfence.TokenValidator;
import dev.keyfence.knowledge.ForgerySetup.FrontDoor;
import dev.keyfence.posture.Finding;
import dev.keyfence.posture.FindingCode;
import dev.keyfence.posture.PostureReport;
import dev.keyfence.posture.Severity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The fail-closed state is visible: the consumer source DOWN in statuses, SCOPE_KNOWLEDGE_MISSING in audit. */
class ScopeKnowledgePostureTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(FrontDoor.class)
    void unreadableSourceOfARefusedScopeIsAHighFindingNamingSourceAndResource(FrontDoor door) {
        try (ForgerySetup s = new ForgerySetup(dir)) {
            s.server.respond(CONSUMERS, 503, "down");
            TokenValidator validator = TokenValidator.create(s.policy(door));

            assertThat(validator.sourceStatuses())
                    .filteredOn(st -> st.source().equals("consumer"))
                    .extracting(SourceStatus::health)
                    .containsExactly(SourceStatus.Health.DOWN);
            List<Finding> found = PostureReport.of(validator).findings().stream()
                    .filter(f -> f.code() == FindingCode.SCOPE_KNOWLEDGE_MISSING)
                    .toList();
            assertThat(found).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.HIGH);
                assertThat(f.issuerName()).contains("consumer");
                assertThat(f.message())
                        .contains("key source consumer")
                        .contains("resource mail")
                        .contains("KEYS_UNAVAILABLE");
            });
        }
    }

    @ParameterizedTest
    @EnumSource(FrontDoor.class)
    void readableSourceOfARefusedScopeIsNoFinding(FrontDoor door) {
        try (ForgerySetup s = new ForgerySetup(dir)) {
            s.server.serveKeys(CONSUMERS, ForgerySetup.goodConsumerSet());
            TokenValidator validator = TokenValidator.create(s.policy(door));

            assertThat(PostureReport.of(validator).findings())
                    .extracting(Finding::code)
                    .doesNotContain(FindingCode.SCOPE_KNOWLEDGE_MISSING);
        }
    }
}
