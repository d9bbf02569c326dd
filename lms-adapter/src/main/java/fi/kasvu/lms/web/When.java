package fi.kasvu.lms.web;

import fi.kasvu.common.Language;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** Instants as the pages show them: in Finnish time, in the page's language. */
public final class When {

    /** The time zone of the pages (Kasvu's users are in Finland). */
    public static final ZoneId ZONE = ZoneId.of("Europe/Helsinki");

    private When() {
    }

    /** A date and time, medium date and short time. */
    public static String format(Instant instant, Language language) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(language.locale()).format(instant.atZone(ZONE));
    }
}
