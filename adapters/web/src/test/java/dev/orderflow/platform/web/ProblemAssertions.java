package dev.orderflow.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.platform.http.ProblemType;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What every error answer must look like, whatever the error. */
public final class ProblemAssertions {

    private ProblemAssertions() {
    }

    /** @return the body, for further checks */
    public static String assertProblem(WebTestClient.ResponseSpec response, int status, String type) {
        byte[] body = response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(ProblemType.BASE + type)
                .jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.title").isNotEmpty()
                .returnResult().getResponseBody();
        String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("Exception", "at dev.", "at java.", "jackson", "Jackson", "reactor.",
                "springframework");
        return text;
    }
}
