package fi.kasvu.lms.activity.programme;

import fi.kasvu.common.Language;
import fi.kasvu.lms.web.PageTexts;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Reading the organiser's form values: days, times, zones, links and short texts, each refused
 * with a message naming the field in the user's language; and formatting times in the programme's zone.
 */
final class ProgrammeForms {

    /** The longest place, speaker or name accepted (as core's ids). */
    static final int MAX_SHORT = 200;
    /** The longest link accepted. */
    static final int MAX_LINK = 2000;

    private ProgrammeForms() {
    }

    /** A day as {@code 2026-09-01} or {@code 1.9.2026}; the error goes into {@code errors} under the field. */
    static Optional<LocalDate> day(Map<String, String> form, String field, PageTexts t, Map<String, String> errors) {
        String value = form.getOrDefault(field, "").strip();
        try {
            if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return Optional.of(LocalDate.parse(value));
            }
            if (value.matches("\\d{1,2}\\.\\d{1,2}\\.\\d{4}")) {
                String[] parts = value.split("\\.");
                return Optional.of(LocalDate.of(Integer.parseInt(parts[2]), Integer.parseInt(parts[1]),
                        Integer.parseInt(parts[0])));
            }
        } catch (java.time.DateTimeException notADay) {
            // reported below
        }
        errors.put(field, t.t("form.error.day", clip(value)));
        return Optional.empty();
    }

    /** A time of day as {@code 9:00}, {@code 09:00} or {@code 9.00}. */
    static Optional<LocalTime> time(Map<String, String> form, String field, PageTexts t, Map<String, String> errors) {
        String value = form.getOrDefault(field, "").strip();
        if (value.matches("\\d{1,2}[:.]\\d{2}")) {
            String[] parts = value.split("[:.]");
            int hour = Integer.parseInt(parts[0]);
            int minute = Integer.parseInt(parts[1]);
            if (hour < 24 && minute < 60) {
                return Optional.of(LocalTime.of(hour, minute));
            }
        }
        errors.put(field, t.t("form.error.time", clip(value)));
        return Optional.empty();
    }

    /** A time zone id such as {@code Europe/Helsinki}. */
    static Optional<ZoneId> zone(Map<String, String> form, String field, PageTexts t, Map<String, String> errors) {
        String value = form.getOrDefault(field, "").strip();
        try {
            if (!value.isEmpty() && value.length() <= 60) {
                return Optional.of(ZoneId.of(value));
            }
        } catch (java.time.DateTimeException unknown) {
            // reported below
        }
        errors.put(field, t.t("form.error.zone", clip(value)));
        return Optional.empty();
    }

    /** A short text without control characters, at most {@link #MAX_SHORT} characters; "" if empty. */
    static String shortText(Map<String, String> form, String field, PageTexts t, Map<String, String> errors) {
        String value = form.getOrDefault(field, "").strip();
        if (value.length() > MAX_SHORT) {
            errors.put(field, t.t("form.error.tooLong", MAX_SHORT, value.length()));
            return "";
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            errors.put(field, t.t("form.error.control"));
            return "";
        }
        return value;
    }

    /** An https link with a host, or "" if empty. */
    static String link(Map<String, String> form, String field, PageTexts t, Map<String, String> errors) {
        String value = form.getOrDefault(field, "").strip();
        if (value.isEmpty()) {
            return "";
        }
        if (value.length() > MAX_LINK) {
            errors.put(field, t.t("form.error.tooLong", MAX_LINK, value.length()));
            return "";
        }
        try {
            java.net.URI uri = new java.net.URI(value);
            if ("https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && !uri.getHost().isBlank()
                    && value.chars().noneMatch(Character::isISOControl)) {
                return value;
            }
        } catch (java.net.URISyntaxException notALink) {
            // reported below
        }
        errors.put(field, t.t("form.error.link", clip(value)));
        return "";
    }

    /** A date and time in the programme's zone, in the page's language. */
    static String when(Instant instant, ZoneId zone, Language language) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(language.locale()).format(instant.atZone(zone));
    }

    /** A day in the page's language. */
    static String day(LocalDate day, Language language) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(language.locale()).format(day);
    }

    /** A value as an error message quotes it: at most 40 characters, control characters shown as "?". */
    static String clip(String value) {
        String safe = value.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return safe.length() <= 40 ? safe : safe.substring(0, 40) + "…";
    }
}
