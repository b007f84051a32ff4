package dev.orderflow.containers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.testsupport.containers.ContainerSpec;
import dev.orderflow.testsupport.containers.Podman;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ECS task definitions' container health check, word for word as the HCL writes it, run by {@code podman exec}
 * inside the real gateway image, which has no shell: healthy while the gateway is live, unhealthy in a gateway
 * whose management port is elsewhere, so that nothing listens where the check asks.
 */
class EcsHealthCheckIT {

    private static final Path ECS_SERVICE = Images.REPOSITORY.resolve("infrastructure/terraform/modules/ecs-service/main.tf");
    private static final Pattern COMMAND = Pattern.compile("health_check_command\\s*=\\s*\\[(.*?)]", Pattern.DOTALL);
    private static final Pattern WORD = Pattern.compile("\"([^\"]*)\"");
    private static final int ELSEWHERE = 9100;

    private static Podman podman;
    private static ContainerSystem system;

    @BeforeAll
    static void startSystem() {
        podman = Images.podman();
        system = ContainerSystem.start(podman);
    }

    @AfterAll
    static void removeContainers() {
        if (podman != null) {
            podman.close();
        }
    }

    /** The exec form after "CMD", with the management port the ECS module is given for the gateway. */
    private static List<String> commandInTheHcl(int managementPort) throws IOException {
        Matcher list = COMMAND.matcher(Files.readString(ECS_SERVICE));
        assertThat(list.find()).as("health_check_command in %s", ECS_SERVICE).isTrue();
        List<String> words = new ArrayList<>();
        for (Matcher word = WORD.matcher(list.group(1)); word.find(); ) {
            words.add(word.group(1).replace("${var.management_port}", Integer.toString(managementPort)));
        }
        assertThat(words.get(0)).isEqualTo("CMD");
        return words.subList(1, words.size());
    }

    private static int exec(String container, List<String> command) throws Exception {
        List<String> podmanExec = new ArrayList<>(List.of("podman", "exec", container));
        podmanExec.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(podmanExec).redirectErrorStream(true);
        builder.environment().put("CONTAINERS_CONF", Images.REPOSITORY.resolve("containers/containers.conf").toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        System.out.printf("%s -> %d %s%n", String.join(" ", podmanExec), process.exitValue(), output.strip());
        return process.exitValue();
    }

    @Test
    void healthyInsideTheLiveGatewayImage() throws Exception {
        String gateway = system.startGateway();

        assertThat(exec(gateway, List.of("sh", "-c", "true"))).as("the image has no shell").isNotZero();
        assertThat(exec(gateway, commandInTheHcl(ContainerSystem.GATEWAY_MANAGEMENT_PORT))).isZero();
    }

    @Test
    void unhealthyWhereNothingListensOnTheManagementPort() throws Exception {
        String gateway = podman.run(ContainerSpec.of(Images.GATEWAY, "gateway-elsewhere").network(system.network)
                .hardened()
                .env("MANAGEMENT_SERVER_PORT", Integer.toString(ELSEWHERE))
                .env("DYNAMODB_ENDPOINT", "http://" + system.dynamoDb + ":" + ContainerSystem.DYNAMODB_PORT)
                .env("AWS_REGION", "us-east-1")
                .env("AWS_ACCESS_KEY_ID", "local")
                .env("AWS_SECRET_ACCESS_KEY", "local")
                .env("ORDER_PROCESSOR_URL", "http://" + system.processor + ":" + ContainerSystem.PROCESSOR_PORT)
                .publish(ELSEWHERE));
        system.awaitReady(gateway, ELSEWHERE);

        assertThat(exec(gateway, commandInTheHcl(ContainerSystem.GATEWAY_MANAGEMENT_PORT))).isNotZero();
        assertThat(exec(gateway, commandInTheHcl(ELSEWHERE))).as("the same gateway is live where it listens").isZero();
    }
}
