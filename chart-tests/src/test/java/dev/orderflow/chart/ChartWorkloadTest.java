package dev.orderflow.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.chart.RenderedChart.Manifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/** Probes, shutdown, rollout, scaling and configuration of the two services, as rendered. */
class ChartWorkloadTest {

    private static final List<String> SERVICES = List.of("order-gateway", "order-processor");

    @Test
    void probesAreOnTheManagementPortAndLivenessIgnoresDependencies() {
        RenderedChart chart = HelmChart.ofRepository().render();
        for (String service : SERVICES) {
            Manifest deployment = chart.get("Deployment", service);
            Map<String, Object> container = container(deployment);
            Map<String, Object> config = chart.get("ConfigMap", service).mapAt("data");

            assertThat(probe(container, "startupProbe")).containsEntry("path", "/actuator/health/liveness")
                    .containsEntry("port", "management");
            assertThat(probe(container, "livenessProbe")).containsEntry("path", "/actuator/health/liveness")
                    .containsEntry("port", "management");
            assertThat(probe(container, "readinessProbe")).containsEntry("path", "/actuator/health/readiness")
                    .containsEntry("port", "management");
            assertThat(port(container, "management")).isEqualTo(
                    Integer.parseInt((String) config.get("MANAGEMENT_SERVER_PORT")));
            assertThat(port(container, "http")).isEqualTo(Integer.parseInt((String) config.get("SERVER_PORT")));
        }
    }

    @Test
    void podsPauseBeforeSigtermAndOutwaitSpringsShutdownPhase() throws IOException {
        RenderedChart chart = HelmChart.ofRepository().render();
        for (String service : SERVICES) {
            Manifest deployment = chart.get("Deployment", service);
            Object sleep = new Manifest(container(deployment)).at("lifecycle", "preStop", "sleep", "seconds");
            Object grace = deployment.at("spec", "template", "spec", "terminationGracePeriodSeconds");

            assertThat(sleep).isEqualTo(5);
            assertThat(chart.get("ConfigMap", service).mapAt("data"))
                    .containsEntry("SPRING_LIFECYCLE_TIMEOUTPERSHUTDOWNPHASE", springShutdownPhaseSeconds(service) + "s");
            assertThat((Integer) grace).as(service)
                    .isGreaterThan((Integer) sleep + springShutdownPhaseSeconds(service));
        }
    }

    @Test
    void theShutdownPhaseTheChartChecksIsTheOneThePodsGet() {
        RenderedChart chart = HelmChart.ofRepository().set("shutdown.springShutdownPhaseSeconds", 20)
                .set("shutdown.terminationGracePeriodSeconds", 40).render();
        for (String service : SERVICES) {
            assertThat(chart.get("ConfigMap", service).mapAt("data"))
                    .containsEntry("SPRING_LIFECYCLE_TIMEOUTPERSHUTDOWNPHASE", "20s");
            assertThat(chart.get("Deployment", service).at("spec", "template", "spec",
                    "terminationGracePeriodSeconds")).isEqualTo(40);
        }
        assertThat(HelmChart.ofRepository().set("shutdown.springShutdownPhaseSeconds", 30).renderFailure())
                .contains("must exceed preStopSleepSeconds + springShutdownPhaseSeconds (35)");
    }

    /** spring.lifecycle.timeout-per-shutdown-phase of the service's own application.yml, in seconds: the chart's
     *  default sets the same, so a pod run from the chart drains as one run from the jar. */
    private static int springShutdownPhaseSeconds(String service) throws IOException {
        Path applicationYml = HelmChart.repositoryChart().resolve("../../../bootstrap-" + service.replace("order-", "")
                + "/src/main/resources/application.yml").normalize();
        Map<String, Object> yml = Manifest.asMap(new Yaml().load(Files.readString(applicationYml)));
        String phase = (String) new Manifest(yml).at("spring", "lifecycle", "timeout-per-shutdown-phase");
        assertThat(phase).as(applicationYml.toString()).matches("\\d+s");
        return Integer.parseInt(phase.substring(0, phase.length() - 1));
    }

    @Test
    void aGracePeriodThatWouldCutTheShutdownShortIsRefused() {
        assertThat(HelmChart.ofRepository().set("shutdown.terminationGracePeriodSeconds", 12).renderFailure())
                .contains("must exceed preStopSleepSeconds + springShutdownPhaseSeconds");
    }

    @Test
    void rolloutsNeverTakeAPodAwayBeforeItsReplacementIsReady() {
        RenderedChart chart = HelmChart.ofRepository().render();
        for (String service : SERVICES) {
            assertThat(chart.get("Deployment", service).at("spec", "strategy", "rollingUpdate", "maxUnavailable"))
                    .isEqualTo(0);
        }
    }

    @Test
    void withAutoscalingTheHpaOwnsTheReplicaCount() {
        RenderedChart scaled = HelmChart.ofRepository().render();
        RenderedChart fixed = HelmChart.ofRepository().withValues("values-dev.yaml").render();

        assertThat(scaled.get("Deployment", "order-gateway").at("spec", "replicas")).isNull();
        Manifest hpa = scaled.get("HorizontalPodAutoscaler", "order-gateway");
        assertThat(hpa.apiVersion()).isEqualTo("autoscaling/v2");
        assertThat(hpa.at("spec", "scaleTargetRef", "name")).isEqualTo("order-gateway");
        assertThat(hpa.at("spec", "minReplicas")).isEqualTo(2);
        assertThat(fixed.get("Deployment", "order-gateway").at("spec", "replicas")).isEqualTo(1);
        assertThat(fixed.ofKind("HorizontalPodAutoscaler")).isEmpty();
    }

