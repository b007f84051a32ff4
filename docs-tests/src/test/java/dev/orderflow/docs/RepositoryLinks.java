package dev.orderflow.docs;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the links and paths of a repository that do not resolve inside it:
 * <ul>
 * <li>every relative link of every Markdown file ({@code [text](target)}, reference definitions, HTML {@code href}
 * and {@code src}) names a file or directory of the repository, and an anchor names a heading of the target;</li>
 * <li>every path that starts with a directory at the repository's root ({@code docs/...}, {@code infrastructure/...},
 * {@code .ci/...}, a module, ...), written in a Markdown file, a workflow, or a comment of any other file, exists;
 * {@code $VAR}, {@code <placeholder>} and {@code *} match any name, and a path through {@code target/} is build output
 * and is not checked;</li>
 * <li>every {@code ../} path in a comment resolves, from the file's directory or one of its parents up to the root,
 * to something inside the repository.</li>
 * </ul>
 * The root directory {@code application} is left out of the second rule: {@code application/json} is a media type.
 * Files under {@code src/test/resources/fixtures/} are broken on purpose and not scanned.
 */
final class RepositoryLinks {

    private static final Pattern INLINE_LINK =
            Pattern.compile("!?\\[(?:[^\\[\\]]|\\[[^\\]]*])*]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern REFERENCE_LINK = Pattern.compile("(?m)^ {0,3}\\[[^\\]]+]:\\s*<?([^\\s>]+)>?");
    private static final Pattern HTML_LINK = Pattern.compile("(?:href|src)=\"([^\"]+)\"");
    private static final Pattern SCHEME = Pattern.compile("^(?:[a-zA-Z][a-zA-Z+.-]*:|//)");

