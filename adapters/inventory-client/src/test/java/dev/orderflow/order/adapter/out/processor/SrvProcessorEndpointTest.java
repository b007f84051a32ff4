package dev.orderflow.order.adapter.out.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.order.adapter.out.processor.TinyDnsServer.Srv;
import dev.orderflow.order.port.out.ReservationsUnavailableException;
import dev.orderflow.testing.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SrvProcessorEndpointTest {

    private static final String NAME = "order-processor.orderflow.local";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final TinyDnsServer dns = new TinyDnsServer(List.of(new Srv(10, 5, 32768, "ip-10-0-1-7.ec2.internal")));
    private final SrvProcessorEndpoint endpoint = new SrvProcessorEndpoint(NAME, "http", dns.address(), clock);

    @AfterEach
    void stop() {
        dns.close();
    }

    @Test
    void givenAnSrvRecord_whenResolving_thenHostAndPortComeFromIt() {
        assertThat(endpoint.baseUri().block()).isEqualTo(URI.create("http://ip-10-0-1-7.ec2.internal:32768"));
    }

    @Test
    void givenSeveralPriorities_whenResolving_thenOnlyTheLowestIsUsedAndItsWeightsShareTheLoad() {
        dns.answer(List.of(new Srv(20, 100, 9999, "backup.internal"), new Srv(10, 50, 1001, "a.internal"),
                new Srv(10, 50, 1002, "b.internal")));
        Set<URI> seen = new HashSet<>();

        IntStream.range(0, 200).forEach(i -> seen.add(endpoint.baseUri().block()));

        assertThat(seen).containsExactlyInAnyOrder(URI.create("http://a.internal:1001"),
                URI.create("http://b.internal:1002"));
    }

    @Test
    void givenACachedAnswer_whenResolvingAgainSoon_thenDnsIsNotAskedAgainUntilItExpires() {
        endpoint.baseUri().block();
        endpoint.baseUri().block();
        assertThat(dns.queries()).isEqualTo(1);

        dns.answer(List.of(new Srv(10, 5, 40000, "moved.internal")));
        clock.advance(SrvProcessorEndpoint.CACHE_FOR.plusSeconds(1));

        assertThat(endpoint.baseUri().block()).isEqualTo(URI.create("http://moved.internal:40000"));
    }

    @Test
    void givenDnsGoesAway_whenTheCacheExpires_thenTheLastGoodAnswerIsKept() {
        URI first = endpoint.baseUri().block();
        dns.close();
        clock.advance(Duration.ofMinutes(1));

        assertThat(endpoint.baseUri().block()).isEqualTo(first);
    }

    @Test
    void givenNoRecordsEver_whenResolving_thenTheInventoryIsReportedUnavailable() {
        dns.answer(List.of());

        assertThatThrownBy(() -> endpoint.baseUri().block()).isInstanceOf(ReservationsUnavailableException.class);
    }
}
