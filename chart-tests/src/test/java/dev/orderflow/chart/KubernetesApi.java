package dev.orderflow.chart;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.JSON;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Kubernetes API of one pinned version (the official Java client's models, generated from that version's
 * OpenAPI document; the version is in this module's pom). A manifest passes only when its apiVersion and kind are
 * served by that version, every field it has is a field of the model (the models' own validation refuses unknown
 * ones), and reading it into the model and writing it back gives the same JSON, which catches a value of the wrong
 * type that Gson would quietly convert (a port as "8000", a boolean as "yes").
 */
final class KubernetesApi {

    private static final String MODELS = "io.kubernetes.client.openapi.models.";

    /** "apps/v1" + "Deployment" to the model class, for every kind an API group of this version serves. */
    private final Map<String, Class<?>> served = new HashMap<>();

    KubernetesApi() {
        served.putAll(ServedKinds.read());
    }

    boolean serves(String apiVersion, String kind) {
        return served.containsKey(apiVersion + " " + kind);
    }

    Set<String> servedKinds() {
        return new TreeSet<>(served.keySet());
    }

    /** The problems found in one manifest; empty when it is valid. */
    List<String> validate(Map<String, Object> manifest) {
        String apiVersion = String.valueOf(manifest.get("apiVersion"));
        String kind = String.valueOf(manifest.get("kind"));
        Class<?> model = served.get(apiVersion + " " + kind);
        if (model == null) {
            return List.of(apiVersion + " " + kind + " is not served by the pinned Kubernetes API");
        }
        JsonElement original = new Gson().toJsonTree(manifest);
        try {
            Method validate = model.getMethod("validateJsonElement", JsonElement.class);
            validate.invoke(null, original);
        } catch (InvocationTargetException e) {
            return List.of(kind + ": " + e.getCause().getMessage());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(model + " has no validateJsonElement", e);
        }
        Object typed;
        try {
            typed = JSON.deserialize(original.toString(), model);
        } catch (RuntimeException e) {
            return List.of(kind + ": " + e.getMessage());
        }
        JsonElement roundTrip = JSON.getGson().toJsonTree(typed);
        return Differences.between(original, roundTrip).stream()
                .map(difference -> kind + ": " + difference + " (a value of the wrong type?)")
                .toList();
    }

    /** Which kinds each group version serves, read from the generated API classes (AppsV1Api creates V1Deployment...). */
    private static final class ServedKinds {

        private static final Pattern API_CLASS =
                Pattern.compile("io/kubernetes/client/openapi/apis/(([A-Z][A-Za-z]*?)(V\\d+((alpha|beta)\\d+)?))Api\\.class");

        static Map<String, Class<?>> read() {
            Map<String, Class<?>> kinds = new HashMap<>();
            for (Matcher api : apiClasses()) {
                String groupVersion = groupVersion(api.group(2), api.group(3).toLowerCase(Locale.ROOT));
                for (Method method : load("io.kubernetes.client.openapi.apis." + api.group(1) + "Api").getMethods()) {
                    if (!method.getName().startsWith("create")) {
                        continue;
                    }
                    for (Class<?> parameter : method.getParameterTypes()) {
                        if (KubernetesObject.class.isAssignableFrom(parameter)
                                && parameter.getName().startsWith(MODELS)) {
                            String kind = parameter.getSimpleName().replaceFirst("^V\\d+((alpha|beta)\\d+)?", "");
                            kinds.put(groupVersion + " " + kind, parameter);
                        }
                    }
                }
            }
            return kinds;
        }

        private static List<Matcher> apiClasses() {
            try (JarFile jar = new JarFile(Path.of(JSON.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI()).toFile())) {
                return jar.stream().map(entry -> API_CLASS.matcher(entry.getName())).filter(Matcher::matches).toList();
            } catch (IOException | URISyntaxException e) {
                throw new IllegalStateException("cannot list the Kubernetes client's API classes", e);
            }
        }

        /** "Core" to "v1", "Apps" to "apps/v1", "RbacAuthorization" to "rbac.authorization.k8s.io/v1". */
        private static String groupVersion(String group, String version) {
            return switch (group) {
                case "Core" -> version;
                case "Apps", "Batch", "Policy", "Autoscaling" -> group.toLowerCase(Locale.ROOT) + "/" + version;
                default -> group.replaceAll("([a-z])([A-Z])", "$1.$2").toLowerCase(Locale.ROOT) + ".k8s.io/"
                        + version;
            };
        }

        private static Class<?> load(String name) {
            try {
                return Class.forName(name);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Paths where two JSON trees differ, an absent field and an empty list or map being the same. */
    static final class Differences {

        static List<String> between(JsonElement expected, JsonElement actual) {
            List<String> found = new ArrayList<>();
            compare("", expected, actual, found);
            return found;
        }

        private static void compare(String path, JsonElement expected, JsonElement actual, List<String> found) {
            if (expected == null && isEmptyCollection(actual)) {
                // the models start their maps and lists empty: an absent field reads back as an empty one
                return;
            }
            if (expected instanceof JsonObject object && actual instanceof JsonObject other) {
                Set<String> keys = new TreeSet<>(object.keySet());
                keys.addAll(other.keySet());
                for (String key : keys) {
                    compare(path + "." + key, object.get(key), other.get(key), found);
                }
            } else if (expected instanceof JsonArray array && actual instanceof JsonArray other
                    && array.size() == other.size()) {
                for (int i = 0; i < array.size(); i++) {
                    compare(path + "[" + i + "]", array.get(i), other.get(i), found);
                }
            } else if (!Objects.equals(expected, actual)) {
                found.add(path + " was " + expected + " but reads as " + actual);
            }
        }

        private static boolean isEmptyCollection(JsonElement element) {
            return element instanceof JsonObject object && object.isEmpty()
                    || element instanceof JsonArray array && array.isEmpty();
        }
    }
}
