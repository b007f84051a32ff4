package dev.orderflow.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ValueObjectsTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "a b", "a/b", "ä", "x\n"})
    void givenUnsafeText_whenMakingAnId_thenItIsRefused(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> new ProductId(value));
        assertThatIllegalArgumentException().isThrownBy(() -> new OrderId(value));
        assertThatIllegalArgumentException().isThrownBy(() -> new CustomerId(value));
    }

    @Test
    void givenAnIdOf128Characters_whenMakingIt_thenItIsAcceptedButOneMoreIsNot() {
        assertThat(new ProductId("p".repeat(128)).value()).hasSize(128);
        assertThatIllegalArgumentException().isThrownBy(() -> new ProductId("p".repeat(129)));
    }

    @Test
    void givenTheSameIdempotencyKey_whenDerivingOrderIds_thenTheyAreEqualAndDifferFromOtherKeys() {
        OrderId first = OrderId.forIdempotencyKey(new IdempotencyKey("key-1"));
        assertThat(OrderId.forIdempotencyKey(new IdempotencyKey("key-1"))).isEqualTo(first);
        assertThat(OrderId.forIdempotencyKey(new IdempotencyKey("key-2"))).isNotEqualTo(first);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "with space", "ünïcode"})
    void givenABadIdempotencyKey_whenMakingIt_thenItIsRefused(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> new IdempotencyKey(value));
    }

    @Test
    void givenAnIdempotencyKey_whenHashed_thenTheRawKeyIsNotInTheHash() {
        IdempotencyKey key = new IdempotencyKey("secret-key");
        assertThat(key.sha256()).hasSize(64).doesNotContain("secret");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Quantity.MAX + 1, Integer.MIN_VALUE})
    void givenAQuantityOutOfRange_whenMakingIt_thenItIsRefused(int value) {
        assertThatIllegalArgumentException().isThrownBy(() -> new Quantity(value));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, Quantity.MAX + 1L, Integer.MAX_VALUE + 2L, Long.MAX_VALUE, Long.MIN_VALUE})
    void givenALongOutOfRange_whenMakingAQuantity_thenItIsRefusedRatherThanWrapped(long value) {
        assertThatIllegalArgumentException().isThrownBy(() -> Quantity.of(value));
    }

    @Test
    void givenADecimalPrice_whenReadAsMoney_thenItIsExactInMinorUnits() {
        assertThat(Money.ofDecimal(new BigDecimal("19.99")).minorUnits()).isEqualTo(1999);
        assertThat(Money.ofDecimal(new BigDecimal("5")).minorUnits()).isEqualTo(500);
        assertThat(Money.ofDecimal(new BigDecimal("0.10")).toDecimal()).isEqualByComparingTo("0.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0.01", "0.001", "10000000.01", "1e30"})
    void givenAnInvalidPrice_whenReadAsMoney_thenItIsRefused(String amount) {
        assertThatIllegalArgumentException().isThrownBy(() -> Money.ofDecimal(new BigDecimal(amount)));
    }

    @Test
    void givenTheHighestPriceAndQuantity_whenMultiplied_thenTheTotalIsExact() {
        Money total = new Money(Money.MAX_MINOR_UNITS).times(new Quantity(Quantity.MAX));
        assertThat(total.minorUnits()).isEqualTo(Money.MAX_MINOR_UNITS * Quantity.MAX);
        assertThat(total.toDecimal()).isEqualByComparingTo(new BigDecimal("100000000000.00"));
    }
}
