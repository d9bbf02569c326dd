package fi.kasvu.store.jdbc;

import fi.kasvu.common.Require;
import fi.kasvu.json.KasvuJson;

/**
 * Turns one aggregate type into the JSON text stored in the documents table and back. Reading
 * must reject what it cannot read with an exception naming the problem (a {@code KasvuJsonException}
 * names the JSON path); the repository then reports the document instead of returning it.
 */
public interface DocumentCodec<T> {

    /** The aggregate as a JSON document. */
    String write(T value);

    /**
     * The aggregate a stored JSON document holds.
     *
     * @throws RuntimeException naming the problem (for Kasvu's format, a {@code KasvuJsonException}
     *                          with the JSON path) if the text is not a readable document
     */
    T read(String json);

    /**
     * The codec of core's versioned JSON format for an aggregate type.
     *
     * @throws IllegalArgumentException if the type has no Kasvu JSON format
     * @throws NullPointerException     if either argument is null
     */
    static <T> DocumentCodec<T> kasvuJson(KasvuJson json, Class<T> type) {
        Require.nonNull("json", json);
        Require.nonNull("type", type);
        if (json.supportedTypes().stream().noneMatch(supported -> supported.isAssignableFrom(type))) {
            throw new IllegalArgumentException("no Kasvu JSON format for " + type.getName() + "; formats exist for "
                    + json.supportedTypes().stream().map(Class::getSimpleName).sorted().toList());
        }
        return new DocumentCodec<>() {
            @Override
            public String write(T value) {
                return json.toJson(value);
            }

            @Override
            public T read(String text) {
                return json.fromJson(text, type);
            }
        };
    }
}
