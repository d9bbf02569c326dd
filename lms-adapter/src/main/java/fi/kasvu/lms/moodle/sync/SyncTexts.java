package fi.kasvu.lms.moodle.sync;

import fi.kasvu.common.Language;
import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The texts a sync writes into Moodle, in Finnish, Swedish and English. */
final class SyncTexts {

    private SyncTexts() {
    }

    static String kindLabel(String kind, Language language) {
        return switch (kind) {
            case "PEER_TRIAD" -> pick(language, "Vertaiskolmikko", "Kollegatrio", "Peer triad");
            case "REVERSE_MENTORING" -> pick(language, "Käänteisen mentoroinnin ryhmä", "Grupp för omvänt mentorskap",
                    "Reverse mentoring group");
            case "COACHING_GROUP" -> pick(language, "Valmennusryhmä", "Coachningsgrupp", "Coaching group");
            case "ONBOARDING_POOL" -> pick(language, "Perehdytysryhmä", "Introduktionsgrupp", "Onboarding group");
            default -> pick(language, "Vertaisryhmä", "Kamratgrupp", "Peer group");
        };
    }

    /** A group name, unique in the course because it carries the formation id. */
    static String groupName(SyncInput input, SyncGroup group, Language language) {
        return kindLabel(input.kind(), language) + " " + group.number() + " (" + input.formationId() + ")";
    }

    static String groupDescription(Language language) {
        return pick(language, "Kasvu muodosti ryhmän.", "Gruppen bildades i Kasvu.", "Formed by Kasvu.");
    }

    static String groupingName(SyncInput input, Language language) {
        return "Kasvu: " + kindPlural(input.kind(), language) + " (" + input.formationId() + ")";
    }

    private static String kindPlural(String kind, Language language) {
        return switch (kind) {
            case "PEER_TRIAD" -> pick(language, "Vertaiskolmikot", "Kollegatrior", "Peer triads");
            case "REVERSE_MENTORING" -> pick(language, "Käänteisen mentoroinnin ryhmät",
                    "Grupper för omvänt mentorskap", "Reverse mentoring groups");
            case "COACHING_GROUP" -> pick(language, "Valmennusryhmät", "Coachningsgrupper", "Coaching groups");
            case "ONBOARDING_POOL" -> pick(language, "Perehdytysryhmät", "Introduktionsgrupper", "Onboarding groups");
            default -> pick(language, "Vertaisryhmät", "Kamratgrupper", "Peer groups");
        };
    }

    static String eventName(String groupName, SyncMeeting meeting, Language language) {
        return pick(language, "Tapaaminen ", "Träff ", "Meeting ") + meeting.number() + ": " + groupName;
    }

    static String eventDescription(SyncMeeting meeting, Language language) {
        if (meeting.theme().isEmpty()) {
            return pick(language, "Ryhmä valitsee teeman yhdessä.", "Gruppen väljer tema tillsammans.",
                    "The group chooses the theme together.");
        }
        return pick(language, "Teema: ", "Tema: ", "Theme: ") + meeting.theme();
    }

    /** The welcome message to one member, naming the group, the others and the first meeting. */
    static String welcome(SyncMember member, String groupName, String courseName, List<SyncMember> others,
            ZonedDateTime firstMeeting) {
        Language language = member.language();
        String names = join(others.stream().map(SyncMember::name).toList(), language);
        StringBuilder text = new StringBuilder();
        switch (language) {
            case FI -> {
                text.append("Hei ").append(member.firstName()).append("!\n\n");
                text.append("Olet mukana ryhmässä ”").append(groupName).append("” kurssilla ").append(courseName)
                        .append('.');
                if (!others.isEmpty()) {
                    text.append(" Samassa ryhmässä ovat ").append(names).append('.');
                }
                if (firstMeeting != null) {
                    text.append("\n\nEnsimmäinen tapaaminen on ").append(finnishDay(firstMeeting.getDayOfWeek()))
                            .append(' ').append(firstMeeting.format(DateTimeFormatter.ofPattern("d.M.yyyy 'klo' H.mm")))
                            .append(". Löydät tapaamiset Moodlen kalenterista.");
                }
                text.append("\n\nTervetuloa mukaan!");
            }
            case SV -> {
                text.append("Hej ").append(member.firstName()).append("!\n\n");
                text.append("Du är med i gruppen ”").append(groupName).append("” på kursen ").append(courseName)
                        .append('.');
                if (!others.isEmpty()) {
                    text.append(" I samma grupp finns ").append(names).append('.');
                }
                if (firstMeeting != null) {
                    text.append("\n\nDen första träffen är ").append(firstMeeting.format(
                            DateTimeFormatter.ofPattern("EEEE 'den' d MMMM yyyy 'kl.' H.mm", new Locale("sv"))))
                            .append(". Du hittar träffarna i kalendern i Moodle.");
                }
                text.append("\n\nVälkommen med!");
            }
            default -> {
                text.append("Hi ").append(member.firstName()).append(",\n\n");
                text.append("You are in the group \u201c").append(groupName).append("\u201d on the course ")
                        .append(courseName).append('.');
                if (!others.isEmpty()) {
                    text.append(" Your group mates are ").append(names).append('.');
                }
                if (firstMeeting != null) {
                    text.append("\n\nYour first meeting is on ").append(firstMeeting.format(
                            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", Locale.ENGLISH)))
                            .append(". You will find the meetings in your Moodle calendar.");
                }
                text.append("\n\nWelcome aboard!");
            }
        }
        return text.toString();
    }

    private static String finnishDay(DayOfWeek day) {
        return switch (day) {
            case MONDAY -> "maanantaina";
            case TUESDAY -> "tiistaina";
            case WEDNESDAY -> "keskiviikkona";
            case THURSDAY -> "torstaina";
            case FRIDAY -> "perjantaina";
            case SATURDAY -> "lauantaina";
            case SUNDAY -> "sunnuntaina";
        };
    }

    private static String join(List<String> names, Language language) {
        if (names.size() <= 1) {
            return String.join("", names);
        }
        String and = pick(language, " ja ", " och ", " and ");
        return String.join(", ", names.subList(0, names.size() - 1)) + and + names.get(names.size() - 1);
    }

    private static String pick(Language language, String fi, String sv, String en) {
        return switch (language) {
            case FI -> fi;
            case SV -> sv;
            case EN -> en;
        };
    }
}
