package dev.orderflow.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** terraform fmt -check -recursive, with the Terraform binary this kind of machine has in /usr/local/bin. */
class TerraformFormatTest {

    private static final Path TERRAFORM = Path.of(System.getProperty("orderflow.terraform.binary", "/usr/local/bin/terraform"));

    record Result(int exitCode, String output) {
    }

    private static Result fmtCheck(Path directory) {
        // The one skip CI keeps: .ci/setup cannot install Terraform (HashiCorp's servers are out of reach), so it
        // runs where the machine brings it, as CI's does.
        assumeTrue(Files.isExecutable(TERRAFORM), TERRAFORM + " is absent: terraform fmt -check was not run");
        try {
            ProcessBuilder builder = new ProcessBuilder(TERRAFORM.toString(), "fmt", "-check", "-recursive", "-no-color",
                    directory.toString()).redirectErrorStream(true);
            // The machine's TF_CLI_CONFIG_FILE may name a file that does not exist; fmt needs no CLI configuration.
            builder.environment().put("TF_CLI_CONFIG_FILE", "/dev/null");
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(1, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("terraform fmt did not finish within a minute");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyFileIsFormatted() {
        Result result = fmtCheck(Repository.TERRAFORM);

        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void anUnformattedFileFailsTheCheck() {
        Result result = fmtCheck(Repository.fixture("unformatted"));

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("main.tf");
    }
}
