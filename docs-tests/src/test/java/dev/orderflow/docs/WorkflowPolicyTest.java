package dev.orderflow.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * What terraform-tests' schema check (action-validator) does not see in the workflows: least privilege and pinned
 * actions in every workflow, no AWS keys, and expressions that name only what exists ({@link WorkflowRules}).
 */
class WorkflowPolicyTest {

    private static final Path WORKFLOWS = RepositoryFiles.ROOT.resolve(".github/workflows");

    private static List<Path> workflows(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.toString().matches(".*\\.ya?ml$")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyWorkflowFollowsTheRules() {
        List<Path> files = workflows(WORKFLOWS);
        List<String> problems = new ArrayList<>();
        files.forEach(file -> problems.addAll(WorkflowRules.check(file)));

        assertThat(files).extracting(file -> file.getFileName().toString())
                .contains("ci.yml", "images.yml", "deploy.yml", "terraform.yml", "helm-chart.yml");
        assertThat(problems).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void githubRunsWhatThisMachineRuns() throws IOException {
        Map<String, Object> ci = new Yaml().load(Files.readString(WORKFLOWS.resolve("ci.yml")));
        Map<String, Object> verify = (Map<String, Object>) ((Map<String, Object>) ci.get("jobs")).get("verify");

        assertThat((List<Map<String, Object>>) verify.get("steps")).extracting(step -> String.valueOf(step.get("run")))
                .anySatisfy(run -> assertThat(run).containsPattern("(^|\\s)(bash )?\\.ci/run$"))
                .noneSatisfy(run -> assertThat(run).contains("mvnw"));
    }

    @Test
    void theFixtureBreaksEveryRule() {
        List<String> problems = WorkflowRules.check(Path.of("src/test/resources/fixtures/workflows/careless.yml"));

        assertThat(problems).containsExactlyInAnyOrder(
                "careless.yml: no top-level `permissions: {}`",
                "careless.yml: job build has no permissions of its own",
                "careless.yml: job build: actions/checkout@v4 is not pinned to a full commit",
                "careless.yml: job build: actions/setup-java@c5195efecf7bdfc987ee8bae7a71cb8b11521c00"
                        + " has no comment naming its release",
                "careless.yml: job build: AWS keys instead of OIDC",
                "careless.yml: job publish asks for an OIDC token but calls no AWS action or workflow",
                "careless.yml: job publish: ${{ steps.login.outputs.registry }} names no step of the job",
                "careless.yml: job publish: ${{ needs.test.result }} names a job it does not need",
                "careless.yml: job publish: ${{ inputs.tag }} names no input of the workflow",
                "careless.yml: job publish: ${{ matrix.region }} names no key of the job's matrix",
                "careless.yml: job publish: ${{ secret.TOKEN }} names no context",
                "careless.yml: job publish: `if: needs.tests.result == 'success'` names a job it does not need",
                "careless.yml: job publish: `if: steps.push.outcome == 'success' && matrix.environment == 'dev'`"
                        + " names no step of the job");
    }

    /**
     * One release per action across the workflows (an upgrade is done everywhere at once), runners named by their
     * image version rather than ubuntu-latest, and a concurrency group in every workflow.
     */
    @Test
    @SuppressWarnings("unchecked")
    void oneVersionPerActionFixedRunnersAndAConcurrencyGroupEverywhere() throws IOException {
        Map<String, Set<String>> versions = new TreeMap<>();
        Pattern uses = Pattern.compile("uses: ([\\w.-]+/[\\w./-]+)@([0-9a-f]{40})");
        for (Path file : workflows(WORKFLOWS)) {
            String text = Files.readString(file);
            Matcher action = uses.matcher(text);
            while (action.find()) {
                versions.computeIfAbsent(action.group(1), name -> new TreeSet<>()).add(action.group(2));
            }
            assertThat(text).as(file.getFileName().toString()).doesNotContain("-latest");
            Map<String, Object> workflow = new Yaml().load(text);
            boolean grouped = workflow.containsKey("concurrency") || ((Map<String, Map<String, Object>>) workflow
                    .get("jobs")).values().stream().allMatch(job -> job.containsKey("concurrency"));
            assertThat(grouped).as("%s has a concurrency group", file.getFileName()).isTrue();
        }
        assertThat(versions).isNotEmpty().allSatisfy((action, commits) -> assertThat(commits).as(action).hasSize(1));
    }

    /** On main, images.yml deploys only a commit whose tests (ci.yml, called as a reusable workflow) passed. */
    @Test
    @SuppressWarnings("unchecked")
    void theDeployWaitsForTheTests() throws IOException {
        Map<String, Object> images = new Yaml().load(Files.readString(WORKFLOWS.resolve("images.yml")));
        Map<String, Object> jobs = (Map<String, Object>) images.get("jobs");
        Map<String, Object> deploy = (Map<String, Object>) jobs.get("deploy");
        Map<String, Object> ci = new Yaml().load(Files.readString(WORKFLOWS.resolve("ci.yml")));
        Map<String, Object> ciTriggers = (Map<String, Object>) (ci.containsKey(Boolean.TRUE) ? ci.get(Boolean.TRUE)
                : ci.get("on"));

        assertThat(deploy.get("uses")).isEqualTo("./.github/workflows/deploy.yml");
        List<String> needs = (List<String>) deploy.get("needs");
        assertThat(needs).anySatisfy(job -> assertThat(((Map<String, Object>) jobs.get(job)).get("uses"))
                .isEqualTo("./.github/workflows/ci.yml"));
        assertThat(ciTriggers).containsKey("workflow_call").doesNotContainKey("push");
        for (Path workflow : workflows(WORKFLOWS)) {
            if (!workflow.getFileName().toString().equals("images.yml")) {
                assertThat(Files.readString(workflow)).as("%s calls the deploy without the tests", workflow)
                        .doesNotContain("uses: ./.github/workflows/deploy.yml");
            }
        }
    }

    /** The rules, one finding per broken rule and place. */
    static final class WorkflowRules {

        private static final Pattern PINNED = Pattern.compile("[\\w.-]+/[\\w./-]+@[0-9a-f]{40}");
        private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{(.*?)}}");
        private static final Pattern REFERENCE = Pattern.compile(
                "(?<![\\w.'\"])([a-z_]+)((?:\\.[\\w-]+|\\[[^\\]]*])*)");
        private static final Set<String> CONTEXTS = Set.of("github", "env", "vars", "job", "jobs", "steps", "runner",
                "secrets", "strategy", "matrix", "needs", "inputs");
        private static final Set<String> FUNCTIONS_AND_LITERALS = Set.of("contains", "startswith", "endswith", "format",
                "join", "tojson", "fromjson", "hashfiles", "success", "always", "cancelled", "failure", "true", "false",
                "null");

        private WorkflowRules() {
        }

        @SuppressWarnings("unchecked")
        static List<String> check(Path file) {
            String name = file.getFileName().toString();
            String text;
            try {
                text = Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Map<String, Object> workflow = new Yaml().load(text);
            List<String> problems = new ArrayList<>();
            if (!Map.of().equals(workflow.get("permissions"))) {
                problems.add(name + ": no top-level `permissions: {}`");
            }
            // YAML 1.1 reads the key `on` as the boolean true.
            Object on = workflow.containsKey(Boolean.TRUE) ? workflow.get(Boolean.TRUE) : workflow.get("on");
            Set<String> inputs = inputsOf(on);
            Map<String, Object> jobs = (Map<String, Object>) workflow.get("jobs");
            jobs.forEach((jobName, value) -> {
                Map<String, Object> job = (Map<String, Object>) value;
                String where = name + ": job " + jobName;
                Map<String, Object> permissions = (Map<String, Object>) job.get("permissions");
                if (permissions == null) {
                    problems.add(where + " has no permissions of its own");
                }
                String jobText = String.join("\n", strings(job, new ArrayList<>()));
                boolean callsAws = jobText.contains("configure-aws-credentials")
                        || String.valueOf(job.get("uses")).startsWith("./.github/workflows/");
                if (permissions != null && permissions.containsKey("id-token") && !callsAws) {
                    problems.add(where + " asks for an OIDC token but calls no AWS action or workflow");
                }
                if (jobText.contains("aws-access-key-id") || jobText.contains("aws-secret-access-key")) {
                    problems.add(where + ": AWS keys instead of OIDC");
                }
                List<Map<String, Object>> steps = (List<Map<String, Object>>) job.getOrDefault("steps", List.of());
                for (Map<String, Object> step : steps) {
                    Object uses = step.get("uses");
                    if (uses == null || uses.toString().startsWith("./")) {
                        continue;
                    }
                    if (!PINNED.matcher(uses.toString()).matches()) {
                        problems.add(where + ": " + uses + " is not pinned to a full commit");
                    } else if (!Pattern.compile(Pattern.quote(uses.toString()) + " # v\\S+").matcher(text).find()) {
                        problems.add(where + ": " + uses + " has no comment naming its release");
                    }
                }
                problems.addAll(expressions(where, job, jobText, inputs));
            });
            return problems;
        }

        @SuppressWarnings("unchecked")
        private static List<String> expressions(String where, Map<String, Object> job, String jobText,
                Set<String> inputs) {
            Set<String> needs = new LinkedHashSet<>();
            Object needed = job.get("needs");
            if (needed instanceof List<?> list) {
                list.forEach(item -> needs.add(item.toString()));
            } else if (needed != null) {
                needs.add(needed.toString());
            }
            Set<String> stepIds = new LinkedHashSet<>();
            ((List<Map<String, Object>>) job.getOrDefault("steps", List.of()))
                    .forEach(step -> { if (step.get("id") != null) { stepIds.add(step.get("id").toString()); } });
            Set<String> matrixKeys = new LinkedHashSet<>();
            Map<String, Object> strategy = (Map<String, Object>) job.get("strategy");
            if (strategy != null && strategy.get("matrix") instanceof Map<?, ?> matrix) {
                matrix.forEach((key, value) -> {
                    if (key.equals("include") && value instanceof List<?> rows) {
                        rows.forEach(row -> matrixKeys.addAll(((Map<String, Object>) row).keySet()));
                    } else {
                        matrixKeys.add(key.toString());
                    }
                });
            }
            // An `if:` is an expression whether or not it is written inside ${{ }}.
            Map<String, String> bodies = new LinkedHashMap<>();
            List<Object> conditions = new ArrayList<>();
            conditions.add(job.get("if"));
            ((List<Map<String, Object>>) job.getOrDefault("steps", List.of())).forEach(step -> conditions.add(step.get("if")));
            conditions.stream().filter(condition -> condition != null && !condition.toString().contains("${{"))
                    .forEach(condition -> bodies.put("`if: " + condition + "`", condition.toString()));
            Matcher expression = EXPRESSION.matcher(jobText);
            while (expression.find()) {
                bodies.put("${{" + expression.group(1) + "}}", expression.group(1));
            }
            List<String> problems = new ArrayList<>();
            for (Map.Entry<String, String> written : bodies.entrySet()) {
                String shown = written.getKey();
                String body = written.getValue().replaceAll("'[^']*'", "''");
                Matcher reference = REFERENCE.matcher(body);
                while (reference.find()) {
                    String context = reference.group(1);
                    String[] path = reference.group(2).isEmpty() ? new String[0]
                            : reference.group(2).substring(1).split("\\.");
                    String first = path.length > 0 ? path[0] : null;
                    if (FUNCTIONS_AND_LITERALS.contains(context.toLowerCase())) {
                        continue;
                    }
                    if (!CONTEXTS.contains(context)) {
                        problems.add(where + ": " + shown + " names no context");
                    } else if (context.equals("needs") && first != null && !needs.contains(first)) {
                        problems.add(where + ": " + shown + " names a job it does not need");
                    } else if (context.equals("steps") && first != null && !stepIds.contains(first)) {
                        problems.add(where + ": " + shown + " names no step of the job");
                    } else if (context.equals("inputs") && first != null && !inputs.contains(first)) {
                        problems.add(where + ": " + shown + " names no input of the workflow");
                    } else if (context.equals("matrix") && first != null && !matrixKeys.contains(first)) {
                        problems.add(where + ": " + shown + " names no key of the job's matrix");
                    }
                }
            }
            return problems;
        }

        /** Every key and string value in a parsed YAML tree, so that no expression is cut by a line break. */
        private static List<String> strings(Object node, List<String> into) {
            if (node instanceof Map<?, ?> map) {
                map.forEach((key, value) -> {
                    into.add(String.valueOf(key));
                    strings(value, into);
                });
            } else if (node instanceof List<?> list) {
                list.forEach(item -> strings(item, into));
            } else if (node != null) {
                into.add(node.toString());
            }
            return into;
        }

        /** Inputs declared by any trigger (workflow_dispatch, workflow_call). */
        @SuppressWarnings("unchecked")
        private static Set<String> inputsOf(Object on) {
            Set<String> inputs = new LinkedHashSet<>();
            if (on instanceof Map<?, ?> triggers) {
                triggers.values().forEach(trigger -> {
                    if (trigger instanceof Map<?, ?> settings && settings.get("inputs") instanceof Map<?, ?> declared) {
                        declared.keySet().forEach(key -> inputs.add(key.toString()));
                    }
                });
            }
            return inputs;
        }
    }
}
