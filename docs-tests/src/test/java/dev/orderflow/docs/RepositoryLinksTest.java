package dev.orderflow.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Links and paths in the repository resolve inside it (the rules are {@link RepositoryLinks}'s). */
class RepositoryLinksTest {

    @Test
    void everyLinkAndPathOfTheRepositoryResolvesInsideIt() {
        List<Finding> findings = new RepositoryLinks(RepositoryFiles.of(RepositoryFiles.ROOT)).check();

        assertThat(findings).isEmpty();
    }

    @Test
    void theFixtureHasExactlyThePlantedMistakes() {
        Path fixture = Path.of("src/test/resources/fixtures/broken-links").toAbsolutePath();

        List<Finding> findings = new RepositoryLinks(RepositoryFiles.of(fixture)).check();

        assertThat(findings).extracting(Finding::toString).containsExactlyInAnyOrder(
                ".github/workflows/ci.yml:1: .ci/run (no such file or directory in the repository)",
                ".github/workflows/ci.yml:8: .ci/run (no such file or directory in the repository)",
                "README.md:5: docs/missing.md (no such file or directory in the repository)",
                "README.md:6: ../shared/design.md (leaves the repository)",
                "README.md:6: docs/guide.md#no-such-heading (no heading with the anchor #no-such-heading)",
                "README.md:7: infrastructure/gone.tf (no such file or directory in the repository)",
                "docs/guide.md:3: #nowhere (no heading with the anchor #nowhere)",
                "infrastructure/module/main.tf:1: docs/removed.md (no such file or directory in the repository)",
                "infrastructure/module/main.tf:2: ../../../elsewhere/file.md (leaves the repository)",
                "infrastructure/module/Check.java:3: docs/nope.md (no such file or directory in the repository)");
    }
}
