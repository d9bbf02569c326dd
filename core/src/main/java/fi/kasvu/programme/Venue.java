package fi.kasvu.programme;

import fi.kasvu.common.Require;
import java.net.URI;
import java.net.URISyntaxException;

/** Where an event happens: on site, online, both (seed 002's hybrid events), or not yet decided. */
public sealed interface Venue {

    /**
     * In a place.
     *
     * @param place the place, such as "Työ 2.0 Lab, Helsinki"
     */
    record OnSite(String place) implements Venue {
        /** @throws IllegalArgumentException if the place is blank or longer than 200 characters */
        public OnSite {
            Require.nonBlank("place", place);
            Require.maxLength("place", place, Require.MAX_ID);
        }
    }

    /**
     * Online, by a meeting link.
     *
     * @param link an https link to the meeting
     */
    record Online(String link) implements Venue {
        /** @throws IllegalArgumentException if the link is not an absolute https URL */
        public Online {
            checkLink(link);
        }
    }

    /**
     * On site and online at once.
     *
     * @param place the place
     * @param link  an https link to the meeting
     */
    record Hybrid(String place, String link) implements Venue {
        /** @throws IllegalArgumentException if the place is blank or the link not an https URL */
        public Hybrid {
            Require.nonBlank("place", place);
            Require.maxLength("place", place, Require.MAX_ID);
            checkLink(link);
        }
    }

    /** Not decided yet (a template's events): the programme's rules ask the organiser to decide. */
    record ToBeAnnounced() implements Venue {
    }

    private static void checkLink(String link) {
        Require.nonNull("link", link);
        Require.maxLength("link", link, 2000);
        try {
            URI uri = new URI(link);
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getHost().isBlank()) {
                throw new IllegalArgumentException("link must be an https URL with a host: " + link);
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("link must be an https URL: " + link, e);
        }
    }
}
