package fi.kasvu.lms.moodle;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A form body with Moodle's rules: PHP bracket keys for lists and nested structures
 * ({@code groups[0][name]}), booleans as {@code 1}/{@code 0}, integers as plain digits, and
 * optional values left out rather than sent empty.
 */
final class FormBody {

    private final List<Map.Entry<String, String>> fields = new ArrayList<>();

    FormBody add(String key, String value) {
        if (value == null) {
            throw new NullPointerException(key + " must not be null");
        }
        fields.add(Map.entry(key, value));
        return this;
    }

    FormBody add(String key, long value) {
        return add(key, Long.toString(value));
    }

    FormBody add(String key, boolean value) {
        return add(key, value ? "1" : "0");
    }

    /** Adds the value unless it is null (an empty string is a value and is sent). */
    FormBody optional(String key, String value) {
        return value == null ? this : add(key, value);
    }

    FormBody optional(String key, Long value) {
        return value == null ? this : add(key, value.longValue());
    }

    FormBody optional(String key, Integer value) {
        return value == null ? this : add(key, value.longValue());
    }

    FormBody optional(String key, Boolean value) {
        return value == null ? this : add(key, value.booleanValue());
    }

    FormBody longs(String key, Collection<Long> values) {
        int i = 0;
        for (Long value : values) {
            add(key + "[" + i++ + "]", value);
        }
        return this;
    }

    FormBody strings(String key, Collection<String> values) {
        int i = 0;
        for (String value : values) {
            add(key + "[" + i++ + "]", value);
        }
        return this;
    }

    /** The number of form fields, which PHP caps with {@code max_input_vars}. */
    int size() {
        return fields.size();
    }

    List<Map.Entry<String, String>> fields() {
        return List.copyOf(fields);
    }

    /** The body, with brackets percent-encoded as curl sends them. */
    String encode(List<Map.Entry<String, String>> leading) {
        StringBuilder out = new StringBuilder();
        for (List<Map.Entry<String, String>> part : List.of(leading, fields)) {
            for (Map.Entry<String, String> field : part) {
                if (out.length() > 0) {
                    out.append('&');
                }
                out.append(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8));
            }
        }
        return out.toString();
    }
}
