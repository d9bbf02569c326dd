package fi.kasvu.lms.activity.peer;

import fi.kasvu.common.Language;
import fi.kasvu.common.LocalizedText;
import fi.kasvu.peer.GroupKind;
import fi.kasvu.peer.MemberRole;
import fi.kasvu.peer.TriadRole;

/** The names of group kinds and roles in fi/sv/en. */
final class PeerTexts {

    private PeerTexts() {
    }

    static String kindName(GroupKind kind, Language language) {
        return (switch (kind) {
            case PEER_TRIAD -> LocalizedText.of("Vertaistriadit", "Kamrattriader", "Peer triads");
            case REVERSE_MENTORING -> LocalizedText.of("Käänteinen mentorointi", "Omvänd mentorskap", "Reverse mentoring");
            case COACHING_GROUP -> LocalizedText.of("Valmennusryhmät (5–8)", "Coachinggrupper (5–8)", "Coaching groups (5–8)");
            case ONBOARDING_POOL -> LocalizedText.of("Perehdytyspooli", "Introduktionspool", "Onboarding pool");
        }).in(language);
    }

    static String kindHint(GroupKind kind, Language language) {
        return (switch (kind) {
            case PEER_TRIAD -> LocalizedText.of(
                    "Kolme esihenkilöä eri organisaatioista valmentaa toisiaan vuorotellen: valmentaja, valmennettava, havainnoija.",
                    "Tre chefer från olika organisationer coachar varandra i tur och ordning: coach, coachad, observatör.",
                    "Three supervisors from different organisations coach each other in turn: coach, coachee, observer.");
            case REVERSE_MENTORING -> LocalizedText.of(
                    "Muutama esihenkilö ja muutama uusi työntekijä samassa ryhmässä; uudet tuovat tuoreen näkemyksen.",
                    "Några chefer och några nyanställda i samma grupp; de nya bidrar med en ny syn.",
                    "A few supervisors and a few newcomers in one group; the newcomers bring a fresh view.");
            case COACHING_GROUP -> LocalizedText.of("Ryhmävalmennus viidestä kahdeksaan hengelle.",
                    "Gruppcoaching för fem till åtta personer.", "Group coaching for five to eight people.");
            case ONBOARDING_POOL -> LocalizedText.of(
                    "Perehdyttäjät ottavat kapasiteettinsa verran uusia työntekijöitä, mieluiten toiselta toimipaikalta.",
                    "Introduktörer tar emot nyanställda upp till sin kapacitet, helst från ett annat kontor.",
                    "Onboarders take newcomers up to their capacity, preferably from another site.");
        }).in(language);
    }

    static String memberRole(MemberRole role, Language language) {
        return (switch (role) {
            case PEER -> LocalizedText.of("vertainen", "kamrat", "peer");
            case MENTOR -> LocalizedText.of("mentori (esihenkilö)", "mentor (chef)", "mentor (supervisor)");
            case MENTEE -> LocalizedText.of("mentoroitava (uusi työntekijä)", "adept (nyanställd)", "mentee (newcomer)");
            case ONBOARDER -> LocalizedText.of("perehdyttäjä", "introduktör", "onboarder");
            case ONBOARDEE -> LocalizedText.of("perehdytettävä", "nyanställd under introduktion", "newcomer being onboarded");
        }).in(language);
    }

    static String triadRole(TriadRole role, Language language) {
        return (switch (role) {
            case COACH -> LocalizedText.of("valmentaja", "coach", "coach");
            case COACHEE -> LocalizedText.of("valmennettava", "coachad", "coachee");
            case OBSERVER -> LocalizedText.of("havainnoija", "observatör", "observer");
        }).in(language);
    }
}
