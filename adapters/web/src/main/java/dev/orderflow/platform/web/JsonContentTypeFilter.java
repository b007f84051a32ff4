package dev.orderflow.platform.web;

import java.util.List;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Every request that carries a body must say it is JSON; anything else gets 415 before a controller reads it.
 * Controllers read bodies as text to validate them strictly themselves, so Spring's own content negotiation
 * would accept any type.
 */
public class JsonContentTypeFilter implements WebFilter, Ordered {

    /** Before admission control: a request refused for its type never takes an admission place. */
    public static final int ORDER = AdmissionControlFilter.ORDER - 2;

    private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);
    private static final List<MediaType> JSON = List.of(MediaType.APPLICATION_JSON);

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!WITH_BODY.contains(exchange.getRequest().getMethod())) {
            return chain.filter(exchange);
        }
        MediaType contentType;
        try {
            contentType = exchange.getRequest().getHeaders().getContentType();
        } catch (InvalidMediaTypeException e) {
            contentType = null;
        }
        if (contentType == null || !isJson(contentType)) {
            return Mono.error(new UnsupportedMediaTypeStatusException(contentType, JSON,
                    exchange.getRequest().getMethod()));
        }
        return chain.filter(exchange);
    }

    private static boolean isJson(MediaType contentType) {
        return MediaType.APPLICATION_JSON.isCompatibleWith(contentType)
                || contentType.getSubtype().endsWith("+json");
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
