package dev.orderflow.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command block of a Markdown file that a test runs: a fenced block whose info string is {@code sh tested}, or
 * {@code sh tested teardown} for one that runs at the end of its document even when an earlier block failed. Its
 * commands are its lines, with backslash continuations joined and comment-only lines left out; its section is the
 * nearest heading of level 1 or 2 above it.
 */
record TestedBlock(String file, int line, String section, boolean teardown, List<String> commands) {

    private static final Pattern SECTION = Pattern.compile("(?m)^#{1,2}\\s+(.*)$");

    private static final Pattern INFO = Pattern.compile("(sh|bash|shell)\\s+tested(\\s+teardown)?");

    static List<TestedBlock> of(String file, String markdown) {
        List<TestedBlock> blocks = new ArrayList<>();
        for (MarkdownText.Fenced fenced : MarkdownText.fencedBlocks(markdown)) {
            Matcher info = INFO.matcher(fenced.info());
            if (!info.matches()) {
                continue;
            }
            Matcher heading = SECTION.matcher(MarkdownText.withoutFencedBlocks(markdown.substring(0, fenced.start())));
            String section = "";
            while (heading.find()) {
                section = heading.group(1).strip();
            }
            blocks.add(new TestedBlock(file, MarkdownText.lineOf(markdown, fenced.start()), section,
                    info.group(2) != null, commands(fenced.body())));
        }
        return blocks;
    }

    private static List<String> commands(String body) {
        List<String> commands = new ArrayList<>();
        StringBuilder command = new StringBuilder();
        for (String line : body.split("\n")) {
            if (command.isEmpty() && (line.isBlank() || line.strip().startsWith("#"))) {
                continue;
            }
            if (line.endsWith("\\")) {
                command.append(line, 0, line.length() - 1).append(' ');
            } else {
                commands.add(command.append(line).toString().strip());
                command.setLength(0);
            }
        }
        if (!command.isEmpty()) {
            commands.add(command.toString().strip());
        }
        return commands;
    }

    @Override
    public String toString() {
        return file + ":" + line + (teardown ? " (teardown)" : "");
    }
}
