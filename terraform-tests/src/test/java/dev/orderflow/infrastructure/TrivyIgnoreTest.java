package dev.orderflow.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The trivy findings accepted as the design (ADR 0041): each one an ID, the existing files it may hide in, and a
 * reason that names the decision or document behind it; and the workflow's trivy step reads this file.
 */
class TrivyIgnoreTest {

    private static final String FILE = "infrastructure/terraform/.trivyignore.yaml";
    private static final Pattern DOCUMENT = Pattern.compile("docs/[a-z0-9/.-]+\\.md");

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> misconfigurations() {
        Map<String, Object> ignores = new Yaml().load(Repository.read(Repository.ROOT.resolve(FILE)));
        assertThat(ignores).containsOnlyKeys("misconfigurations");
        return (List<Map<String, Object>>) ignores.get("misconfigurations");
    }

    @Test
    void everyIgnoredFindingHasItsFilesAndAReasonThatNamesAnExistingDocument() {
        List<Map<String, Object>> entries = misconfigurations();

        assertThat(entries).extracting(entry -> entry.get("id")).doesNotHaveDuplicates()
                .containsExactlyInAnyOrder("AVD-AWS-0053", "AVD-AWS-0054", "AVD-AWS-0095", "AVD-AWS-0104",
                        "AVD-AWS-0132");
        for (Map<String, Object> entry : entries) {
            String id = (String) entry.get("id");
            assertThat(entry).as(id).containsOnlyKeys("id", "paths", "statement");
            @SuppressWarnings("unchecked")
            List<String> paths = (List<String>) entry.get("paths");
            assertThat(paths).as("%s is limited to the files where it is the design", id).isNotEmpty();
            for (String path : paths) {
                assertThat(Files.isRegularFile(Repository.TERRAFORM.resolve(path))).as("%s: %s", id, path).isTrue();
            }
            String statement = (String) entry.get("statement");
            assertThat(statement).as(id).isNotBlank().hasSizeGreaterThan(40);
            Matcher documents = DOCUMENT.matcher(statement);
            assertThat(documents.find()).as("%s names the decision behind it", id).isTrue();
            do {
                assertThat(Files.isRegularFile(Repository.ROOT.resolve(documents.group()))).as(documents.group()).isTrue();
            } while (documents.find());
        }
    }

    @Test
    void theTrivyStepReadsTheIgnoreFileAndStillFailsOnFindings() {
        String workflow = Repository.read(Repository.WORKFLOWS.resolve("terraform.yml"));

        assertThat(workflow).contains("trivyignores: " + FILE, "severity: HIGH,CRITICAL", "exit-code: \"1\"");
    }
}
