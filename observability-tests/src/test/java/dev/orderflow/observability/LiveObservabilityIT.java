package dev.orderflow.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.observability.PanelQueries.Evaluated;
import dev.orderflow.observability.PanelQueries.PanelResult;
import dev.orderflow.observability.PanelQueries.TargetResult;
import dev.orderflow.observability.PrometheusServer.Series;
import dev.orderflow.observability.RuleFiles.Rule;
import dev.orderflow.testsupport.DynamoDbLocal;
import dev.orderflow.testsupport.FreePorts;
import dev.orderflow.testsupport.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Debian's Prometheus (2.42) scrapes the real service jars every second while orders run through them: normal
 * orders, rejected ones, a processor killed long enough to open the gateway's processor breaker, and the recovery
 * step resolving the orders left pending. Then every panel of the service, dependency and JVM dashboards is run
 * through Prometheus's HTTP API with the dashboard's variables substituted, every alert expression is evaluated,
 * and the panels are rendered. About eighty seconds of load at twenty orders a second: CPU is shared.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveObservabilityIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration NORMAL = Duration.ofSeconds(30);
    private static final Duration OUTAGE = Duration.ofSeconds(20);
    private static final Duration TAIL = Duration.ofSeconds(10);
    private static final Duration STEP = Duration.ofSeconds(2);
    /** What Grafana's $__rate_interval would be for a 1 s scrape, rounded up to smooth the short run's curves. */
    private static final Duration RATE_INTERVAL = Duration.ofSeconds(10);
    private static final List<String> SERVICE_DASHBOARDS = List.of("service-overview.json", "dependencies.json",
            "jvm.json");
    private static final Path WORK = Path.of("target", "live");

    private DynamoDbLocal dynamoDb;
    private ServiceProcess processor;
    private ServiceProcess gateway;
    private PrometheusServer prometheus;
    private int gatewayManagementPort;
    private Instant start;
    private Instant outageStart;
    private Instant outageEnd;
    private Instant end;
    private final Map<String, Evaluated> dashboards = new HashMap<>();

    @BeforeAll
    void runTheSystemUnderLoadWhilePrometheusScrapesIt() throws IOException {
        PrometheusTools.prometheus();
        PrometheusServer.emptyDirectory(WORK);
        dynamoDb = DynamoDbLocal.start();
        int processorPort = FreePorts.next();
        int processorManagementPort = FreePorts.next();
        int gatewayPort = FreePorts.next();
        gatewayManagementPort = FreePorts.next();
        Path logs = Path.of(System.getProperty("orderflow.logs", "target/service-logs"));
        Map<String, String> common = Map.of("DYNAMODB_ENDPOINT", dynamoDb.endpoint().toString(),
                "AWS_REGION", "us-east-1", "ORDERFLOW_DYNAMODB_CREATE_TABLES", "true",
                // DynamoDB Local on a shared machine answers in tens of milliseconds, not a few: the production
                // budgets would turn that into errors this run is not about. The services ship a profile for it.
                "SPRING_PROFILES_ACTIVE", "dynamodb-local");
        Map<String, String> processorEnvironment = new HashMap<>(common);
        processorEnvironment.put("SERVER_PORT", Integer.toString(processorPort));
        processorEnvironment.put("MANAGEMENT_SERVER_PORT", Integer.toString(processorManagementPort));
        Map<String, String> gatewayEnvironment = new HashMap<>(common);
        gatewayEnvironment.putAll(Map.of("SERVER_PORT", Integer.toString(gatewayPort),
                "MANAGEMENT_SERVER_PORT", Integer.toString(gatewayManagementPort),
                "ORDER_PROCESSOR_URL", "http://localhost:" + processorPort,
                "ORDERFLOW_INVENTORY_ATTEMPTTIMEOUT", "5s",
                "ORDERFLOW_RECOVERY_INTERVAL", "1s", "ORDERFLOW_RECOVERY_MINIMUMAGE", "3s"));
        processor = new ServiceProcess("observability-processor", jar("orderflow.processor.jar"),
                processorEnvironment, logs, processorManagementPort).start(START_TIMEOUT);
        gateway = new ServiceProcess("observability-gateway", jar("orderflow.gateway.jar"), gatewayEnvironment,
                logs, gatewayManagementPort).start(START_TIMEOUT);
        prometheus = PrometheusServer.start(WORK, scrapeConfiguration(gatewayManagementPort,
                processorManagementPort), WORK.resolve("data"));
        stock(URI.create("http://localhost:" + processorPort));

        start = Instant.now();
        try (OrderTraffic traffic = new OrderTraffic(URI.create("http://localhost:" + gatewayPort), 3)) {
            PrometheusServer.sleep(NORMAL);
            outageStart = Instant.now();
            processor.kill();
            PrometheusServer.sleep(OUTAGE);
            processor.start(START_TIMEOUT);
            outageEnd = Instant.now();
            awaitPendingOrdersRecovered();
            PrometheusServer.sleep(TAIL);
            System.out.println("answers by status: " + traffic.statuses());
        }
        // one more scrape and rule evaluation after the last order
        PrometheusServer.sleep(Duration.ofSeconds(3));
        end = Instant.now();
        for (String name : SERVICE_DASHBOARDS) {
            Dashboard dashboard = Dashboard.named(name);
            dashboards.put(name, PanelQueries.evaluate(dashboard, prometheus, start, end, STEP, RATE_INTERVAL));
        }
    }

    /**
     * Static targets carrying the labels a ServiceMonitor's targets get on Kubernetes (namespace, service, pod,
     * container, endpoint), so the dashboards' variables and filters work unchanged. A restarted processor keeps its
     * pod label, as a restarted container does.
     */
    private static String scrapeConfiguration(int gatewayManagementPort, int processorManagementPort) {
        StringBuilder config = new StringBuilder("""
                global:
                  scrape_interval: 1s
                  scrape_timeout: 1s
                  evaluation_interval: 1s
                rule_files:
                """);
        RuleFiles.files().forEach(file -> config.append("  - ").append(file.toAbsolutePath()).append('\n'));
        config.append("scrape_configs:\n");
        for (Object[] target : new Object[][] {{"order-gateway", gatewayManagementPort},
                {"order-processor", processorManagementPort}}) {
            config.append("""
                      - job_name: %1$s
                        metrics_path: /actuator/prometheus
                        static_configs:
                          - targets: ['127.0.0.1:%2$d']
                            labels:
                              namespace: orderflow
                              service: %1$s
                              pod: %1$s-live
                              container: %1$s
                              endpoint: management
                    """.formatted(target[0], target[1]));
        }
        return config.toString();
    }

    private static void stock(URI processor) {
        HttpClient http = HttpClient.newHttpClient();
        Map<String, Integer> stock = Map.of(OrderTraffic.PRODUCT, 1_000_000, OrderTraffic.SCARCE_PRODUCT, 5);
        for (Map.Entry<String, Integer> product : stock.entrySet()) {
            String body = "{\"stock\":%d,\"price\":9.99,\"name\":\"%s\"}".formatted(product.getValue(),
                    product.getKey());
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                processor.resolve("/inventory/" + product.getKey()))
                        .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Until the gateway's recovery step has resolved the orders the outage left pending (at most a minute). */
    private void awaitPendingOrdersRecovered() {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            String metrics = scrape(gatewayManagementPort, "text/plain");
            if (sample(metrics, "orderflow_recovery_pending{") == 0 && sample(metrics,
                    "orderflow_orders_total{application=\"order-gateway\",outcome=\"recovered_confirmed\"}") > 0) {
                return;
            }
            PrometheusServer.sleep(Duration.ofSeconds(1));
        }
        throw new AssertionError("the recovery step did not resolve the pending orders within 60 s");
    }

    private static double sample(String exposition, String prefix) {
        return exposition.lines().filter(line -> line.startsWith(prefix))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private static String scrape(int port, String accept) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/actuator/prometheus")).header("Accept", accept)
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path jar(String property) {
        String path = System.getProperty(property);
        if (path == null) {
            throw new IllegalStateException("system property " + property + " is not set (run through Maven)");
        }
        return Path.of(path);
    }

    @AfterAll
    void stopEverything() {
        for (AutoCloseable closeable : new AutoCloseable[] {prometheus, gateway, processor, dynamoDb}) {
            if (closeable != null) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    System.err.println("could not stop " + closeable + ": " + e);
                }
            }
        }
    }

    @Test
    void debiansPrometheusScrapesBothServicesWithTheirExemplarsOnBucketsAndCounters() {
        for (JsonNode target : prometheus.api("/api/v1/targets", Map.of()).path("activeTargets")) {
            assertThat(target.path("health").asText()).as(target.toString()).isEqualTo("up");
        }
        List<Series> samples = prometheus.queryRange("scrape_samples_scraped", start, outageStart, STEP);
        assertThat(samples).hasSize(2).allSatisfy(series -> assertThat(series.max()).isGreaterThan(1000));
        String openMetrics = scrape(gatewayManagementPort, "application/openmetrics-text;version=1.0.0");
        List<String> withExemplar = openMetrics.lines().filter(line -> line.contains(" # {")).toList();
        assertThat(withExemplar).as("trace exemplars are kept where Prometheus 2.42 accepts them").isNotEmpty()
                .allSatisfy(line -> assertThat(line.substring(0, line.indexOf('{'))).matches(".+_(bucket|total)"));
    }

    @Test
    void everyPanelOfTheServiceDashboardsReturnsSeries() {
        for (Evaluated dashboard : dashboards.values()) {
            for (PanelResult panel : dashboard.panels()) {
                for (TargetResult target : panel.targets()) {
                    assertThat(target.series()).as("%s / %s / %s: %s", dashboard.dashboard().name(),
                                    panel.panel().title(), target.target().refId(), target.expr())
                            .anySatisfy(series -> assertThat(series.hasFiniteValue()).isTrue());
                }
            }
        }
    }

    @Test
    void thePanelsShowWhatTheRunDid() {
        Evaluated overview = dashboards.get("service-overview.json");
        assertThat(labelValues(overview.panel("Orders by outcome"), "outcome", positive()))
                .contains("confirmed", "replayed", "insufficient_stock", "unknown_product", "invalid",
                        "idempotency_conflict", "pending", "not_placed", "recovered_confirmed");
        assertThat(labelValues(overview.panel("Reservations by outcome"), "outcome", positive()))
                .contains("reserved", "insufficient_stock", "unknown_product");
        assertThat(labelValues(overview.panel("5xx ratio by service and route"), "uri", positive()))
                .contains("/orders");
        assertThat(maxOf(overview.panel("Pending orders"))).isPositive();
        assertThat(maxOf(overview.panel("Latency p50 / p95 / p99 by service and route"))).isPositive();
        assertThat(maxOf(overview.panel("Availability: burn rate"))).isGreaterThan(14.4);

        Evaluated dependencies = dashboards.get("dependencies.json");
        assertThat(seriesWhere(dependencies.panel("Circuit breaker state"), "name", "processor"))
                .anySatisfy(series -> assertThat(series.max()).isEqualTo(2));
        assertThat(legends(dependencies.panel("Calls failed and refused by the breakers"), positive()))
                .contains("failed order-gateway processor", "refused order-gateway processor");
        assertThat(labelValues(dependencies.panel("Processor client retries"), "kind", positive()))
                .contains("successful_without_retry", "failed_with_retry");
        assertThat(maxOf(dependencies.panel("DynamoDB p99 latency by table and operation"))).isPositive();

        Evaluated jvm = dashboards.get("jvm.json");
        assertThat(seriesWhere(jvm.panel("Uptime"), "application", "order-processor"))
                .as("the processor's restart shows as its uptime falling").anySatisfy(series ->
                        assertThat(falls(series)).isTrue());
        assertThat(seriesWhere(jvm.panel("JVM starts in the time range"), "application", "order-processor"))
                .anySatisfy(series -> assertThat(series.last()).isEqualTo(1));
        assertThat(seriesWhere(jvm.panel("JVM starts in the time range"), "application", "order-gateway"))
                .anySatisfy(series -> assertThat(series.last()).isZero());
    }

    @Test
    void everyRuleIsHealthyAndEveryAlertExpressionEvaluates() {
        List<String> groups = new ArrayList<>();
        for (JsonNode group : prometheus.api("/api/v1/rules", Map.of()).path("groups")) {
            groups.add(group.path("name").asText());
            for (JsonNode rule : group.path("rules")) {
                assertThat(rule.path("health").asText()).as(rule.path("name").asText() + ": "
                        + rule.path("lastError").asText()).isEqualTo("ok");
            }
        }
        assertThat(groups).containsExactlyInAnyOrderElementsOf(RuleFiles.all().stream().map(Rule::group)
                .distinct().toList());
        for (Rule alert : RuleFiles.alerts()) {
            assertThatCode(() -> prometheus.queryRange(alert.expr(), start, end, STEP)).as(alert.alert())
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void duringTheOutageTheBreakerAlertsExpressionBecameTrueAndTheAlertPending() {
        Rule breaker = alert("OrderflowCircuitBreakerOpen");

        assertThat(prometheus.queryRange(breaker.expr(), outageStart, outageEnd, STEP)).anySatisfy(series -> {
            assertThat(series.labels()).containsEntry("application", "order-gateway").containsEntry("name",
                    "processor");
            assertThat(series.hasFiniteValue()).isTrue();
        });
        assertThat(prometheus.queryRange("ALERTS{alertname=\"OrderflowCircuitBreakerOpen\", name=\"processor\"}",
                outageStart, end, STEP)).as("the alert pending (it fires after two minutes)").isNotEmpty();
        assertThat(prometheus.queryRange(alert("OrderflowAvailabilityBudgetBurnFast").expr(), outageStart, end, STEP))
                .as("the 503s of the outage burn the availability budget").isNotEmpty();
    }

    @Test
    void everyPanelIsRenderedFromTheRunsData() throws IOException {
        Path directory = Path.of(System.getProperty("observability.renderings", "target/renderings"));
        String caption = "Rendered by LiveObservabilityIT with XChart from Prometheus's answers to the panel queries "
                + "(not a Grafana screenshot): the service jars under load, processor killed between the lines.";
        for (String name : SERVICE_DASHBOARDS) {
            Path png = PanelRenderer.render(dashboards.get(name), directory, caption,
                    List.of(new PanelRenderer.Marker(outageStart), new PanelRenderer.Marker(outageEnd)));
            assertThat(Files.size(png)).as(png.toString()).isGreaterThan(20_000);
        }
    }

    private static Rule alert(String name) {
        return RuleFiles.alerts().stream().filter(rule -> rule.alert().equals(name)).findFirst().orElseThrow();
    }

    private static Predicate<Series> positive() {
        return series -> series.max() > 0;
    }

    private static List<String> labelValues(PanelResult panel, String label, Predicate<Series> which) {
        return panel.series().stream().filter(which).map(series -> series.labels().get(label)).distinct().toList();
    }

    private static List<String> legends(PanelResult panel, Predicate<Series> which) {
        return panel.targets().stream().flatMap(target -> target.series().stream().filter(which)
                .map(series -> PanelQueries.legend(target.target().legend(), series.labels())))
                .collect(Collectors.toList());
    }

    private static List<Series> seriesWhere(PanelResult panel, String label, String value) {
        return panel.series().stream().filter(series -> value.equals(series.labels().get(label))).toList();
    }

    private static double maxOf(PanelResult panel) {
        return panel.series().stream().mapToDouble(Series::max).max()
                .orElseThrow(() -> new AssertionError(panel.panel().title() + " returned no series"));
    }

    private static boolean falls(Series series) {
        double highest = Double.NEGATIVE_INFINITY;
        for (double value : series.values()) {
            if (Double.isFinite(value)) {
                if (value < highest) {
                    return true;
                }
                highest = Math.max(highest, value);
            }
        }
        return false;
    }
}
