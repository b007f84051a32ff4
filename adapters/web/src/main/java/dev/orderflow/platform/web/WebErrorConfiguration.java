package dev.orderflow.platform.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The request guards and error handling every service's HTTP API shares; imported by each module's web wiring. */
@Configuration(proxyBeanMethods = false)
public class WebErrorConfiguration {

    @Bean
    RequestBodyLimitFilter requestBodyLimitFilter() {
        return new RequestBodyLimitFilter();
    }

    @Bean
    JsonContentTypeFilter jsonContentTypeFilter() {
        return new JsonContentTypeFilter();
    }

    @Bean
    GlobalProblemHandler globalProblemHandler() {
        return new GlobalProblemHandler();
    }
}
