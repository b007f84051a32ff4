package dev.orderflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The service images run with the JVM flags the tests and the benchmark measured, so the figures hold for them. CDS
 * (docs/adr/0022-cds.md) may add its archive flag on top, nothing else, and its training run must see the same flags,
 * or the archive would not match the JVM that maps it.
 */
class ImageJvmFlagsTest {

    private static final Path DOCKERFILE = Path.of("..", "containers", "service", "Dockerfile");
    private static final Pattern TOOL_OPTIONS = Pattern.compile("^ENV JAVA_TOOL_OPTIONS=\"([^\"]*)\"$",
            Pattern.MULTILINE);
    private static final Pattern ENTRYPOINT = Pattern.compile("^ENTRYPOINT \\[(.*)]$", Pattern.MULTILINE);
    private static final Pattern TRAINING_RUN = Pattern.compile("^RUN \\[\"java\", \"-XX:ArchiveClassesAtExit=",
            Pattern.MULTILINE);

    private static String dockerfile;

    @BeforeAll
    static void read() throws IOException {
        dockerfile = Files.readString(DOCKERFILE);
    }

    @Test
    void imageUsesTheMeasuredFlags() {
        Matcher options = TOOL_OPTIONS.matcher(dockerfile);

        assertThat(options.find()).as("JAVA_TOOL_OPTIONS in %s", DOCKERFILE).isTrue();
        assertThat(options.group(1)).isEqualTo(String.join(" ", ServiceProcess.JVM_FLAGS));
    }

    @Test
    void entrypointAddsOnlyTheCdsArchive() {
        Matcher entrypoint = ENTRYPOINT.matcher(dockerfile);

        assertThat(entrypoint.find()).as("ENTRYPOINT in %s", DOCKERFILE).isTrue();
        List<String> jvmOptions = Arrays.stream(entrypoint.group(1).split(","))
                .map(argument -> argument.strip().replace("\"", ""))
                .takeWhile(argument -> !argument.equals("-jar"))
                .filter(argument -> argument.startsWith("-"))
                .toList();
        assertThat(jvmOptions).allMatch(option -> option.startsWith("-XX:SharedArchiveFile="));
    }

    @Test
    void cdsTrainingRunSeesTheSameFlags() {
        Matcher options = TOOL_OPTIONS.matcher(dockerfile);
        Matcher training = TRAINING_RUN.matcher(dockerfile);

        assertThat(options.find()).isTrue();
        assertThat(training.find()).as("CDS training run in %s", DOCKERFILE).isTrue();
        assertThat(options.start()).as("JAVA_TOOL_OPTIONS set before the training run").isLessThan(training.start());
    }
}
