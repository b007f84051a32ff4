package dev.orderflow.containers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.testsupport.containers.ContainerSpec;
import dev.orderflow.testsupport.containers.Podman;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The images under {@code podman kube play}, as chart-tests' ChartRunsIT runs the chart's rendered manifests: a
 * Deployment's securityContext is what holds the container to its user and read-only root there, and /tmp must be
 * a volume (DynamoDB Local answers 500 to every call when it cannot write there).
 */
class KubePlayIT {

    private static Podman podman;

    @BeforeAll
    static void start() {
        podman = Images.podman();
    }

    @AfterAll
    static void removeEverything() {
        if (podman != null) {
            podman.close();
        }
    }

    @Test
    void deploymentRunsDynamoDbLocalHardenedAndTheGatewayImageCreatesTablesInIt() throws IOException {
        String network = podman.createNetwork();
        String name = podman.uniqueName("dynamodb");
        Path manifest = Files.createTempFile(Images.LOGS.toAbsolutePath().getParent(), "deployment", ".yaml");
        Files.writeString(manifest, """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: %s
                spec:
                  replicas: 1
                  selector:
                    matchLabels: {app: %s}
                  template:
                    metadata:
                      labels: {app: %s, %s: "%s"}
                    spec:
                      securityContext: {runAsUser: 10001, runAsGroup: 10001, runAsNonRoot: true}
                      containers:
                        - name: dynamodb
                          image: %s
                          securityContext:
                            readOnlyRootFilesystem: true
                            allowPrivilegeEscalation: false
                            capabilities: {drop: [ALL]}
                          ports: [{containerPort: 8000}]
                          volumeMounts: [{name: tmp, mountPath: /tmp}]
                      volumes: [{name: tmp, emptyDir: {}}]
                """.formatted(name, name, name, podman.ownerLabel().getKey(), podman.ownerLabel().getValue(),
                Images.DYNAMODB_LOCAL));

        List<String> started = podman.kubePlay(manifest, network);
        String address = podman.inspect(started.get(0), "{{(index .NetworkSettings.Networks \"" + network
                + "\").IPAddress}}");
        int createTables = podman.runToCompletion(ContainerSpec.of(Images.GATEWAY, "create-tables").network(network)
                .hardened().args("create-tables")
                .env("DYNAMODB_ENDPOINT", "http://" + address + ":8000")
                .env("AWS_ACCESS_KEY_ID", "local").env("AWS_SECRET_ACCESS_KEY", "local"), Duration.ofMinutes(2));

        assertThat(started).hasSize(1);
        Hardening.assertHardened(podman, started.get(0));
        assertThat(createTables).isZero();
    }
}
