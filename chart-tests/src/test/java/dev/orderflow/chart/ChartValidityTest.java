package dev.orderflow.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The chart lints strictly, and every object it renders, with the defaults and each values file, is valid. */
class ChartValidityTest {

    private static final StrictValidator VALIDATOR = new StrictValidator();

    @Test
    void helmLintStrictFindsNothing() {
        LintResult lint = HelmChart.ofRepository().lintStrict();

        assertThat(lint.isFailed()).as("helm lint --strict: %s", lint.getMessages()).isFalse();
        assertThat(lint.getMessages()).noneMatch(message -> message.contains("[WARNING]")
                || message.contains("[ERROR]"));
    }

    @Test
    void theEngineIsHelm3() {
        assertThat(Helm.version().call()).startsWith("v3.");
    }

    @ParameterizedTest(name = "values {0}")
    @ValueSource(strings = {"values.yaml", "values-dev.yaml", "values-prod.yaml"})
    void everyRenderedObjectIsValidForTheKubernetesApiAndThePrometheusOperator(String valuesFile) {
        RenderedChart chart = HelmChart.ofRepository().withValues(valuesFile).render();

        assertThat(chart.manifests()).hasSizeGreaterThan(10);
        assertThat(VALIDATOR.problems(chart)).isEmpty();
    }

    @Test
    void theNotesTellHowToReachTheGatewayAndPlaceAFirstOrder() {
        String dev = HelmChart.ofRepository().withValues("values-dev.yaml").notes();
        String prod = HelmChart.ofRepository().withValues("values-prod.yaml").notes();

        assertThat(dev).contains("port-forward service/order-gateway 8000:8000", "POST $GATEWAY/orders",
                "DynamoDB Local (http://dynamodb-local:8000, in memory", "helm test orderflow -n orderflow");
        assertThat(prod).contains("export GATEWAY=https://orders.example.com", "AWS DynamoDB in eu-west-1",
                "ServiceMonitors carry release=kube-prometheus-stack");
    }

    @Test
    void eachValuesFileRendersTheObjectsItIsFor() {
        List<String> defaults = HelmChart.ofRepository().render().kindsAndNames();
        List<String> dev = HelmChart.ofRepository().withValues("values-dev.yaml").render().kindsAndNames();
        List<String> prod = HelmChart.ofRepository().withValues("values-prod.yaml").render().kindsAndNames();

        List<String> services = List.of("Deployment/order-gateway", "Deployment/order-processor",
                "Service/order-gateway", "Service/order-processor", "ConfigMap/order-gateway",
                "ConfigMap/order-processor", "ServiceAccount/order-gateway", "ServiceAccount/order-processor",
                "NetworkPolicy/orderflow-default-deny", "NetworkPolicy/order-gateway",
                "NetworkPolicy/order-processor", "Pod/orderflow-test");
        assertThat(defaults).containsAll(services)
                .contains("HorizontalPodAutoscaler/order-gateway", "PodDisruptionBudget/order-processor")
                .noneMatch(name -> name.contains("dynamodb-local") || name.startsWith("Job/"));
        assertThat(dev).containsAll(services)
                .contains("Deployment/dynamodb-local", "Service/dynamodb-local", "NetworkPolicy/dynamodb-local",
                        "Job/orderflow-create-tables-1")
                .noneMatch(name -> name.startsWith("HorizontalPodAutoscaler/")
                        || name.startsWith("PodDisruptionBudget/"));
        assertThat(prod).containsAll(services)
                .contains("Ingress/order-gateway", "ServiceMonitor/order-gateway", "ServiceMonitor/order-processor")
                .noneMatch(name -> name.contains("dynamodb-local") || name.startsWith("Job/"));
    }
}
