package dev.orderflow.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.chart.RenderedChart.Manifest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every pod of the chart is locked down, and the NetworkPolicies admit exactly the traffic the system needs. */
class ChartSecurityTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"values.yaml", "values-dev.yaml", "values-prod.yaml"})
    void everyPodRunsAsTheFixedNonRootUserWithAReadOnlyRootAndNoPrivileges(String valuesFile) {
        RenderedChart chart = HelmChart.ofRepository().withValues(valuesFile).render();

        assertThat(chart.podSpecs()).isNotEmpty();
        for (Map.Entry<String, Map<String, Object>> pod : chart.podSpecs()) {
            Manifest spec = new Manifest(pod.getValue());
            assertThat(spec.at("securityContext", "runAsNonRoot")).as(pod.getKey()).isEqualTo(true);
            assertThat(spec.at("securityContext", "runAsUser")).as(pod.getKey()).isEqualTo(10001);
            assertThat(spec.at("securityContext", "seccompProfile", "type")).as(pod.getKey())
                    .isEqualTo("RuntimeDefault");
            assertThat(spec.at("automountServiceAccountToken")).as(pod.getKey()).isEqualTo(false);
            for (Object item : spec.listAt("containers")) {
                Manifest container = new Manifest(Manifest.asMap(item));
                assertThat(container.at("securityContext", "readOnlyRootFilesystem")).as(pod.getKey()).isEqualTo(true);
                assertThat(container.at("securityContext", "allowPrivilegeEscalation")).as(pod.getKey())
                        .isEqualTo(false);
                assertThat(container.at("securityContext", "capabilities", "drop")).as(pod.getKey())
                        .isEqualTo(List.of("ALL"));
                assertThat(container.at("resources", "limits", "memory")).as(pod.getKey()).isNotNull();
            }
        }
    }

    @Test
    void theJvmPodsWriteOnlyToAnEmptyDirAtTmp() {
        RenderedChart chart = HelmChart.ofRepository().withValues("values-dev.yaml").render();
        for (Map.Entry<String, Map<String, Object>> pod : chart.podSpecs()) {
            if (pod.getKey().startsWith("Pod/")) {
                continue; // the curl test Pod writes nothing
            }
            Manifest spec = new Manifest(pod.getValue());
            assertThat(spec.listAt("volumes")).as(pod.getKey()).anySatisfy(volume ->
                    assertThat(Manifest.asMap(volume)).containsEntry("name", "tmp").containsKey("emptyDir"));
            assertThat(spec.listAt("containers", 0, "volumeMounts")).as(pod.getKey()).anySatisfy(mount ->
                    assertThat(Manifest.asMap(mount)).containsEntry("name", "tmp").containsEntry("mountPath", "/tmp"));
        }
    }

    @Test
    void eachServiceHasItsOwnServiceAccountWithRoomForAnAwsRoleAndNoToken() {
        RenderedChart chart = HelmChart.ofRepository().withValues("values-prod.yaml").render();

        for (String service : List.of("order-gateway", "order-processor")) {
            Manifest account = chart.get("ServiceAccount", service);
            assertThat(account.at("automountServiceAccountToken")).isEqualTo(false);
            assertThat((String) account.at("metadata", "annotations", "eks.amazonaws.com/role-arn"))
                    .endsWith(service.replace("order-", "orderflow-prod-"));
            assertThat(chart.get("Deployment", service).at("spec", "template", "spec", "serviceAccountName"))
                    .isEqualTo(service);
        }
    }

    @Test
    void everyPodOfTheReleaseIsDeniedEverythingNotAllowedBelow() {
        RenderedChart chart = HelmChart.ofRepository().withValues("values-dev.yaml").render();
        Manifest deny = chart.get("NetworkPolicy", "orderflow-default-deny");

        assertThat(deny.at("spec", "podSelector", "matchLabels")).isEqualTo(
                Map.of("app.kubernetes.io/name", "orderflow", "app.kubernetes.io/instance", "orderflow"));
        assertThat(deny.at("spec", "policyTypes")).isEqualTo(List.of("Ingress", "Egress"));
        assertThat(deny.mapAt("spec")).doesNotContainKeys("ingress", "egress");
        for (Map.Entry<String, Map<String, Object>> pod : chart.podSpecs()) {
            String owner = pod.getKey();
            Map<String, Object> labels = podLabels(chart, owner);
            assertThat(labels).as(owner).containsAllEntriesOf(Manifest.asMap(deny.at("spec", "podSelector",
                    "matchLabels")));
        }
    }

    @Test
    void theProcessorAdmitsOnlyTheGatewayAndTheMetricsPortOnlyFromTheMonitoringNamespace() {
        RenderedChart chart = HelmChart.ofRepository().set("networkPolicy.monitoringNamespace", "observability")
                .render();
        Manifest policy = chart.get("NetworkPolicy", "order-processor");
        List<Object> ingress = policy.listAt("spec", "ingress");

        assertThat(policy.at("spec", "podSelector", "matchLabels", "app.kubernetes.io/component"))
                .isEqualTo("order-processor");
        assertThat(ingress).hasSize(2);
        Manifest fromGateway = new Manifest(Manifest.asMap(ingress.get(0)));
        assertThat(fromGateway.at("from", 0, "podSelector", "matchLabels", "app.kubernetes.io/component"))
                .isEqualTo("order-gateway");
        assertThat(fromGateway.at("ports", 0, "port")).isEqualTo(8001);
        assertThat(fromGateway.listAt("from")).hasSize(1);
        Manifest fromMonitoring = new Manifest(Manifest.asMap(ingress.get(1)));
        assertThat(fromMonitoring.at("from", 0, "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name"))
                .isEqualTo("observability");
        assertThat(fromMonitoring.at("ports", 0, "port")).isEqualTo(9001);
        assertThat(fromMonitoring.listAt("ports")).hasSize(1);
    }

    @Test
    void theEksPodIdentityAgentIsReachableOnlyWhenAskedFor() {
        String agent = "169.254.170.23/32";
        RenderedChart byDefault = HelmChart.ofRepository().render();
        RenderedChart withAgent = HelmChart.ofRepository().set("networkPolicy.eksPodIdentityAgent", true).render();

        for (String service : List.of("order-gateway", "order-processor")) {
            assertThat(egressCidrsAndPorts(byDefault, service)).as(service).contains("0.0.0.0/0:443")
                    .doesNotContain(agent + ":80");
            assertThat(egressCidrsAndPorts(withAgent, service)).as(service)
                    .contains("0.0.0.0/0:443", agent + ":80", "fd00:ec2::23/128:80");
        }
    }

    private static List<String> egressCidrsAndPorts(RenderedChart chart, String policy) {
        return chart.get("NetworkPolicy", policy).listAt("spec", "egress").stream()
                .map(rule -> new Manifest(Manifest.asMap(rule)))
                .filter(rule -> rule.at("to") != null && rule.at("ports") != null)
                .flatMap(rule -> rule.listAt("to").stream()
                        .map(peer -> new Manifest(Manifest.asMap(peer)).at("ipBlock", "cidr"))
                        .filter(cidr -> cidr != null)
                        .flatMap(cidr -> rule.listAt("ports").stream()
                                .map(port -> cidr + ":" + Manifest.asMap(port).get("port"))))
                .toList();
    }

    @Test
    void dynamodbLocalAdmitsOnlyTheServicesAndTheTableBootstrapJob() {
        RenderedChart chart = HelmChart.ofRepository().withValues("values-dev.yaml").render();
        Manifest policy = chart.get("NetworkPolicy", "dynamodb-local");

        assertThat(policy.listAt("spec", "ingress")).hasSize(1);
        assertThat(policy.listAt("spec", "ingress", 0, "from")).extracting(peer ->
                        new Manifest(Manifest.asMap(peer)).at("podSelector", "matchLabels", "app.kubernetes.io/component"))
                .containsExactlyInAnyOrder("order-gateway", "order-processor", "table-bootstrap");
        assertThat(policy.at("spec", "ingress", 0, "ports", 0, "port")).isEqualTo(8000);
        Manifest job = chart.ofKind("Job").get(0);
        assertThat(job.at("spec", "template", "metadata", "labels", "app.kubernetes.io/component"))
                .isEqualTo("table-bootstrap");
    }

    @Test
    void theTestPodMayReachTheProcessorOnlyThroughPoliciesThatExistDuringHelmTest() {
        RenderedChart release = HelmChart.ofRepository().renderReleaseManifest();
        RenderedChart withHooks = HelmChart.ofRepository().render();

        assertThat(release.kindsAndNames()).doesNotContain("Pod/orderflow-test", "NetworkPolicy/orderflow-test-in",
                "NetworkPolicy/orderflow-test-out");
        assertThat(withHooks.kindsAndNames()).contains("Pod/orderflow-test", "NetworkPolicy/orderflow-test-in",
                "NetworkPolicy/orderflow-test-out");
    }

    private static Map<String, Object> podLabels(RenderedChart chart, String owner) {
        String[] kindAndName = owner.split("/", 2);
        Manifest manifest = chart.get(kindAndName[0], kindAndName[1]);
        Object labels = kindAndName[0].equals("Pod") ? manifest.at("metadata", "labels")
                : manifest.at("spec", "template", "metadata", "labels");
        return Manifest.asMap(labels);
    }
}
