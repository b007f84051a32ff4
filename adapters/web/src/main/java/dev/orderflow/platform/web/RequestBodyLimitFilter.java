package dev.orderflow.platform.web;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses request bodies over 64 KiB with 413: at once when Content-Length says so, and while reading when a
 * chunked body grows past it, so an oversized body is never buffered whole.
 */
public class RequestBodyLimitFilter implements WebFilter, Ordered {

    /** Before admission control: a body refused by its declared length never takes an admission place. */
    public static final int ORDER = AdmissionControlFilter.ORDER - 1;

    public static final long LIMIT_BYTES = 64 * 1024;

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (request.getHeaders().getContentLength() > LIMIT_BYTES) {
            return Mono.error(new PayloadTooLargeException(LIMIT_BYTES));
        }
        ServerHttpRequest limited = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                AtomicLong seen = new AtomicLong();
                return super.getBody().map(buffer -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > LIMIT_BYTES) {
                        DataBufferUtils.release(buffer);
                        throw new PayloadTooLargeException(LIMIT_BYTES);
                    }
                    return buffer;
                });
            }
        };
        return chain.filter(exchange.mutate().request(limited).build());
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
