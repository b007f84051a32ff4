package dev.orderflow.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Every workflow in .github/workflows, whoever wrote it, is valid against GitHub's workflow schema
 * (action-validator, offline) and names only jobs that exist in its needs. The terraform workflow also follows the
 * least-privilege rules: no permissions by default, actions pinned to a commit, OIDC only where AWS is called.
 */
class WorkflowLintTest {

    private static List<Path> workflows() {
        try (Stream<Path> files = Files.list(Repository.WORKFLOWS)) {
            return files.filter(file -> file.toString().endsWith(".yml") || file.toString().endsWith(".yaml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode validate(List<Path> files) {
        NodeTools.assumeInstalled();
        List<String> arguments = files.stream().map(Path::toString).toList();
        try {
            return TerraformTree.JSON.readTree(NodeTools.run("validate-workflows.mjs", arguments));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(Path file) {
        return new Yaml().load(Repository.read(file));
    }

    @Test
    void everyWorkflowIsValid() {
        List<Path> files = workflows();
        JsonNode results = validate(files);

        assertThat(files).extracting(Path::getFileName).extracting(Path::toString).contains("ci.yml", "terraform.yml");
        results.fields().forEachRemaining(result -> assertThat(result.getValue()).as(result.getKey()).isEmpty());
        assertThat(results.size()).isEqualTo(files.size());
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyNeedsNamesAJobOfTheSameWorkflow() {
        for (Path file : workflows()) {
            Map<String, Object> jobs = (Map<String, Object>) yaml(file).get("jobs");
            jobs.forEach((name, job) -> {
                Object needs = ((Map<String, Object>) job).get("needs");
                List<Object> named = needs == null ? List.of() : needs instanceof List<?> list ? (List<Object>) list : List.of(needs);
                assertThat(jobs.keySet()).as(file.getFileName() + " " + name).containsAll(named.stream().map(Object::toString).toList());
            });
        }
    }

    @Test
    void anInvalidWorkflowIsCaught() {
        Path broken = Repository.fixture("workflows/broken.yml");

        JsonNode errors = validate(List.of(broken)).get(broken.toString());

        assertThat(errors).isNotEmpty();
        assertThat(errors.toString()).contains("/jobs/check");
    }

    /**
     * What only the Terraform workflows need (docs-tests' WorkflowPolicyTest holds every workflow to least privilege,
     * pinned actions and OIDC): main applies after approval, pull requests plan, and each environment's state has one
     * writer at a time across terraform.yml's applies and deploy.yml's deploys.
     */
    @Test
    @SuppressWarnings("unchecked")
    void appliesWaitForApprovalAndShareOneGroupPerEnvironmentWithTheDeploys() {
        Map<String, Map<String, Object>> jobs = (Map<String, Map<String, Object>>) yaml(
                Repository.WORKFLOWS.resolve("terraform.yml")).get("jobs");
        Map<String, Map<String, Object>> deployJobs = (Map<String, Map<String, Object>>) yaml(
                Repository.WORKFLOWS.resolve("deploy.yml")).get("jobs");

        assertThat(jobs.get("apply").get("environment")).as("apply waits for the environment's approval")
                .isEqualTo("${{ matrix.environment }}");
        assertThat(jobs.get("apply").get("if").toString()).contains("refs/heads/main");
        assertThat(jobs.get("plan").get("if").toString()).contains("pull_request");
        for (Map<String, Object> job : List.of(jobs.get("apply"), deployJobs.get("deploy"))) {
            assertThat((Map<String, Object>) job.get("concurrency"))
                    .containsEntry("group", "terraform-apply-${{ matrix.environment }}")
                    .containsEntry("cancel-in-progress", false);
        }
    }
}
