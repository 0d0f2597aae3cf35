package io.roundup.support.openapi;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.reflect.Field;
import java.util.Iterator;

/**
 * Request records collect the fields they do not define in a {@code @JsonAnySetter} map so that they can refuse them
 * by name; that map is no field a client may send, so it is left out of the schema.
 */
class AnySetterProperties implements ModelConverter {

    @Override
    public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        Schema<?> schema = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        Class<?> raw = rawClass(type);
        if (raw == null || !raw.isRecord()) {
            return schema;
        }
        Schema<?> defined = schema != null && schema.get$ref() == null
                ? schema
                : context.getDefinedModels().get(raw.getSimpleName());
        if (defined != null && defined.getProperties() != null) {
            for (Field field : raw.getDeclaredFields()) {
                // the annotation's targets leave it on the record's field (and constructor parameter), not the
                // component
                if (field.isAnnotationPresent(JsonAnySetter.class)) {
                    defined.getProperties().remove(field.getName());
                }
            }
        }
        return schema;
    }

    private static Class<?> rawClass(AnnotatedType type) {
        if (type.getType() instanceof Class<?> raw) {
            return raw;
        }
        // swagger-core describes types with Jackson 2's type model
        if (type.getType() instanceof com.fasterxml.jackson.databind.JavaType javaType) {
            return javaType.getRawClass();
        }
        return null;
    }
}
