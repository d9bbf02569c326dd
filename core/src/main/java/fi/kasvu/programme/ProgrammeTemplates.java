package fi.kasvu.programme;

import static fi.kasvu.common.LocalizedText.of;

import fi.kasvu.programme.ProgrammeTemplate.AssignmentShape;
import fi.kasvu.programme.ProgrammeTemplate.EventShape;
import fi.kasvu.programme.ProgrammeTemplate.PhaseShape;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/** The built-in programme templates, drawn from the programmes of the seed texts. */
public final class ProgrammeTemplates {

    private static final LocalTime MORNING = LocalTime.of(9, 0);
    private static final LocalTime AFTERNOON = LocalTime.of(13, 0);
    private static final Duration HALF_DAY = Duration.ofHours(3).plusMinutes(30);
    private static final Duration TWO_HOURS = Duration.ofHours(2);

    /**
     * Seed 003, the TEM AKO supervisor coaching: a 360 at the start, coach-led half-day sessions
     * with experimental intermediate assignments (some with one's own team), a development plan
     * discussed in one's team, a final assignment, over about six months.
     */
    public static final ProgrammeTemplate SUPERVISOR_COACHING = new ProgrammeTemplate("supervisor-coaching",
            of("Esihenkilöiden valmennusprosessi", "Coachningsprocess för chefer", "Supervisor coaching programme"),
            of("Valmentajan vetämiä puolen päivän tilaisuuksia, kokeilevia välitehtäviä omassa tiimissä, 360-arviointi, kehittymissuunnitelma ja lopputehtävä.",
                    "Halvdagstillfällen ledda av en coach, experimenterande mellanuppgifter i det egna teamet, en 360-bedömning, en utvecklingsplan och en slutuppgift.",
                    "Coach-led half-day sessions, experimental intermediate assignments in one's own team, a 360 assessment, a development plan and a final assignment."),
            181, List.of(
                    new PhaseShape("start", of("Aloitus ja 360-arviointi", "Start och 360-bedömning", "Start and 360 assessment"),
                            0, 27,
                            List.of(new EventShape("kick-off", EventKind.KICK_OFF,
                                    of("Aloitustilaisuus", "Startmöte", "Kick-off"), 7, MORNING, HALF_DAY)),
                            List.of(new AssignmentShape("feedback-360", AssignmentKind.INTERMEDIATE,
                                    of("360-arviointi", "360-bedömning", "360 assessment"),
                                    of("Pyydä arvio esihenkilöltäsi, kollegoiltasi ja tiimiltäsi, ja arvioi itse itsesi.",
                                            "Be om en bedömning av din chef, dina kolleger och ditt team, och bedöm dig själv.",
                                            "Ask your supervisor, peers and team for their view, and rate yourself."),
                                    27, Fulfilment.Activity.unlinked(ActivityKind.FEEDBACK_360)))),
                    new PhaseShape("sessions", of("Valmennustilaisuudet ja välitehtävät", "Coachningstillfällen och mellanuppgifter",
                            "Coaching sessions and intermediate assignments"), 28, 139,
                            List.of(new EventShape("session-1", EventKind.COACHING_SESSION,
                                            of("Valmennus 1: esihenkilön rooli uudessa normaalissa", "Coachning 1: chefens roll i det nya normala",
                                                    "Session 1: the supervisor's role in the new normal"), 35, MORNING, HALF_DAY),
                                    new EventShape("session-2", EventKind.COACHING_SESSION,
                                            of("Valmennus 2: osallistava muutoksen johtaminen", "Coachning 2: delaktighet i förändringsledning",
                                                    "Session 2: leading change by involving people"), 70, MORNING, HALF_DAY),
                                    new EventShape("session-3", EventKind.COACHING_SESSION,
                                            of("Valmennus 3: luottamus ja yhdessä johtaminen", "Coachning 3: förtroende och att leda tillsammans",
                                                    "Session 3: trust and leading together"), 105, MORNING, HALF_DAY)),
                            List.of(new AssignmentShape("team-experiment", AssignmentKind.INTERMEDIATE,
                                            of("Kokeilu oman tiimin kanssa", "Ett försök med det egna teamet", "An experiment with your team"),
                                            of("Suunnittele ja tee tiimisi kanssa pieni kokeilu, ja arvioi se yhdessä.",
                                                    "Planera och gör ett litet försök med ditt team, och utvärdera det tillsammans.",
                                                    "Plan and run a small experiment with your team, and evaluate it together."),
                                            63, Fulfilment.Activity.unlinked(ActivityKind.EXPERIMENT)),
                                    new AssignmentShape("reflection-1", AssignmentKind.INTERMEDIATE,
                                            of("Välitehtävä: mitä opin kokeilusta?", "Mellanuppgift: vad lärde jag mig av försöket?",
                                                    "Intermediate assignment: what did I learn from the experiment?"),
                                            of("Pohdi, mitä kokeilu opetti sinusta esihenkilönä ja tiimistäsi.",
                                                    "Fundera på vad försöket lärde dig om dig själv som chef och om ditt team.",
                                                    "Reflect on what the experiment taught you about yourself as a supervisor and about your team."),
                                            98, new Fulfilment.Reflection()))),
                    new PhaseShape("ending", of("Kehittymissuunnitelma ja päätös", "Utvecklingsplan och avslutning",
                            "Development plan and closing"), 140, 180,
                            List.of(new EventShape("closing", EventKind.CLOSING,
                                    of("Päätöstilaisuus", "Avslutning", "Closing session"), 175, MORNING, HALF_DAY)),
                            List.of(new AssignmentShape("development-plan", AssignmentKind.FINAL,
                                            of("Kehittymissuunnitelma", "Utvecklingsplan", "Development plan"),
                                            of("Kirjoita 360-arvioinnin pohjalta, mitä kehität, miten ja miten seuraat kehittymistä. Käsittele suunnitelma tiimisi kanssa.",
                                                    "Skriv utifrån 360-bedömningen vad du utvecklar, hur och hur du följer upp det. Gå igenom planen med ditt team.",
                                                    "Write from your 360 what you will develop, how, and how you will follow it up. Discuss the plan with your team."),
                                            160, Fulfilment.Activity.unlinked(ActivityKind.DEVELOPMENT_PLAN)),
                                    new AssignmentShape("final-reflection", AssignmentKind.FINAL,
                                            of("Lopputehtävä", "Slutuppgift", "Final assignment"),
                                            of("Mitä valmennus muutti tavassasi johtaa? Mitä jatkat tästä eteenpäin?",
                                                    "Vad förändrade coachningen i ditt sätt att leda? Vad fortsätter du med?",
                                                    "What did the programme change in how you lead? What will you carry on with?"),
                                            170, new Fulfilment.Reflection())))));

