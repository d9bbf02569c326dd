package fi.kasvu.lms.moodle.fake;

import fi.kasvu.common.Language;
import fi.kasvu.lms.moodle.sync.SyncGroup;
import fi.kasvu.lms.moodle.sync.SyncInput;
import fi.kasvu.lms.moodle.sync.SyncMeeting;
import fi.kasvu.lms.moodle.sync.SyncMember;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Fixture factories: formations of triads and the matching Moodle users. */
public final class Triads {

    private static final String[] FIRST = {"Aino", "Erik", "Maria", "Juha", "Sofia", "Liam", "Helmi", "Oskar", "Emma"};
    private static final String[] LAST = {"Virtanen", "Lindqvist", "Korhonen", "Nieminen", "Grönroos", "Smith",
            "Mäkinen", "Sjöberg", "Brown"};

    private Triads() {
    }

    /** Person number i (from 1): name, email p{i}@example.invalid, a language cycling fi, sv, fi, en. */
    public static SyncMember person(int i) {
        Language language = switch (i % 4) {
            case 1 -> Language.SV;
            case 3 -> Language.EN;
            default -> Language.FI;
        };
        return new SyncMember("p" + i, FIRST[i % FIRST.length] + " " + LAST[(i / FIRST.length) % LAST.length] + i,
                "p" + i + "@example.invalid", language);
    }

    /** A formation of {@code count} triads, each with {@code meetings} planned meetings four weeks apart. */
    public static SyncInput formation(String id, int count, int meetings) {
        List<SyncGroup> groups = new ArrayList<>();
        for (int g = 1; g <= count; g++) {
            List<SyncMember> members = List.of(person(3 * g - 2), person(3 * g - 1), person(3 * g));
            List<SyncMeeting> planned = new ArrayList<>();
            for (int m = 1; m <= meetings; m++) {
                planned.add(new SyncMeeting(m, LocalDate.of(2027, 1, 14).plusWeeks(4L * (m - 1)), m == 1 ? "Getting started" : ""));
            }
            groups.add(new SyncGroup(g, members, planned));
        }
        return new SyncInput(id, "PEER_TRIAD", groups);
    }

    /** Moodle users for persons 1..count (user id = 100 + i), all enrolled. */
    public static List<FakeMoodle.User> users(int count) {
        List<FakeMoodle.User> users = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            SyncMember person = person(i);
            String[] names = person.name().split(" ", 2);
            users.add(new FakeMoodle.User(100 + i, "p" + i, names[0], names[1], person.email(), "p" + i,
                    person.language().code(), true));
        }
        return users;
    }
}
