package fi.kasvu.lms.moodle.fake;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The parameter descriptions of the functions the fake serves, copied from Moodle 4.5's
 * {@code *_parameters()} methods, and Moodle's check of a request against them
 * ({@code external_api::validate_parameters}): unexpected keys, missing required keys and values
 * that Moodle's {@code clean_param} would change are all refused, as a bare {@code invalidparameter}
 * (quirk 4; with debugging on, the recorded {@code __debug} answers name the reason).
 */
final class FakeParams {

    /** Moodle's {@code PARAM_*} types, as {@code validate_param} checks them: the cleaned value must equal the sent one. */
    enum Type {
        /** {@code PARAM_INT}: an integer written the way PHP writes it back. */
        INT(Pattern.compile("-?(0|[1-9][0-9]*)")),
        /** {@code PARAM_BOOL}: web services take only 0 and 1. */
        BOOL(Pattern.compile("[01]")),
        /** {@code PARAM_ALPHA}: ASCII letters. */
        ALPHA(Pattern.compile("[A-Za-z]*")),
        /** {@code PARAM_ALPHANUMEXT}: ASCII letters, digits, underscore and hyphen (quirk 19). */
        ALPHANUMEXT(Pattern.compile("[A-Za-z0-9_-]*")),
        /** {@code PARAM_TEXT}: anything that {@code strip_tags} leaves unchanged. */
        TEXT(Pattern.compile("(?s)(?!.*<[A-Za-z/!?]).*")),
        /** {@code PARAM_RAW}: anything. */
        RAW(Pattern.compile("(?s).*"));

        private final Pattern valid;

        Type(Pattern valid) {
            this.valid = valid;
        }
    }

    /** A parameter description: a value, a list of descriptions, or a structure of named fields. */
    sealed interface Spec permits Value, ListOf, Struct {
    }

    /** {@code external_value}. */
    record Value(Type type) implements Spec {
    }

    /** {@code external_multiple_structure}. */
    record ListOf(Spec item) implements Spec {
    }

    /** {@code external_single_structure}: fields with whether each is required. */
    record Struct(Map<String, Spec> fields, Map<String, Boolean> required) implements Spec {
    }

    private FakeParams() {
    }

    private static Value v(Type type) {
        return new Value(type);
    }

    private static ListOf list(Spec item) {
        return new ListOf(item);
    }

