package dev.orderflow.docs;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintCommand;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code helm template} and {@code helm lint} for the tested blocks, on a machine without a helm binary: the arguments
 * of the block's command, given to the real Helm engine through helm-java. A flag helm-java cannot pass on fails the
 * command instead of being dropped, so a block never claims more than was run.
 */
public final class HelmCli {

    private HelmCli() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        List<String> positional = new ArrayList<>();
        List<Path> valuesFiles = new ArrayList<>();
        Map<String, String> sets = new LinkedHashMap<>();
        String namespace = null;
        String kubeVersion = null;
        boolean strict = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "-f", "--values" -> valuesFiles.add(Path.of(args.get(++i)));
                case "--set" -> {
                    for (String assignment : args.get(++i).split(",")) {
                        int equals = assignment.indexOf('=');
                        sets.put(assignment.substring(0, equals), assignment.substring(equals + 1));
                    }
                }
                case "-n", "--namespace" -> namespace = args.get(++i);
                case "--kube-version" -> kubeVersion = args.get(++i);
                case "--strict" -> strict = true;
                default -> {
                    if (arg.startsWith("-")) {
                        err.println("helm (helm-java): the flag " + arg + " is not supported here");
                        return 2;
                    }
                    positional.add(arg);
                }
            }
        }
        if (positional.isEmpty()) {
            err.println("helm (helm-java): template [NAME] CHART [flags] or lint CHART [--strict]");
            return 2;
        }
        try {
            return switch (positional.get(0)) {
                case "template" -> {
                    List<String> names = positional.subList(1, positional.size());
                    Path chart = Path.of(names.get(names.size() - 1));
                    TemplateCommand template = new Helm(chart).template()
                            .withName(names.size() > 1 ? names.get(0) : "release-name");
                    if (namespace != null) {
                        template.withNamespace(namespace);
                    }
                    if (kubeVersion != null) {
                        template.withKubeVersion(kubeVersion);
                    }
                    valuesFiles.forEach(template::withValuesFile);
                    sets.forEach(template::set);
                    out.print(template.call());
                    yield 0;
                }
                case "lint" -> {
                    if (!valuesFiles.isEmpty() || !sets.isEmpty() || positional.size() != 2) {
                        err.println("helm (helm-java): lint takes one chart and --strict only");
                        yield 2;
                    }
                    LintCommand lint = new Helm(Path.of(positional.get(1))).lint();
                    LintResult result = (strict ? lint.strict() : lint).call();
                    out.println("==> Linting " + positional.get(1));
                    result.getMessages().forEach(out::println);
                    out.printf("%n1 chart(s) linted, %d chart(s) failed%n", result.isFailed() ? 1 : 0);
                    yield result.isFailed() ? 1 : 0;
                }
                default -> {
                    err.println("helm (helm-java): only template and lint run here, not " + positional.get(0));
                    yield 2;
                }
            };
        } catch (RuntimeException e) {
            err.println("Error: " + e.getMessage());
            return 1;
        }
    }
}
