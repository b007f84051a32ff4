package dev.orderflow.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.chart.RenderedChart.Manifest;
import dev.orderflow.chart.RunningChart.Workload;
import dev.orderflow.testsupport.containers.ContainerProcess;
import dev.orderflow.testsupport.containers.Podman;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The chart runs: rendered with values-dev.yaml by the real Helm engine, its Deployments (DynamoDB Local, the
 * processor, the gateway), their ConfigMaps and the table bootstrap Job's pod run under {@code podman kube play}
 * with the images build-images.sh made, all at once as {@code helm install} creates them, on a user network where
 * each pod answers to its Service's name. What podman cannot express is adapted in {@link KubePlayManifests}, and
 * only that. Then the rendered probes answer, the containers run as the rendered security context and limits say,
 * the gateway reaches the processor by the rendered URL, an order is placed and read back, and the helm test Pod's
 * rendered command succeeds.
 */
class ChartRunsIT {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Duration JOB_LIMIT = Duration.ofMinutes(3);

    private static Podman podman;
    private static RenderedChart chart;
    private static RunningChart running;
    private static int jobExitCode;

    @BeforeAll
    static void install() {
        podman = ChartImages.podmanWithImages();
        chart = HelmChart.ofRepository().withValues("values-dev.yaml").render();
        Instant started = Instant.now();
        running = RunningChart.start(podman, chart, Path.of("target", "kube-play"));
        for (Workload workload : running.deployments().values()) {
            Duration took = running.awaitReady(workload);
            System.out.printf("%s ready %d ms after its wait began%n", workload.name(), took.toMillis());
        }
        jobExitCode = running.awaitExit(running.job(), JOB_LIMIT);
        System.out.printf("played and ready in %d ms%n", Duration.between(started, Instant.now()).toMillis());
    }

    @AfterAll
    static void uninstall() {
        if (running != null) {
            running.saveLogs(ChartImages.LOGS);
        }
        if (podman != null) {
            podman.close();
        }
    }

    @Test
    void theTableBootstrapJobsPodCompletesWithTheRenderedEnvironment() {
        Workload job = running.job();

        assertThat(jobExitCode).as("create-tables exit code; its log:%n%s", running.logs(job)).isZero();
        assertThat(environment(job)).containsAllEntriesOf(renderedEnvironment(job.container()));
        assertThat(running.logs(job)).contains("table orders is ready", "table inventory is ready",
                "table reservations is ready");
    }

    @Test
    void everyRenderedProbeAnswersOnItsPathAndPort() {
        SoftAssertions softly = new SoftAssertions();
        for (Workload workload : running.deployments().values()) {
            List<RenderedProbe> probes = RenderedProbe.of(workload.container());
            softly.assertThat(probes).as(workload.name()).extracting(RenderedProbe::kind)
                    .containsExactly("startupProbe", "livenessProbe", "readinessProbe");
            for (RenderedProbe probe : probes) {
                softly.assertThat(probe.succeeds(workload.hostPort(probe.containerPort())))
                        .as("%s: %s", workload.name(), probe).isTrue();
            }
        }
        softly.assertAll();
    }

    @Test
    void everyContainerRunsAsTheRenderedSecurityContextAndLimitsSay() {
        SoftAssertions softly = new SoftAssertions();
        for (Workload workload : running.deployments().values()) {
            Manifest pod = podSpecOf(workload);
            Manifest container = new Manifest(workload.container());
            ContainerProcess process = ContainerProcess.of(running.pid(workload));
            Map<String, String> mounts = process.mounts();

            assertThat(container.listAt("securityContext", "capabilities", "drop")).containsExactly("ALL");
            assertThat(container.at("securityContext", "allowPrivilegeEscalation")).isEqualTo(false);
            assertThat(container.at("securityContext", "readOnlyRootFilesystem")).isEqualTo(true);
            assertThat(pod.at("securityContext", "seccompProfile", "type")).isEqualTo("RuntimeDefault");
            long user = ((Number) pod.at("securityContext", "runAsUser")).longValue();
            long group = ((Number) pod.at("securityContext", "runAsGroup")).longValue();
            softly.assertThat(process.uids()).as("%s UIDs", workload.name()).hasSize(4).containsOnly(user);
            softly.assertThat(process.gids()).as("%s GIDs", workload.name()).hasSize(4).containsOnly(group);
            softly.assertThat(process.status()).as(workload.name())
                    .contains("CapEff:\t0000000000000000", "NoNewPrivs:\t1", "Seccomp:\t2");
            softly.assertThat(mounts.get("/")).as("%s root file system", workload.name()).startsWith("ro,");
            softly.assertThat(mounts.get("/tmp")).as("%s /tmp, the emptyDir", workload.name()).startsWith("rw,");
            softly.assertThat(Long.parseLong(running.inspect(workload, "{{.HostConfig.Memory}}")))
                    .as("%s memory limit", workload.name())
                    .isEqualTo(Quantities.bytes((String) container.at("resources", "limits", "memory")));
            softly.assertThat(Long.parseLong(running.inspect(workload, "{{.HostConfig.NanoCpus}}")))
                    .as("%s CPU limit", workload.name())
                    .isEqualTo(Quantities.nanoCpus(String.valueOf(container.at("resources", "limits", "cpu"))));
            softly.assertThat(environment(workload)).as("%s environment", workload.name())
                    .containsAllEntriesOf(renderedEnvironment(workload.container()));
        }
        softly.assertAll();
    }

