package dev.orderflow.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
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
    ProblemWriter problemWriter(ObjectMapper json) {
        return new ProblemWriter(json);
    }

    @Bean
    GlobalProblemHandler globalProblemHandler(ProblemWriter problems) {
        return new GlobalProblemHandler(problems);
    }
}
