package dev.orderflow.infrastructure;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The npm tools in {@code terraform-tests/tools}: HashiCorp's HCL parser, the AWS provider's schema and action-validator,
 * all offline. Tests that need them skip, saying why, where they are not installed.
 */
final class NodeTools {

    static final Path TOOLS = Path.of(System.getProperty("orderflow.terraform.tools", "tools")).toAbsolutePath();

    private NodeTools() {
    }

    static void assumeInstalled() {
        require(nodeRuns(), "node is not on the PATH: the HCL parser and the schema check run on Node.js");
        require(Files.isDirectory(TOOLS.resolve("node_modules/@cdktf/provider-aws")),
                "the npm tools are not installed in " + TOOLS + ": run .ci/setup/40-terraform-tools.sh (npm ci)");
    }

    /** Skips visibly where a tool is missing; fails in CI, where .ci/setup installs it, so CI never skips. */
    static void require(boolean present, String reason) {
        if (!present && "true".equals(System.getenv("CI"))) {
            fail(reason);
        }
        assumeTrue(present, reason);
    }

    static String run(String script, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of("node", TOOLS.resolve(script).toString()));
        command.addAll(arguments);
        try {
            Process process = new ProcessBuilder(command).directory(TOOLS.toFile()).start();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(script + " did not finish within 2 minutes");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(script + " failed (" + process.exitValue() + "): " + err.join());
            }
            return out.join();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean nodeRuns() {
        try {
            Process process = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
