package dev.orderflow.platform.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.orderflow.testsupport.BlackHole;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;

/** The client's connection budgets against its attempt budget (production: 700 ms, application.yml). */
class DynamoDbClientsTest {

    private static final Duration PRODUCTION_ATTEMPT = Duration.ofMillis(700);

    @Test
    void connectingGivesUpInsideTheAttemptAndBeforeTheAcquisition() {
        assertThat(DynamoDbClients.connectTimeout(PRODUCTION_ATTEMPT)).isEqualTo(Duration.ofMillis(350));
        assertThat(DynamoDbClients.acquisitionTimeout(PRODUCTION_ATTEMPT)).isEqualTo(Duration.ofMillis(700));
        assertThat(DynamoDbClients.connectTimeout(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(1));
        assertThat(DynamoDbClients.acquisitionTimeout(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(2));
    }

    /**
     * An endpoint that takes no connection (a {@link BlackHole}). The connect times out before the acquisition and the
     * attempt do, so the failure reads as refused (nothing sent, an outage for the breaker) rather than as an attempt
     * timeout ("maybe applied, slow"). With a 5 s attempt (1 s connect, 2 s acquisition), so that a cold client's first
     * call on a loaded machine still has the margins; the production figures keep the same order (test above).
     */
    @Test
    void anEndpointThatTakesNoConnectionIsRefusedNotSlow() {
        try (BlackHole blackHole = BlackHole.open();
             DynamoDbTestClients clients = DynamoDbTestClients.at(
                     URI.create("http://127.0.0.1:" + blackHole.port()), Duration.ofSeconds(5))) {
            Throwable failure = catchThrowable(() -> clients.client()
                    .describeTable(DescribeTableRequest.builder().tableName("orders").build()).join());

            assertThat(DynamoDbAttempt.of(failure)).as("%s", failure).isEqualTo(DynamoDbAttempt.REFUSED);
            assertThat(DynamoDbAttempt.of(failure).outage()).isTrue();
        }
    }
}