    @Test
    void theGatewayReachesTheProcessorByTheRenderedUrl() {
        Workload gateway = running.deployment("order-gateway");
        Workload processor = running.deployment("order-processor");
        Manifest processorService = running.serviceSelecting(chart.get("Deployment", "order-processor"));
        URI url = URI.create(environment(gateway).get("ORDER_PROCESSOR_URL"));

        assertThat(url).isEqualTo(URI.create((String) chart.get("ConfigMap", "order-gateway")
                .at("data", "ORDER_PROCESSOR_URL")));
        assertThat(url.getHost()).isEqualTo(processorService.name());
        // A network alias gives the pod the Service's name but maps no ports: it stands in for the Service only
        // because the Service's port is the container port it targets.
        assertThat(url.getPort()).isEqualTo(servicePortNamed(processorService, "http"))
                .isEqualTo(containerPortOf(processorService, "http", processor));

        String product = stock(5);
        Map<String, Object> order = placeOrder(product, 2).json();

        assertThat(order).containsEntry("status", "confirmed");
        assertThat(get(processor, "/inventory/" + product).json()).containsEntry("stock", 3);
    }

    @Test
    void anOrderIsPlacedAndReadBack() {
        String product = stock(1);

        Response placed = placeOrder(product, 1);
        Response readBack = get(running.deployment("order-gateway"), placed.location());

        assertThat(placed.status()).isEqualTo(201);
        assertThat(readBack.status()).isEqualTo(200);
        assertThat(readBack.json()).isEqualTo(placed.json()).containsEntry("product_id", product);
    }

    @Test
    void theHelmTestPodsRenderedCommandSucceeds() {
        List<Manifest> pods = chart.ofKind("Pod");
        assertThat(pods).hasSize(1);
        Manifest rendered = pods.get(0);
        assertThat((String) rendered.at("spec", "containers", 0, "image"))
                .as("users keep the pinned public image").startsWith("docker.io/curlimages/curl:")
                .contains("@sha256:");

        Workload test = running.playTestPod(rendered, ChartImages.HELM_TEST_IMAGE);
        int exitCode = running.awaitExit(test, Duration.ofMinutes(2));

        String log = running.logs(test);
        assertThat(exitCode).as("helm test exit code; its log:%n%s", log).isZero();
        assertThat(log).contains("placed: /orders/", "read back: ", "\"status\":\"confirmed\"");
    }

    private static Manifest podSpecOf(Workload workload) {
        return new Manifest(chart.get("Deployment", workload.name()).mapAt("spec", "template", "spec"));
    }

    /** The variables the rendered container declares: its env values and every key of the ConfigMaps it reads. */
    private static Map<String, String> renderedEnvironment(Map<String, Object> container) {
        Map<String, String> environment = new LinkedHashMap<>();
        Manifest rendered = new Manifest(container);
        if (rendered.at("envFrom") != null) {
            for (Object source : rendered.listAt("envFrom")) {
                String name = (String) new Manifest(Manifest.asMap(source)).at("configMapRef", "name");
                chart.get("ConfigMap", name).mapAt("data")
                        .forEach((key, value) -> environment.put(key, String.valueOf(value)));
            }
        }
        if (rendered.at("env") != null) {
            for (Object variable : rendered.listAt("env")) {
                Map<String, Object> entry = Manifest.asMap(variable);
                environment.put((String) entry.get("name"), String.valueOf(entry.get("value")));
            }
        }
        return environment;
    }

    /** The environment the container's process was started with. */
    private static Map<String, String> environment(Workload workload) {
        Map<String, String> environment = new LinkedHashMap<>();
        running.inspect(workload, "{{range .Config.Env}}{{println .}}{{end}}").lines()
                .filter(line -> line.contains("="))
                .forEach(line -> environment.put(line.substring(0, line.indexOf('=')),
                        line.substring(line.indexOf('=') + 1)));
        return environment;
    }

    private static int servicePortNamed(Manifest service, String name) {
        return service.listAt("spec", "ports").stream().map(Manifest::asMap)
                .filter(port -> name.equals(port.get("name")))
                .map(port -> ((Number) port.get("port")).intValue()).findFirst()
                .orElseThrow(() -> new AssertionError("no port " + name + " in Service " + service.name()));
    }

    private static int containerPortOf(Manifest service, String name, Workload target) {
        Object targetPort = service.listAt("spec", "ports").stream().map(Manifest::asMap)
                .filter(port -> name.equals(port.get("name"))).map(port -> port.get("targetPort")).findFirst()
                .orElseThrow();
        return RenderedProbe.containerPort(targetPort, target.container());
    }

    /** A product of this test's own at the processor, through its published http port (an operator's port-forward). */
    private static String stock(int units) {
        String product = "chart-" + UUID.randomUUID().toString().substring(0, 8);
        Response stocked = send(running.deployment("order-processor"), "PUT", "/inventory/" + product,
                "{\"stock\":%d,\"price\":2.50,\"name\":\"chart run\"}".formatted(units), Map.of());
        assertThat(stocked.status()).as(stocked.body()).isEqualTo(200);
        return product;
    }

    private static Response placeOrder(String product, int quantity) {
        Response placed = send(running.deployment("order-gateway"), "POST", "/orders",
                "{\"product_id\":\"%s\",\"quantity\":%d,\"customer_id\":\"chart-run\"}".formatted(product, quantity),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        return placed;
    }

    private static Response get(Workload workload, String path) {
        return send(workload, "GET", path, null, Map.of());
    }

    /** To the workload's rendered port named http, through the loopback port it is published on. */
    private static Response send(Workload workload, String method, String path, String json,
                                 Map<String, String> headers) {
        int port = workload.hostPort(RenderedProbe.containerPort("http", workload.container()));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(),
                    response.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Response(int status, String body, String location) {

        /** JSON is YAML: snakeyaml reads the answers without another library. */
        Map<String, Object> json() {
            return Manifest.asMap(new Yaml(new LoaderOptions()).load(body));
        }
    }
}