    /** A path's characters: no spaces, no braces but those of {@code ${VAR}}. */
    private static final String PATH_CHARS = "(?:[\\w./<>*-]|\\$\\{[^}\\s]*}|\\$)";
    private static final Pattern PATH = Pattern.compile("(?<![\\w./$<>{}@:%~\\\\-])((?:\\.\\./)+[\\w.$<>*-]"
            + PATH_CHARS + "*|[\\w.]" + PATH_CHARS + "*?/" + PATH_CHARS + "*)");
    /** A GitHub Actions expression: its value is unknown here, so it matches any name. */
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{[^}\\n]*}}");
    private static final Pattern GLOB_PART = Pattern.compile("\\*\\*|\\*|\\$\\{[^}]*}|\\$\\w+|<[^>/]*>|\\{[^}/]*}");

    private static final Pattern BLOCK_COMMENT = Pattern.compile("(?s)/\\*.*?\\*/");
    private static final Pattern LINE_COMMENT = Pattern.compile("(?<![:\"'\\w/*])//[^\\n]*");
    private static final Pattern HASH_COMMENT = Pattern.compile("(?m)(?:^|(?<=\\s))#[^\\n]*");
    private static final Pattern XML_COMMENT = Pattern.compile("(?s)<!--.*?-->");
    private static final Pattern ANY = Pattern.compile("(?s).+");

    private static final Set<String> SLASH = Set.of("java", "js", "mjs", "cjs", "ts", "kt", "groovy", "go", "tpl");
    private static final Set<String> SLASH_AND_HASH = Set.of("tf", "hcl", "tftpl");
    private static final Set<String> HASH = Set.of("yml", "yaml", "sh", "bash", "properties", "conf", "toml", "cfg",
            "ini", "env", "dockerignore", "gitignore", "dockerfile");
    private static final Set<String> XML = Set.of("xml", "html");

    /** Where paths are named most; a path under one of them is checked even where the directory does not exist. */
    private static final Set<String> KNOWN_ROOTS =
            Set.of("docs", "infrastructure", "observability", "containers", ".ci", ".github");

    private final RepositoryFiles repository;
    private final Set<String> roots = new TreeSet<>(KNOWN_ROOTS);

    RepositoryLinks(RepositoryFiles repository) {
        this.repository = repository;
        for (String file : repository.files()) {
            int slash = file.indexOf('/');
            if (slash > 0) {
                roots.add(file.substring(0, slash));
            }
        }
        roots.remove("application");
    }

    List<Finding> check() {
        List<Finding> findings = new ArrayList<>();
        for (String file : repository.files()) {
            if (file.contains("src/test/resources/fixtures/")) {
                continue;
            }
            String text = repository.read(file);
            if (text == null || text.indexOf('\0') >= 0) {
                continue;
            }
            if (file.endsWith(".md")) {
                findings.addAll(markdown(file, text));
            } else {
                boolean whole = readWhole(file);
                findings.addAll(paths(file, commentsOf(file, text), !whole));
            }
        }
        return findings;
    }

    private List<Finding> markdown(String file, String text) {
        List<Finding> findings = new ArrayList<>();
        String prose = MarkdownText.prose(text);
        StringBuilder withoutTargets = new StringBuilder(text);
        for (Pattern link : List.of(INLINE_LINK, REFERENCE_LINK, HTML_LINK)) {
            Matcher matcher = link.matcher(prose);
            while (matcher.find()) {
                String target = matcher.group(1);
                for (int i = matcher.start(1); i < matcher.end(1); i++) {
                    withoutTargets.setCharAt(i, ' ');
                }
                String problem = linkProblem(file, text, target);
                if (problem != null) {
                    findings.add(new Finding(file, MarkdownText.lineOf(text, matcher.start(1)), target, problem));
                }
            }
        }
        findings.addAll(paths(file, MarkdownText.blank(withoutTargets.toString(), MarkdownText.URL), false));
        return findings;
    }

    private String linkProblem(String file, String text, String target) {
        if (SCHEME.matcher(target).find()) {
            return null;
        }
        int hash = target.indexOf('#');
        String path = URLDecoder.decode(hash < 0 ? target : target.substring(0, hash), StandardCharsets.UTF_8);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        String resolved;
        if (path.isEmpty()) {
            resolved = file;
        } else {
            resolved = resolve(path.startsWith("/") ? "" : parentOf(file), path.replaceFirst("^/+", ""));
            if (resolved == null) {
                return "leaves the repository";
            }
            if (!repository.entries().contains(resolved)) {
                return "no such file or directory in the repository";
            }
        }
        if (anchor != null && !anchor.isEmpty() && resolved.endsWith(".md")) {
            String targetText = resolved.equals(file) ? text : repository.read(resolved);
            if (targetText != null && !MarkdownAnchors.of(targetText).contains(anchor.toLowerCase(Locale.ROOT))) {
                return "no heading with the anchor #" + anchor;
            }
        }
        return null;
    }

    /** The paths named in {@code text}, a copy of the file where everything not to be read is blanked. */
    private List<Finding> paths(String file, String text, boolean relativeToo) {
        List<Finding> findings = new ArrayList<>();
        Matcher matcher = PATH.matcher(text);
        while (matcher.find()) {
            String token = matcher.group(1).replaceAll("[.,:;]+$", "");
            String problem;
            if (token.startsWith("../")) {
                if (!relativeToo) {
                    continue;
                }
                problem = relativeProblem(file, token);
            } else {
                if (!startsAtRoot(token)) {
                    continue;
                }
                problem = exists(Path.of(token).normalize().toString().replace('\\', '/'))
                        ? null : "no such file or directory in the repository";
            }
            if (problem != null && !throughBuildOutput(token)) {
                findings.add(new Finding(file, MarkdownText.lineOf(text, matcher.start(1)), token, problem));
            }
        }
        return findings;
    }

    private boolean startsAtRoot(String token) {
        String first = token.substring(0, token.indexOf('/'));
        Matcher glob = GLOB_PART.matcher(first);
        if (!glob.find()) {
            return roots.contains(first);
        }
        String literal = first.substring(0, glob.start());
        return !literal.isEmpty() && roots.stream().anyMatch(root -> root.startsWith(literal));
    }

    private String relativeProblem(String file, String token) {
        String directory = parentOf(file);
        boolean leaves = resolve(directory, token) == null;
        while (true) {
            String resolved = resolve(directory, token);
            if (resolved != null && exists(resolved)) {
                return null;
            }
            if (directory.isEmpty()) {
                return leaves ? "leaves the repository" : "no such file or directory in the repository";
            }
            directory = parentOf(directory);
        }
    }

    private static boolean throughBuildOutput(String token) {
        return List.of(token.split("/")).contains("target");
    }

    private boolean exists(String path) {
        String trimmed = path.replaceAll("/+$", "");
        if (!GLOB_PART.matcher(trimmed).find()) {
            return repository.entries().contains(trimmed);
        }
        StringBuilder regex = new StringBuilder();
        Matcher glob = GLOB_PART.matcher(trimmed);
        int last = 0;
        while (glob.find()) {
            regex.append(Pattern.quote(trimmed.substring(last, glob.start())));
            regex.append(glob.group().equals("**") ? ".*" : "[^/]*");
            last = glob.end();
        }
        regex.append(Pattern.quote(trimmed.substring(last)));
        Pattern pattern = Pattern.compile(regex.toString());
        return repository.entries().stream().anyMatch(entry -> pattern.matcher(entry).matches());
    }

    /** {@code path} against {@code directory}, both relative to the root; null when it leaves the repository. */
    private static String resolve(String directory, String path) {
        Path resolved = Path.of(directory.isEmpty() ? "." : directory).resolve(path).normalize();
        String result = resolved.toString().replace('\\', '/');
        if (result.equals("..") || result.startsWith("../")) {
            return null;
        }
        return result.replaceAll("/+$", "");
    }

    private static String parentOf(String file) {
        int slash = file.lastIndexOf('/');
        return slash < 0 ? "" : file.substring(0, slash);
    }

    /**
     * Workflows and Helm's NOTES.txt are read whole; their {@code ../} paths are relative to a working directory set
     * elsewhere, so only their paths from the root are checked.
     */
    private static boolean readWhole(String file) {
        return file.startsWith(".github/workflows/") || (file.contains("/templates/") && file.endsWith(".txt"));
    }

    /** The file with everything but its comments blanked (or nothing blanked, see {@link #readWhole}). */
    static String commentsOf(String file, String text) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT)
                : name.toLowerCase(Locale.ROOT);
        List<Pattern> comments = new ArrayList<>();
        if (readWhole(file)) {
            comments.add(ANY);
        } else if (SLASH.contains(extension)) {
            comments.addAll(List.of(BLOCK_COMMENT, LINE_COMMENT));
        } else if (SLASH_AND_HASH.contains(extension)) {
            comments.addAll(List.of(BLOCK_COMMENT, LINE_COMMENT, HASH_COMMENT));
        } else if (HASH.contains(extension) || name.startsWith("Dockerfile") || text.startsWith("#!")) {
            comments.add(HASH_COMMENT);
        } else if (XML.contains(extension)) {
            comments.add(XML_COMMENT);
        }
        boolean[] keep = new boolean[text.length()];
        for (Pattern comment : comments) {
            Matcher matcher = comment.matcher(text);
            while (matcher.find()) {
                for (int i = matcher.start(); i < matcher.end(); i++) {
                    keep[i] = true;
                }
            }
        }
        StringBuilder out = new StringBuilder(text);
        for (int i = 0; i < out.length(); i++) {
            if (!keep[i] && out.charAt(i) != '\n') {
                out.setCharAt(i, ' ');
            }
        }
        String withoutUrls = MarkdownText.blank(out.toString(), MarkdownText.URL);
        return EXPRESSION.matcher(withoutUrls).replaceAll(match -> "*" + " ".repeat(match.group().length() - 1));
    }
}