    /**
     * Seed 002, Mobility 2.0: peer triads and reverse-mentoring groups across organisations from
     * October to May, a kick-off, supervisor meetups with speakers and a closing event, each on
     * site or online, every phase visible to all.
     */
    public static final ProgrammeTemplate PEER_MENTORING = new ProgrammeTemplate("peer-mentoring",
            of("Vertais- ja käänteismentorointi", "Kamrat- och omvänd mentorskap", "Peer and reverse mentoring"),
            of("Vertaiskolmikot sopivat omat tapaamisensa ja teemansa; esihenkilötreffeillä on ajankohtaisia puhujia.",
                    "Kamrattrior kommer själva överens om sina möten och teman; chefsträffarna har aktuella talare.",
                    "Peer triads agree their own meetings and themes; supervisor meetups have topical speakers."),
            231, List.of(
                    new PhaseShape("beginning", of("Aloitus ja kolmikot", "Start och trior", "Kick-off and triads"), 0, 30,
                            List.of(new EventShape("kick-off", EventKind.KICK_OFF,
                                    of("Aloitustilaisuus", "Startmöte", "Kick-off"), 0, AFTERNOON, TWO_HOURS)),
                            List.of(new AssignmentShape("triad-charter", AssignmentKind.INTERMEDIATE,
                                    of("Sopikaa kolmikon tapaamiset ja teemat", "Kom överens om triens möten och teman",
                                            "Agree your triad's meetings and themes"),
                                    of("Sopikaa yhdessä, milloin tapaatte ja mistä haluatte keskustella.",
                                            "Kom tillsammans överens om när ni träffas och vad ni vill tala om.",
                                            "Agree together when you meet and what you want to talk about."),
                                    30, Fulfilment.Activity.unlinked(ActivityKind.PEER_GROUP)))),
                    new PhaseShape("meetings", of("Tapaamiset ja esihenkilötreffit", "Möten och chefsträffar",
                            "Meetings and supervisor meetups"), 31, 200,
                            List.of(new EventShape("meetup-1", EventKind.MEETUP,
                                            of("Esihenkilötreffit 1", "Chefsträff 1", "Supervisor meetup 1"), 60, AFTERNOON, TWO_HOURS),
                                    new EventShape("meetup-2", EventKind.MEETUP,
                                            of("Esihenkilötreffit 2", "Chefsträff 2", "Supervisor meetup 2"), 120, AFTERNOON, TWO_HOURS),
                                    new EventShape("meetup-3", EventKind.MEETUP,
                                            of("Esihenkilötreffit 3", "Chefsträff 3", "Supervisor meetup 3"), 180, AFTERNOON, TWO_HOURS)),
                            List.of(new AssignmentShape("midway-reflection", AssignmentKind.INTERMEDIATE,
                                    of("Mitä olen oppinut kolmikossani?", "Vad har jag lärt mig i min trio?",
                                            "What have I learned in my triad?"),
                                    of("Kirjoita lyhyesti, mikä keskusteluissa on ollut sinulle tärkeintä.",
                                            "Skriv kort om vad som har varit viktigast för dig i samtalen.",
                                            "Write briefly what has mattered most to you in the conversations."),
                                    150, new Fulfilment.Reflection()))),
                    new PhaseShape("ending", of("Päätös", "Avslutning", "Closing"), 201, 230,
                            List.of(new EventShape("closing", EventKind.CLOSING,
                                    of("Päätöstilaisuus", "Avslutning", "Closing event"), 225, AFTERNOON, TWO_HOURS)),
                            List.of(new AssignmentShape("final-reflection", AssignmentKind.FINAL,
                                    of("Oivallukseni", "Mina insikter", "My insights"),
                                    of("Mitä vien mukanani omaan työhöni ja organisaatiooni?",
                                            "Vad tar jag med mig till mitt eget arbete och min organisation?",
                                            "What do I take back to my own work and organisation?"),
                                    220, new Fulfilment.Reflection())))));

    private static final List<ProgrammeTemplate> ALL = List.of(SUPERVISOR_COACHING, PEER_MENTORING);

    private ProgrammeTemplates() {
    }

    /** Every built-in template. */
    public static List<ProgrammeTemplate> all() {
        return ALL;
    }

    /** The template with the id. */
    public static Optional<ProgrammeTemplate> byId(String id) {
        return ALL.stream().filter(t -> t.id().equals(id)).findFirst();
    }
}
