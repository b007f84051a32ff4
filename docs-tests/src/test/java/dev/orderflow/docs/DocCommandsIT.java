package dev.orderflow.docs;

import static org.junit.jupiter.api.Assumptions.abort;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every command block marked {@code sh tested} in the repository's Markdown files, run for real (docs/README.md says
 * how to mark one). A document's blocks run in order, in one {@link DocShell}; after the first failure the rest are
 * skipped, its {@code tested teardown} blocks still run, and what it left in the background is stopped. What a block
 * starts in the background runs until the end of its section, as a reader presses Ctrl-C before going on to the next.
 * The README runs first, then the other documents by path.
 */
class DocCommandsIT {

    private static final Path WORK = Path.of("target", "doc-commands").toAbsolutePath();
    /** {@code -Dorderflow.docs=README.md,docs/local.md} runs only those documents. */
    private static final List<String> ONLY = Stream.of(System.getProperty("orderflow.docs", "").split(","))
            .map(String::strip).filter(file -> !file.isEmpty()).toList();

    @TestFactory
    Stream<DynamicNode> everyTestedBlockRuns() {
        RepositoryFiles repository = RepositoryFiles.of(RepositoryFiles.ROOT);
        List<DynamicNode> documents = new ArrayList<>();
        repository.files().stream().filter(file -> file.endsWith(".md"))
                .filter(file -> !file.contains("src/test/resources/fixtures/"))
                .filter(file -> ONLY.isEmpty() || ONLY.contains(file))
                .sorted(Comparator.comparing((String file) -> !file.equals("README.md")).thenComparing(file -> file))
                .forEach(file -> {
                    List<TestedBlock> blocks = TestedBlock.of(file, repository.read(file));
                    if (!blocks.isEmpty()) {
                        documents.add(DynamicContainer.dynamicContainer(file,
                                document(repository.root(), file, blocks)));
                    }
                });
        return documents.stream();
    }

    private static Stream<DynamicTest> document(Path root, String file, List<TestedBlock> blocks) {
        AtomicReference<DocShell> shell = new AtomicReference<>();
        AtomicBoolean failed = new AtomicBoolean();
        AtomicReference<String> section = new AtomicReference<>();
        List<DynamicTest> tests = new ArrayList<>();
        for (TestedBlock block : blocks.stream().filter(block -> !block.teardown()).toList()) {
            tests.add(DynamicTest.dynamicTest("block at line " + block.line(), () -> {
                if (failed.get()) {
                    abort("an earlier block of " + file + " failed");
                }
                if (!block.section().equals(section.getAndSet(block.section()))) {
                    shell.get().close();
                }
                failed.set(true);
                shell.get().assumeProgramsOf(block);
                block.commands().forEach(shell.get()::run);
                failed.set(false);
            }));
        }
        for (TestedBlock block : blocks.stream().filter(TestedBlock::teardown).toList()) {
            tests.add(DynamicTest.dynamicTest("teardown at line " + block.line(), () -> {
                shell.get().assumeProgramsOf(block);
                block.commands().forEach(shell.get()::run);
            }));
        }
        tests.add(DynamicTest.dynamicTest("stop what runs in the background", () -> shell.get().close()));
        DynamicTest open = DynamicTest.dynamicTest("open a shell in the repository root",
                () -> shell.set(new DocShell(root, WORK.resolve(file.replace('/', '_')))));
        return Stream.concat(Stream.of(open), tests.stream());
    }
}
