package org.latentexplorer.engine.core;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model's config record as its manifest's hyper-parameters and back, by Jackson: the record's components under their
 * snake_case names, its enums by their ids. Reading demands every component with a value of its type, and says which
 * one in a plain message; a value the record's own checks refuse keeps their message.
 */
public final class HyperParameters {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    private HyperParameters() {
    }

    /** The record's components by their manifest names, in the record's order. */
    public static Map<String, Object> of(Record config) {
        return MAPPER.convertValue(config, new TypeReference<LinkedHashMap<String, Object>>() { });
    }

    /** {@code defaults} with the hyper-parameters named in {@code changes} set to their values there. */
    @SuppressWarnings("unchecked")
    public static <T extends Record> T with(T defaults, Map<String, Object> changes) {
        Map<String, Object> m = of(defaults);
        m.putAll(changes);
        return read(m, (Class<T>) defaults.getClass());
    }

    /**
     * The record the hyper-parameters describe.
     *
     * @throws IllegalArgumentException naming the hyper-parameter that is missing or of the wrong type, or with the
     *     record's own message for a value it refuses
     */
    public static <T extends Record> T read(Map<String, Object> hyperParameters, Class<T> type) {
        try {
            return MAPPER.convertValue(hyperParameters, type);
        } catch (IllegalArgumentException e) {
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                if (c instanceof IllegalArgumentException own) {
                    throw own;
                }
            }
            if (e.getCause() instanceof JsonMappingException j && !j.getPath().isEmpty()) {
                String name = j.getPath().get(0).getFieldName();
                Class<?> component = componentType(type, name);
                boolean missing = j.getMessage().startsWith("Missing") || component == null;
                throw new IllegalArgumentException("hyper-parameter '" + name + "' "
                        + (missing ? "is missing" : "must be " + expected(component)), e);
            }
            throw new IllegalArgumentException("the hyper-parameters do not describe a model: " + e.getMessage(), e);
        }
    }

    /** The type of the record's component a manifest names so; null for none. */
    private static Class<?> componentType(Class<?> record, String name) {
        var snake = (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;
        for (RecordComponent c : record.getRecordComponents()) {
            if (snake.translate(c.getName()).equals(name)) {
                return c.getType();
            }
        }
        return null;
    }

    /** What a value of this type looks like, in the words of a message. */
    private static String expected(Class<?> type) {
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            return "a whole number";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type.isArray()) {
            return "a list of numbers";
        }
        return type == String.class || type.isEnum() ? "a name" : "a " + type.getSimpleName();
    }
}
