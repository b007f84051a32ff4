package dev.orderflow.infrastructure;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/** What the services themselves declare: design.md's environment table, each bootstrap's application.yml. */
final class Contract {

    private static final Pattern ENVIRONMENT_ROW = Pattern.compile("^\\| (`[A-Z_]+`(?:, `[A-Z_]+`)*) \\| ([^|]+) \\|");

    private Contract() {
    }

    /** Environment variables design.md says the service ("gateway" or "processor") reads. */
    static Set<String> environmentOf(String service) {
        Set<String> names = new TreeSet<>();
        Repository.read(Repository.ROOT.resolve("docs/design.md")).lines().forEach(line -> {
            Matcher row = ENVIRONMENT_ROW.matcher(line);
            if (row.find() && (row.group(2).contains(service) || row.group(2).contains("both"))) {
                for (String name : row.group(1).split(", ")) {
                    names.add(name.replace("`", ""));
                }
            }
        });
        return names;
    }

    /** The bootstrap's application.yml, e.g. "bootstrap-gateway". */
    @SuppressWarnings("unchecked")
    static Map<String, Object> applicationYaml(String bootstrap) {
        Path file = Repository.ROOT.resolve(bootstrap).resolve("src/main/resources/application.yml");
        return new Yaml().load(Repository.read(file));
    }

    /** A value of application.yml by dotted path. */
    @SuppressWarnings("unchecked")
    static Object setting(String bootstrap, String path) {
        Object node = applicationYaml(bootstrap);
        for (String key : path.split("\\.")) {
            node = ((Map<String, Object>) node).get(key);
            if (node == null) {
                throw new IllegalArgumentException(bootstrap + " has no " + path);
            }
        }
        return node;
    }

    /** The default of a ${ENV:default} placeholder in application.yml, e.g. server.port → 8000. */
    static int portDefault(String bootstrap, String path) {
        Matcher placeholder = Pattern.compile("^\\$\\{[A-Z_]+:(\\d+)}$").matcher(setting(bootstrap, path).toString());
        if (!placeholder.matches()) {
            throw new IllegalStateException(bootstrap + " " + path + " is not ${ENV:port}");
        }
        return Integer.parseInt(placeholder.group(1));
    }

    /** Peak RSS under load of a service in MiB, as docs/performance.md reports it. */
    static int peakRssMiB(String service) {
        Matcher peak = Pattern.compile("peak under load: gateway (\\d+) MiB, processor (\\d+) MiB")
                .matcher(Repository.read(Repository.ROOT.resolve("docs/performance.md")));
        if (!peak.find()) {
            throw new IllegalStateException("docs/performance.md reports no peak RSS of the split services");
        }
        return Integer.parseInt(peak.group(service.equals("gateway") ? 1 : 2));
    }
}