    /** A structure from name/spec pairs; a name ending in {@code !} is required. */
    private static Struct struct(Object... pairs) {
        Map<String, Spec> fields = new LinkedHashMap<>();
        Map<String, Boolean> required = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            String name = (String) pairs[i];
            boolean must = name.endsWith("!");
            String key = must ? name.substring(0, name.length() - 1) : name;
            fields.put(key, (Spec) pairs[i + 1]);
            required.put(key, must);
        }
        return new Struct(fields, required);
    }

    private static final Map<String, Struct> FUNCTIONS = Map.ofEntries(
            Map.entry("core_webservice_get_site_info", struct("serviceshortnames", list(v(Type.ALPHANUMEXT)))),
            Map.entry("core_course_get_courses_by_field", struct("field", v(Type.ALPHA), "value", v(Type.RAW))),
            Map.entry("core_enrol_get_enrolled_users", struct("courseid!", v(Type.INT),
                    "options", list(struct("name!", v(Type.ALPHANUMEXT), "value!", v(Type.RAW))))),
            Map.entry("core_user_get_users_by_field", struct("field!", v(Type.ALPHA), "values!", list(v(Type.RAW)))),
            Map.entry("core_group_create_groups", struct("groups!", list(struct("courseid!", v(Type.INT),
                    "name!", v(Type.TEXT), "description!", v(Type.RAW), "descriptionformat", v(Type.INT),
                    "enrolmentkey", v(Type.RAW), "idnumber", v(Type.RAW), "visibility", v(Type.INT),
                    "participation", v(Type.BOOL), "customfields", list(struct("shortname!", v(Type.ALPHANUMEXT),
                            "value!", v(Type.RAW))))))),
            Map.entry("core_group_get_course_groups", struct("courseid!", v(Type.INT))),
            Map.entry("core_group_add_group_members", struct("members!", list(struct("groupid!", v(Type.INT),
                    "userid!", v(Type.INT))))),
            Map.entry("core_group_get_group_members", struct("groupids!", list(v(Type.INT)))),
            Map.entry("core_group_delete_groups", struct("groupids!", list(v(Type.INT)))),
            Map.entry("core_group_create_groupings", struct("groupings!", list(struct("courseid!", v(Type.INT),
                    "name!", v(Type.TEXT), "description!", v(Type.RAW), "descriptionformat", v(Type.INT),
                    "idnumber", v(Type.RAW), "customfields", list(struct("shortname!", v(Type.ALPHANUMEXT),
                            "value!", v(Type.RAW))))))),
            Map.entry("core_group_assign_grouping", struct("assignments!", list(struct("groupingid!", v(Type.INT),
                    "groupid!", v(Type.INT))))),
            Map.entry("core_group_get_course_groupings", struct("courseid!", v(Type.INT))),
            Map.entry("core_calendar_create_calendar_events", struct("events!", list(struct("name!", v(Type.TEXT),
                    "description", v(Type.RAW), "format", v(Type.INT), "courseid", v(Type.INT), "groupid", v(Type.INT),
                    "repeats", v(Type.INT), "eventtype", v(Type.TEXT), "timestart", v(Type.INT),
                    "timeduration", v(Type.INT), "visible", v(Type.INT), "sequence", v(Type.INT))))),
            Map.entry("core_calendar_delete_calendar_events", struct("events!", list(struct("eventid!", v(Type.INT),
                    "repeat!", v(Type.BOOL))))),
            Map.entry("core_calendar_get_calendar_events", struct(
                    "events", struct("eventids", list(v(Type.INT)), "courseids", list(v(Type.INT)),
                            "groupids", list(v(Type.INT)), "categoryids", list(v(Type.INT))),
                    "options", struct("userevents", v(Type.BOOL), "siteevents", v(Type.BOOL), "timestart", v(Type.INT),
                            "timeend", v(Type.INT), "ignorehidden", v(Type.BOOL)))),
            Map.entry("core_message_send_instant_messages", struct("messages!", list(struct("touserid!", v(Type.INT),
                    "text!", v(Type.RAW), "textformat", v(Type.INT), "clientmsgid", v(Type.ALPHANUMEXT))))),
            Map.entry("core_message_get_messages", struct("useridto!", v(Type.INT), "useridfrom", v(Type.INT),
                    "type", v(Type.ALPHA), "read", v(Type.INT), "newestfirst", v(Type.BOOL), "limitfrom", v(Type.INT),
                    "limitnum", v(Type.INT))));

    /** The keys every web-service request carries besides the function's own parameters. */
    private static final Set<String> PROTOCOL = Set.of("wstoken", "wsfunction", "moodlewsrestformat");

    /**
     * Whether Moodle would accept these parameters for the function (functions without a description here are not checked).
     *
     * @return null when they pass, else what Moodle's debuginfo would name
     */
    static String check(String function, Map<String, Object> form) {
        Struct spec = FUNCTIONS.get(function);
        if (spec == null) {
            return null;
        }
        Map<String, Object> params = new LinkedHashMap<>(form);
        PROTOCOL.forEach(params::remove);
        return check("", spec, params);
    }

    private static String check(String path, Spec spec, Object value) {
        if (spec instanceof Value v) {
            return value instanceof String text && v.type().valid.matcher(text).matches() ? null
                    : path + ": the server was expecting \"" + v.type().name().toLowerCase(Locale.ROOT) + "\" type";
        }
        if (!(value instanceof Map<?, ?> map)) {
            return path + ": only arrays accepted";
        }
        if (spec instanceof ListOf list) {
            for (Map.Entry<?, ?> item : map.entrySet()) {
                if (!Type.INT.valid.matcher(String.valueOf(item.getKey())).matches()) {
                    return path + ": only arrays accepted";
                }
                String problem = check(path + "[" + item.getKey() + "]", list.item(), item.getValue());
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }
        Struct struct = (Struct) spec;
        for (Object key : map.keySet()) {
            if (!struct.fields().containsKey(String.valueOf(key))) {
                return path + ": Unexpected keys (" + key + ") detected in parameter array";
            }
        }
        for (Map.Entry<String, Spec> field : struct.fields().entrySet()) {
            Object given = map.get(field.getKey());
            if (given == null) {
                if (struct.required().get(field.getKey())) {
                    return path + ": Missing required key in single structure: " + field.getKey();
                }
                continue;
            }
            String problem = check(path + "[" + field.getKey() + "]", field.getValue(), given);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }
}
