package dev.orderflow.docs;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parts of Markdown text blanked out with spaces, so that offsets (and so line numbers) stay where they were. */
final class MarkdownText {

    private static final Pattern FENCED = Pattern.compile("(?ms)^ {0,3}(```|~~~).*?^ {0,3}\\1[^\\n]*$");
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`\\n]*`");
    static final Pattern URL = Pattern.compile("[a-zA-Z][a-zA-Z+.-]*://[^\\s)>\"'`]*");

    private MarkdownText() {
    }

    static String withoutFencedBlocks(String text) {
        return blank(text, FENCED);
    }

    /** Prose only: no fenced blocks, no inline code. */
    static String prose(String text) {
        return blank(blank(text, FENCED), INLINE_CODE);
    }

    static String blank(String text, Pattern pattern) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder(text);
        while (matcher.find()) {
            for (int i = matcher.start(); i < matcher.end(); i++) {
                if (out.charAt(i) != '\n') {
                    out.setCharAt(i, ' ');
                }
            }
        }
        return out.toString();
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
