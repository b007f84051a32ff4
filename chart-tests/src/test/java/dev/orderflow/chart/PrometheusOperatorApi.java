package dev.orderflow.chart;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.util.List;
import java.util.Map;

/**
 * The Prometheus Operator's CRDs (monitoring.coreos.com/v1), as fabric8's generated models of them. Those models
 * keep unknown fields aside in a catch-all map instead of refusing them; this reader switches that off, so an unknown
 * field fails with its path, and refuses the scalar conversions Jackson would otherwise make (a number where the CRD
 * has a string, "true" where it has a boolean).
 */
final class PrometheusOperatorApi {

    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "ServiceMonitor", ServiceMonitor.class,
            "PrometheusRule", PrometheusRule.class);

    private final ObjectMapper strict = strictMapper();

    boolean serves(String apiVersion, String kind) {
        Class<? extends HasMetadata> model = KINDS.get(kind);
        return model != null && HasMetadata.getApiVersion(model).equals(apiVersion);
    }

    List<String> validate(Map<String, Object> manifest) {
        String apiVersion = String.valueOf(manifest.get("apiVersion"));
        String kind = String.valueOf(manifest.get("kind"));
        if (!serves(apiVersion, kind)) {
            return List.of(apiVersion + " " + kind + " is not a Prometheus Operator kind");
        }
        try {
            strict.convertValue(manifest, KINDS.get(kind));
            return List.of();
        } catch (IllegalArgumentException e) {
            return List.of(kind + ": " + e.getMessage());
        }
    }

    private static ObjectMapper strictMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .annotationIntrospector(new RefuseUnknownFields())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        for (CoercionInputShape shape : List.of(CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean)) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        return mapper;
    }

    /** Ignores the models' catch-all map and their "ignore unknown" marker. */
    private static final class RefuseUnknownFields extends JacksonAnnotationIntrospector {

        @Override
        public Boolean hasAnySetter(Annotated annotated) {
            return Boolean.FALSE;
        }

        @Override
        public JsonIgnoreProperties.Value findPropertyIgnoralByName(MapperConfig<?> config, Annotated annotated) {
            JsonIgnoreProperties.Value declared = super.findPropertyIgnoralByName(config, annotated);
            return declared.withoutIgnoreUnknown();
        }
    }
}
