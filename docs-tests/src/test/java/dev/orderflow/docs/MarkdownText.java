package dev.orderflow.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parts of Markdown text blanked out with spaces, so that offsets (and so line numbers) stay where they were. */
final class MarkdownText {

    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})(.*)$");
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`\\n]*`");
    static final Pattern URL = Pattern.compile("[a-zA-Z][a-zA-Z+.-]*://[^\\s)>\"'`]*");

    private MarkdownText() {
    }

    /** A fenced block: its info string, its body, and where it starts and ends in the text. */
    record Fenced(String info, String body, int start, int end) {
    }

    /** The fenced blocks, as CommonMark closes them: by a fence of the same character, at least as long. */
    static List<Fenced> fencedBlocks(String text) {
        List<Fenced> blocks = new ArrayList<>();
        int offset = 0;
        Matcher open = null;
        int start = 0;
        int bodyStart = 0;
        for (String line : text.split("\n", -1)) {
            Matcher fence = FENCE.matcher(line);
            if (open == null && fence.matches()) {
                open = fence;
                start = offset;
                bodyStart = offset + line.length() + 1;
            } else if (open != null && fence.matches() && fence.group(2).isBlank()
                    && fence.group(1).charAt(0) == open.group(1).charAt(0)
                    && fence.group(1).length() >= open.group(1).length()) {
                blocks.add(new Fenced(open.group(2).strip(), text.substring(bodyStart, offset), start,
                        offset + line.length()));
                open = null;
            }
            offset += line.length() + 1;
        }
        if (open != null) {
            blocks.add(new Fenced(open.group(2).strip(), text.substring(Math.min(bodyStart, text.length())), start,
                    text.length()));
        }
        return blocks;
    }

    static String withoutFencedBlocks(String text) {
        StringBuilder out = new StringBuilder(text);
        for (Fenced block : fencedBlocks(text)) {
            blank(out, block.start(), block.end());
        }
        return out.toString();
    }

    /** Prose only: no fenced blocks, no inline code. */
    static String prose(String text) {
        return blank(withoutFencedBlocks(text), INLINE_CODE);
    }

    static String blank(String text, Pattern pattern) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder(text);
        while (matcher.find()) {
            blank(out, matcher.start(), matcher.end());
        }
        return out.toString();
    }

    private static void blank(StringBuilder text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (text.charAt(i) != '\n') {
                text.setCharAt(i, ' ');
            }
        }
    }

    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
