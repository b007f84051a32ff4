package dev.orderflow.order.adapter.out.processor;

import dev.orderflow.order.port.out.ReservationsUnavailableException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Finds the processor through DNS SRV records ({@code SRV_ENDPOINT}), as ECS registers tasks in Cloud Map when
 * containers use bridge networking and get random host ports. Records are cached for a short time; if a refresh
 * fails the last good answer is kept, so a DNS hiccup does not take the gateway down.
 */
public class SrvProcessorEndpoint implements ProcessorEndpoint {

    static final Duration CACHE_FOR = Duration.ofSeconds(10);

    private final String srvName;
    private final String scheme;
    private final String dnsServer;
    private final Clock clock;
    private volatile Cached cached;

    /** Uses the system's resolvers. */
    public SrvProcessorEndpoint(String srvName, String scheme) {
        this(srvName, scheme, null, Clock.systemUTC());
    }

    /** @param dnsServer {@code host:port} of the DNS server to ask, or null for the system's */
    SrvProcessorEndpoint(String srvName, String scheme, String dnsServer, Clock clock) {
        this.srvName = srvName;
        this.scheme = scheme == null || scheme.isBlank() ? "http" : scheme;
        this.dnsServer = dnsServer;
        this.clock = clock;
    }

    @Override
    public Mono<URI> baseUri() {
        Cached current = cached;
        if (current != null && clock.instant().isBefore(current.expires())) {
            return Mono.just(pick(current.records()));
        }
        return Mono.fromCallable(this::lookUp)
                .subscribeOn(Schedulers.boundedElastic())
                .map(records -> {
                    cached = new Cached(records, clock.instant().plus(CACHE_FOR));
                    return pick(records);
                })
                .onErrorResume(e -> current != null
                        ? Mono.just(pick(current.records()))
                        : Mono.error(new ReservationsUnavailableException(
                                "no processor found at SRV " + srvName, Duration.ofSeconds(5), e)));
    }

    private List<SrvRecord> lookUp() throws NamingException {
        Hashtable<String, String> environment = new Hashtable<>();
        environment.put(DirContext.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.dns.DnsContextFactory");
        environment.put("com.sun.jndi.dns.timeout.initial", "500");
        environment.put("com.sun.jndi.dns.timeout.retries", "2");
        if (dnsServer != null) {
            environment.put(DirContext.PROVIDER_URL, "dns://" + dnsServer);
        }
        DirContext context = new InitialDirContext(environment);
        try {
            Attribute srv = context.getAttributes(srvName, new String[] {"SRV"}).get("SRV");
            if (srv == null) {
                throw new NamingException("no SRV records for " + srvName);
            }
            List<SrvRecord> records = new ArrayList<>();
            NamingEnumeration<?> values = srv.getAll();
            while (values.hasMore()) {
                records.add(SrvRecord.parse(values.next().toString()));
            }
            if (records.isEmpty()) {
                throw new NamingException("no SRV records for " + srvName);
            }
            return List.copyOf(records);
        } finally {
            context.close();
        }
    }

    /** RFC 2782: the lowest priority wins; among equals, a random pick weighted by weight. */
    private URI pick(List<SrvRecord> records) {
        int best = records.stream().mapToInt(SrvRecord::priority).min().orElseThrow();
        List<SrvRecord> candidates = records.stream().filter(r -> r.priority() == best)
                .sorted(Comparator.comparingInt(SrvRecord::weight)).toList();
        int total = candidates.stream().mapToInt(r -> r.weight() + 1).sum();
        int roll = ThreadLocalRandom.current().nextInt(total);
        for (SrvRecord candidate : candidates) {
            roll -= candidate.weight() + 1;
            if (roll < 0) {
                return URI.create(scheme + "://" + candidate.target() + ":" + candidate.port());
            }
        }
        throw new IllegalStateException("unreachable: weights were summed from the same candidates");
    }

    record SrvRecord(int priority, int weight, int port, String target) {

        /** Parses the text form JNDI returns: {@code "priority weight port target."}. */
        static SrvRecord parse(String text) {
            String[] parts = text.trim().split("\\s+");
            if (parts.length != 4) {
                throw new IllegalArgumentException("not an SRV record: " + text);
            }
            String target = parts[3].endsWith(".") ? parts[3].substring(0, parts[3].length() - 1) : parts[3];
            return new SrvRecord(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]),
                    target);
        }
    }

    private record Cached(List<SrvRecord> records, Instant expires) {
    }
}
