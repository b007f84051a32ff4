package dev.orderflow.inventory.adapter.out.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.inventory.port.out.StockLedger.CommitOutcome;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * How a cancelled reservation transaction (inventory update first, reservation put second) is read. DynamoDB
 * Local cannot be made to report a conflict or throttling on demand, so the reading is checked here directly.
 */
class CommitOutcomeOfCancellationTest {

    @Test
    void givenTheReservationExists_whenCancelled_thenAlreadyRecorded() {
        assertThat(outcome("None", "ConditionalCheckFailed")).isEqualTo(CommitOutcome.ALREADY_RECORDED);
    }

    @Test
    void givenTheReservationExistsAndStockIsShort_whenCancelled_thenAlreadyRecordedWins() {
        assertThat(outcome("ConditionalCheckFailed", "ConditionalCheckFailed"))
                .isEqualTo(CommitOutcome.ALREADY_RECORDED);
    }

    @Test
    void givenStockIsShortOrThePriceChanged_whenCancelled_thenStockChanged() {
        assertThat(outcome("ConditionalCheckFailed", "None")).isEqualTo(CommitOutcome.STOCK_CHANGED);
    }

    @Test
    void givenAConcurrentTransactionOnEitherItem_whenCancelled_thenStockChangedSoTheCallerDecidesAgain() {
        assertThat(outcome("TransactionConflict", "None")).isEqualTo(CommitOutcome.STOCK_CHANGED);
        assertThat(outcome("None", "TransactionConflict")).isEqualTo(CommitOutcome.STOCK_CHANGED);
    }

    @Test
    void givenAnyOtherReason_whenCancelled_thenTheFailurePropagates() {
        TransactionCanceledException throttled = cancelled("ThrottlingError", "None");

        assertThatThrownBy(() -> DynamoDbStockLedger.outcomeOf(throttled)).isSameAs(throttled);
    }

    private static CommitOutcome outcome(String inventoryCode, String reservationCode) {
        return DynamoDbStockLedger.outcomeOf(cancelled(inventoryCode, reservationCode));
    }

    private static TransactionCanceledException cancelled(String... codes) {
        return TransactionCanceledException.builder()
                .cancellationReasons(Arrays.stream(codes).map(code -> CancellationReason.builder().code(code).build())
                        .toList())
                .build();
    }
}
