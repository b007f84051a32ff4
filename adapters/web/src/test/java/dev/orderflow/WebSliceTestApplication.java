package dev.orderflow;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** The root configuration {@code @WebFluxTest} slices start from; each test imports the beans it exercises. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class WebSliceTestApplication {
}