    @Test
    void topologySpreadKeepsEachServicesReplicasApart() {
        Manifest deployment = HelmChart.ofRepository().render().get("Deployment", "order-processor");
        List<Object> constraints = deployment.listAt("spec", "template", "spec", "topologySpreadConstraints");

        assertThat(constraints).extracting(c -> Manifest.asMap(c).get("topologyKey"))
                .containsExactly("topology.kubernetes.io/zone", "kubernetes.io/hostname");
        assertThat(new Manifest(Manifest.asMap(constraints.get(0))).at("labelSelector", "matchLabels",
                "app.kubernetes.io/component")).isEqualTo("order-processor");
    }

    @Test
    void theGatewayFindsTheProcessorByTheServiceNameAndPortOfTheChartsOwnValues() {
        RenderedChart chart = HelmChart.ofRepository().set("processor.ports.http", 9101).render();

        assertThat(chart.get("ConfigMap", "order-gateway").mapAt("data"))
                .containsEntry("ORDER_PROCESSOR_URL", "http://order-processor:9101");
        Manifest service = chart.get("Service", "order-processor");
        assertThat(Manifest.asMap(service.listAt("spec", "ports").get(0))).containsEntry("port", 9101)
                .containsEntry("name", "http");
        assertThat(service.at("spec", "selector", "app.kubernetes.io/component")).isEqualTo("order-processor");
        assertThat(chart.get("ConfigMap", "order-processor").mapAt("data")).containsEntry("SERVER_PORT", "9101");
        assertThat(port(container(chart.get("Deployment", "order-processor")), "http")).isEqualTo(9101);
    }

    @Test
    void theConfigMapHoldsTheContractsEnvironmentForEachMode() {
        RenderedChart dev = HelmChart.ofRepository().withValues("values-dev.yaml").render();
        RenderedChart prod = HelmChart.ofRepository().withValues("values-prod.yaml").render();

        assertThat(dev.get("ConfigMap", "order-gateway").mapAt("data"))
                .containsEntry("DYNAMODB_ENDPOINT", "http://dynamodb-local:8000")
                .containsEntry("ORDERS_TABLE", "orders").containsEntry("INVENTORY_MODE", "remote")
                .containsEntry("ORDERFLOW_RECOVERY_INTERVAL", "5s");
        assertThat(dev.get("ConfigMap", "order-processor").mapAt("data"))
                .containsEntry("DYNAMODB_ENDPOINT", "http://dynamodb-local:8000")
                .containsEntry("SPRING_PROFILES_ACTIVE", "dynamodb-local")
                .containsEntry("INVENTORY_TABLE", "inventory").containsEntry("RESERVATIONS_TABLE", "reservations");
        assertThat(prod.get("ConfigMap", "order-processor").mapAt("data")).doesNotContainKey("DYNAMODB_ENDPOINT")
                .as("production budgets on AWS").doesNotContainKey("SPRING_PROFILES_ACTIVE")
                .containsEntry("AWS_REGION", "eu-west-1")
                .containsEntry("INVENTORY_TABLE", "orderflow-prod-inventory");
    }

    @Test
    void aConfigurationChangeRollsOnlyThePodsOfTheServiceItConcerns() {
        RenderedChart before = HelmChart.ofRepository().render();
        RenderedChart after = HelmChart.ofRepository().set("gateway.env.ORDERFLOW_RECOVERY_INTERVAL", "3s").render();

        assertThat(checksum(after, "order-gateway")).isNotEqualTo(checksum(before, "order-gateway"));
        assertThat(checksum(after, "order-processor")).isEqualTo(checksum(before, "order-processor"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"values.yaml", "values-prod.yaml"})
    void eachPodDisruptionBudgetHasExactlyOneOfItsTwoBounds(String valuesFile) {
        for (Manifest pdb : HelmChart.ofRepository().withValues(valuesFile).render().ofKind("PodDisruptionBudget")) {
            Map<String, Object> spec = pdb.mapAt("spec");
            assertThat(spec.containsKey("minAvailable") ^ spec.containsKey("maxUnavailable"))
                    .as("exactly one bound in %s", spec).isTrue();
        }
    }

    @Test
    void bothBoundsOfAPodDisruptionBudgetAreRefused() {
        assertThat(HelmChart.ofRepository().set("gateway.podDisruptionBudget.maxUnavailable", 1).renderFailure())
                .contains("podDisruptionBudget");
    }

    @Test
    void theSchemaRefusesUnknownKeysAndWrongTypes() {
        assertThat(HelmChart.ofRepository().set("gateway.replicas", 3).renderFailure())
                .contains("values don't meet the specifications of the schema").contains("replicas");
        assertThat(HelmChart.ofRepository().set("processor.ports.http", "eighty").renderFailure())
                .contains("values don't meet the specifications of the schema").contains("http");
        assertThat(HelmChart.ofRepository().set("containerSecurityContext.readOnlyRootFilesystem", false)
                .renderFailure()).contains("readOnlyRootFilesystem");
    }

    private static Object checksum(RenderedChart chart, String deployment) {
        return chart.get("Deployment", deployment).at("spec", "template", "metadata", "annotations",
                "checksum/config");
    }

    static Map<String, Object> container(Manifest deployment) {
        return Manifest.asMap(deployment.listAt("spec", "template", "spec", "containers").get(0));
    }

    private static Map<String, Object> probe(Map<String, Object> container, String probe) {
        return Manifest.asMap(new Manifest(container).at(probe, "httpGet"));
    }

    private static int port(Map<String, Object> container, String name) {
        return Manifest.asList(container.get("ports")).stream().map(Manifest::asMap)
                .filter(port -> name.equals(port.get("name"))).map(port -> (Integer) port.get("containerPort"))
                .findFirst().orElseThrow();
    }
}
