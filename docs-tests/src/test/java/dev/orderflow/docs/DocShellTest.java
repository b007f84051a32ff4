package dev.orderflow.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner of the tested blocks fails where a reader would see a command fail. */
class DocShellTest {

    @TempDir
    Path work;

    private DocShell shell;

    private DocShell shell() {
        shell = new DocShell(RepositoryFiles.ROOT, work);
        return shell;
    }

    @AfterEach
    void close() {
        if (shell != null) {
            shell.close();
        }
    }

    @Test
    void aPlaceholderTakesTheFieldOfAnEarlierAnswer() {
        DocShell shell = shell();

        shell.run("echo '{\"order_id\":\"o-1\",\"status\":\"confirmed\"}'");
        shell.run("test \"<order_id>\" = o-1");

        assertThatThrownBy(() -> shell.run("test \"<order_id>\" = o-2")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("exited with 1");
        assertThatThrownBy(() -> shell.run("echo <customer_id>")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("no earlier answer");
    }

    @Test
    void aFailingCommandOrPipelineFails() {
        DocShell shell = shell();

        assertThatThrownBy(() -> shell.run("false")).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> shell.run("false | cat")).isInstanceOf(AssertionError.class);
    }

    @Test
    void curlFailsOnAnHttpError() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = "{\"title\":\"Not Found\"}".getBytes();
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals("/ok") ? 200 : 404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            DocShell shell = shell();
            String base = "localhost:" + server.getAddress().getPort();

            shell.run("curl -i " + base + "/ok");
            assertThatThrownBy(() -> shell.run("curl -i " + base + "/missing")).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("404");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aBlockNamingAProgramThatIsNotInstalledDoesNotPass() {
        TestedBlock block = new TestedBlock("x.md", 1, "", false, List.of("no-such-program-here --version"));

        // skipped where CI is not set, failed where it is: either way it does not pass
        assertThatThrownBy(() -> shell().assumeProgramsOf(block)).hasMessageContaining("no-such-program-here");
    }

    @Test
    void helmRendersTheChartOrRefusesAFlagItCannotPassOn() {
        DocShell shell = shell();

        shell.run("helm template orderflow infrastructure/helm/orderflow --kube-version 1.32.0 "
                + "| grep -q '^kind: Deployment'");
        assertThatThrownBy(() -> shell.run("helm template orderflow infrastructure/helm/orderflow --atomic"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("--atomic");
    }

    @Test
    void theMarkedBlocksAreFoundWithTheirCommandsAndSections() {
        String markdown = """
                # Title
                ```sh
                echo not tested
                ```
                ## Run
                ```sh tested
                # a comment line
                curl -X POST localhost:8000/orders \\
                     -d '{}'
                echo two   # trailing comment
                ```
                ```bash tested teardown
                echo down
                ```
                ````markdown
                ```sh tested
                echo an example of a marked block, not one
                ```
                ````
                """;

        List<TestedBlock> blocks = TestedBlock.of("doc.md", markdown);

        assertThat(blocks).containsExactly(
                new TestedBlock("doc.md", 6, "Run", false,
                        List.of("curl -X POST localhost:8000/orders       -d '{}'", "echo two   # trailing comment")),
                new TestedBlock("doc.md", 12, "Run", true, List.of("echo down")));
    }
}
