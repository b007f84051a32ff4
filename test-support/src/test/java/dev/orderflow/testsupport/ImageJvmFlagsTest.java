package dev.orderflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The images run with the JVM flags the tests and the benchmark measured, so the figures hold for them. */
class ImageJvmFlagsTest {

    private static final Pattern TOOL_OPTIONS = Pattern.compile("^ENV JAVA_TOOL_OPTIONS=\"([^\"]*)\"$",
            Pattern.MULTILINE);

    @ParameterizedTest
    @ValueSource(strings = {"bootstrap-gateway", "bootstrap-processor"})
    void imageUsesTheMeasuredFlags(String module) throws IOException {
        String dockerfile = Files.readString(Path.of("..", module, "Dockerfile"));

        Matcher options = TOOL_OPTIONS.matcher(dockerfile);

        assertThat(options.find()).as("JAVA_TOOL_OPTIONS in %s/Dockerfile", module).isTrue();
        assertThat(options.group(1)).isEqualTo(String.join(" ", ServiceProcess.JVM_FLAGS));
    }
}
