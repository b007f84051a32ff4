package dev.orderflow.docs;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the commands of one document's tested blocks, each in its own {@code bash -o pipefail -c}, from the repository
 * root, as a reader would type them. What it adds, and why:
 * <ul>
 * <li>curl runs with {@code --fail-with-body} (a {@code .curlrc} in {@code CURL_HOME}): an HTTP error fails the
 * command, as a reader would see it fail;</li>
 * <li>{@code <name>} in a command is replaced by the value of the JSON field {@code name} of an earlier answer in the
 * same document, as a reader copies the order id from the answer before;</li>
 * <li>{@code ./run-local.sh}, which runs until Ctrl-C, is started in the background in its own process group, awaited
 * until it prints that it is ready, and stopped with SIGINT (Ctrl-C) at the end of its section (DocCommandsIT
 * closes the shell when the next block is in another section), or of the document;</li>
 * <li>{@code ./mvnw verify} is the build that runs this test: it is not started again from inside itself;</li>
 * <li>{@code helm}, where no helm binary is installed, is {@link HelmCli} (the Helm engine of helm-java);</li>
 * <li>Maven, started by {@code ./run-local.sh}, installs into a local repository of its own that reads the user's
 * (Maven's {@code maven.repo.local.tail}), so that the test never overwrites the snapshots in {@code ~/.m2}.</li>
 * </ul>
 * A block whose programs are not installed is skipped, saying which; with {@code CI=true} it fails instead.
 */
final class DocShell implements AutoCloseable {

    static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(10);
    /** The local run builds first: on a fresh clone that is every module. */
    static final Duration READY_TIMEOUT = Duration.ofMinutes(15);
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private static final Pattern SELF = Pattern.compile("^\\./mvnw\\s+verify\\s*(#.*)?$");
    private static final Pattern LOCAL_RUN = Pattern.compile("^\\./run-local\\.sh(\\s.*)?$");
    private static final String LOCAL_RUN_READY = "Ctrl-C stops everything";
    private static final List<Integer> LOCAL_RUN_PORTS = List.of(8000, 8001, 8002, 9000, 9001);
    private static final Pattern PLACEHOLDER = Pattern.compile("<([a-z_]+)>");
    private static final Pattern JSON_FIELD = Pattern.compile("\"([a-z_]+)\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern ASSIGNMENT = Pattern.compile("^(\\w+=\\S*\\s+)+");
    private static final Set<String> SHELL_WORDS = Set.of("cd", "export", "echo", "test", "[", "true", "false", "set",
            "until", "while", "for", "if", "do", "done", "then", "fi", "read", "printf", "source", ".", "{", "(");

    private final Path root;
    private final Path work;
    private final Map<String, String> environment = new HashMap<>(System.getenv());
    private final Map<String, String> answers = new HashMap<>();
    private final List<Process> background = new ArrayList<>();
    private int counter;

    DocShell(Path root, Path work) {
        this.root = root;
        this.work = work;
        try {
            Files.createDirectories(work);
            Path curlHome = Files.createDirectories(work.resolve("curl"));
            Files.writeString(curlHome.resolve(".curlrc"), "fail-with-body\nshow-error\n");
            environment.put("CURL_HOME", curlHome.toString());
            Path bin = Files.createDirectories(work.resolve("bin"));
            if (!onPath("helm")) {
                writeHelmShim(bin);
            }
            environment.put("PATH", bin + ":" + environment.getOrDefault("PATH", "/usr/bin:/bin"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String userRepository = System.getProperty("orderflow.maven.repository");
        if (userRepository != null) {
            environment.put("MAVEN_ARGS", "-Dmaven.repo.local=" + work.resolve("m2")
                    + " -Dmaven.repo.local.tail=" + userRepository);
        }
        // This kind of machine names a CLI configuration file that does not exist, and terraform then refuses to run.
        String terraformConfig = environment.get("TF_CLI_CONFIG_FILE");
        if (terraformConfig != null && !Files.exists(Path.of(terraformConfig))) {
            environment.put("TF_CLI_CONFIG_FILE", "/dev/null");
        }
    }

    private void writeHelmShim(Path bin) throws IOException {
        Path arguments = work.resolve("helm-java.args");
        Files.writeString(arguments, "-cp \"" + System.getProperty("java.class.path") + "\"\n");
        Path helm = bin.resolve("helm");
        Files.writeString(helm, """
                #!/bin/sh
                # No helm binary here: the Helm engine of helm-java runs the block's arguments (docs-tests' HelmCli).
                exec "%s" @%s %s "$@"
                """.formatted(Path.of(System.getProperty("java.home"), "bin", "java"), arguments,
                HelmCli.class.getName()));
        helm.toFile().setExecutable(true);
    }

    /** Skips the block (fails it in CI) when one of its commands names a program that is not installed. */
    void assumeProgramsOf(TestedBlock block) {
        for (String command : block.commands()) {
            String program = ASSIGNMENT.matcher(command).replaceFirst("").split("\\s+")[0];
            boolean present = program.startsWith("./") ? Files.isExecutable(root.resolve(program))
                    : SHELL_WORDS.contains(program) || onPath(program);
            if (!present) {
                String reason = block + " needs " + program + ", which is not installed here";
                if ("true".equals(System.getenv("CI"))) {
                    fail(reason + " (CI=true: .ci/setup must install it)");
                }
                abort(reason);
            }
        }
    }

    void run(String written) {
        String command = substitute(written);
        if (SELF.matcher(command).matches()) {
            System.out.println("[docs] not run again: " + command + " (the build that runs this test)");
            return;
        }
        if (LOCAL_RUN.matcher(command).matches()) {
            startInBackground(command, LOCAL_RUN_READY, LOCAL_RUN_PORTS);
            return;
        }
        Path log = log();
        System.out.println("[docs] $ " + command);
        Instant start = Instant.now();
        Process process = start(List.of("bash", "-o", "pipefail", "-c", command), log);
        try {
            if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                destroyTree(process);
                fail("`" + command + "` did not finish within " + COMMAND_TIMEOUT + ":\n" + tail(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        String output = read(log);
        System.out.printf("[docs]   exit %d after %d s%n", process.exitValue(),
                Duration.between(start, Instant.now()).toSeconds());
        if (process.exitValue() != 0) {
            fail("`" + command + "` exited with " + process.exitValue() + ":\n" + tail(log));
        }
        Matcher field = JSON_FIELD.matcher(output);
        while (field.find()) {
            answers.put(field.group(1), field.group(2));
        }
    }

    private String substitute(String command) {
        Matcher placeholder = PLACEHOLDER.matcher(command);
        StringBuilder out = new StringBuilder();
        while (placeholder.find()) {
            String value = answers.get(placeholder.group(1));
            if (value == null) {
                fail("`" + command + "`: no earlier answer in this document has a field " + placeholder.group(1));
            }
            placeholder.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return placeholder.appendTail(out).toString();
    }

    private void startInBackground(String command, String readyLine, List<Integer> ports) {
        if (!onPath("setsid")) {
            // util-linux's setsid (Linux) gives the run a process group that Ctrl-C can stop as a whole.
            String reason = "`" + command + "` needs setsid (util-linux), which is not installed here";
            if ("true".equals(System.getenv("CI"))) {
                fail(reason + " (CI=true: .ci/setup must install it)");
            }
            abort(reason);
        }
        for (int port : ports) {
            try (ServerSocket socket = new ServerSocket(port)) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                fail("`" + command + "` needs port " + port + ", which something else on this machine holds");
            }
        }
        Path log = log();
        System.out.println("[docs] $ " + command + "   (in the background, until it prints \"" + readyLine + "\")");
        Instant start = Instant.now();
        // Its own session and process group, so that Ctrl-C (SIGINT) can be sent to all of it, as a terminal does.
        Process process = start(List.of("setsid", "bash", "-c", "exec " + command), log);
        if (background.isEmpty()) {
            // A test JVM stopped half-way would otherwise leave the system running, holding its ports.
            Runtime.getRuntime().addShutdownHook(new Thread(this::close));
        }
        background.add(process);
        Instant deadline = start.plus(READY_TIMEOUT);
        while (!read(log).contains(readyLine)) {
            if (!process.isAlive()) {
                fail("`" + command + "` exited with " + process.exitValue() + " before it was ready:\n" + tail(log));
            }
            if (Instant.now().isAfter(deadline)) {
                fail("`" + command + "` was not ready within " + READY_TIMEOUT + ":\n" + tail(log));
            }
            sleep(Duration.ofSeconds(1));
        }
        System.out.printf("[docs]   ready after %d s%n", Duration.between(start, Instant.now()).toSeconds());
    }

    /** Stops what runs in the background: Ctrl-C to its process group, then SIGKILL to what is left. */
    @Override
    public synchronized void close() {
        for (Process process : background) {
            long group = process.pid();
            signal("INT", group);
            Instant deadline = Instant.now().plus(STOP_TIMEOUT);
            while (groupAlive(group) && Instant.now().isBefore(deadline)) {
                sleep(Duration.ofMillis(500));
            }
            if (groupAlive(group)) {
                System.out.println("[docs] process group " + group + " ignored Ctrl-C; killing it");
                signal("KILL", group);
            }
        }
        background.clear();
    }

    private static void signal(String signal, long group) {
        try {
            new ProcessBuilder("kill", "-" + signal, "--", "-" + group).start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean groupAlive(long group) {
        try {
            Process probe = new ProcessBuilder("kill", "-0", "--", "-" + group)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Process start(List<String> command, Path log) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(
                        Path.of("/dev/null").toFile()));
        builder.environment().clear();
        builder.environment().putAll(environment);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void destroyTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private boolean onPath(String program) {
        try {
            ProcessBuilder builder = new ProcessBuilder("bash", "-c", "command -v \"$0\"", program)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("PATH", environment.getOrDefault("PATH", "/usr/bin:/bin"));
            Process which = builder.start();
            return which.waitFor(10, TimeUnit.SECONDS) && which.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Path log() {
        return work.resolve("command-%02d.log".formatted(++counter));
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(Path log) {
        List<String> lines = read(log).lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size())) + "\n(whole output: "
                + log + ")";
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
