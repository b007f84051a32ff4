package dev.orderflow.containers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.testsupport.containers.ContainerSpec;
import dev.orderflow.testsupport.containers.Podman;
import java.time.Duration;

/**
 * The system as it is deployed, in containers on a user network of its own: DynamoDB Local, its tables created by
 * the gateway image's create-tables mode, the processor, and a gateway that reaches both by name. Every container
 * runs hardened, as the image's own user.
 */
final class ContainerSystem {

    static final int GATEWAY_PORT = 8000;
    static final int GATEWAY_MANAGEMENT_PORT = 9000;
    static final int PROCESSOR_PORT = 8001;
    static final int PROCESSOR_MANAGEMENT_PORT = 9001;
    static final int DYNAMODB_PORT = 8000;
    static final Duration READY_TIMEOUT = Duration.ofMinutes(2);

    final Podman podman;
    final String network;
    final String dynamoDb;
    final int createTablesExitCode;
    final String processor;

    private ContainerSystem(Podman podman) {
        this.podman = podman;
        this.network = podman.createNetwork();
        this.dynamoDb = podman.run(ContainerSpec.of(Images.DYNAMODB_LOCAL, "dynamodb").network(network)
                .publish(DYNAMODB_PORT).hardened());
        this.createTablesExitCode = podman.runToCompletion(
                withAws(ContainerSpec.of(Images.GATEWAY, "create-tables")).args("create-tables"), READY_TIMEOUT);
        this.processor = startProcessor();
    }

    static ContainerSystem start(Podman podman) {
        return new ContainerSystem(podman);
    }

    String startProcessor() {
        String name = podman.run(withAws(ContainerSpec.of(Images.PROCESSOR, "processor"))
                .publish(PROCESSOR_PORT).publish(PROCESSOR_MANAGEMENT_PORT));
        awaitReady(name, PROCESSOR_MANAGEMENT_PORT);
        return name;
    }

    String startGateway() {
        String name = podman.run(withAws(ContainerSpec.of(Images.GATEWAY, "gateway"))
                .env("ORDER_PROCESSOR_URL", "http://" + processor + ":" + PROCESSOR_PORT)
                .publish(GATEWAY_PORT).publish(GATEWAY_MANAGEMENT_PORT));
        awaitReady(name, GATEWAY_MANAGEMENT_PORT);
        return name;
    }

    void awaitReady(String container, int managementPort) {
        Http.awaitOk(podman.hostPort(container, managementPort), "/actuator/health/readiness", READY_TIMEOUT,
                () -> assertThat(podman.isRunning(container))
                        .as("%s is running; its log:%n%s", container, podman.logs(container)).isTrue());
    }

    int port(String container, int containerPort) {
        return podman.hostPort(container, containerPort);
    }

    private ContainerSpec withAws(ContainerSpec spec) {
        return spec.network(network).hardened()
                .env("DYNAMODB_ENDPOINT", "http://" + dynamoDb + ":" + DYNAMODB_PORT)
                // budgets and queue waits sized for DynamoDB Local, as compose and the local run set them (ADR 0019)
                .env("SPRING_PROFILES_ACTIVE", "dynamodb-local")
                .env("AWS_REGION", "us-east-1")
                .env("AWS_ACCESS_KEY_ID", "local")
                .env("AWS_SECRET_ACCESS_KEY", "local");
    }
}
