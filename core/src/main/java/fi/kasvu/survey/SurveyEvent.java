package fi.kasvu.survey;

import fi.kasvu.common.Require;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Something that happened to a survey that an embedding system may act on. Events carry ids,
 * round numbers and dates. A response publishes nothing: an event per response would tell a
 * listener who answered when, which the anonymity rules exist to hide.
 */
public sealed interface SurveyEvent {

    /** The survey the event is about. */
    String surveyId();

    /** The organisation that runs it. */
    String organisation();

    /** A survey was created. */
    record SurveyCreated(String surveyId, String organisation, Survey.Kind kind, Instant at) implements SurveyEvent {
        /** @throws NullPointerException if a part is null */
        public SurveyCreated {
            Require.nonNull("surveyId", surveyId);
            Require.nonNull("organisation", organisation);
            Require.nonNull("kind", kind);
            Require.nonNull("at", at);
        }
    }

    /** A round opened for responses on a day. */
    record RoundOpened(String surveyId, String organisation, int round, LocalDate on) implements SurveyEvent {
        /** @throws NullPointerException if a part is null */
        public RoundOpened {
            Require.nonNull("surveyId", surveyId);
            Require.nonNull("organisation", organisation);
            Require.nonNull("on", on);
        }
    }

    /** A round closed on a day; its results can be read from now on. */
    record RoundClosed(String surveyId, String organisation, int round, LocalDate on) implements SurveyEvent {
        /** @throws NullPointerException if a part is null */
        public RoundClosed {
            Require.nonNull("surveyId", surveyId);
            Require.nonNull("organisation", organisation);
            Require.nonNull("on", on);
        }
    }

    /**
     * The events a change from one state of a survey to the next amounts to.
     *
     * @param before the survey before the change, or null for a new one
     * @param after  the survey after it
     * @param at     when the change happened
     */
    static List<SurveyEvent> between(Survey before, Survey after, Instant at) {
        Require.nonNull("after", after);
        Require.nonNull("at", at);
        List<SurveyEvent> events = new ArrayList<>();
        if (before == null) {
            events.add(new SurveyCreated(after.id(), after.organisation(), after.kind(), at));
        }
        List<SurveyRound> earlier = before == null ? List.of() : before.rounds();
        for (SurveyRound round : after.rounds()) {
            SurveyRound old = round.number() <= earlier.size() ? earlier.get(round.number() - 1) : null;
            if (old == null) {
                events.add(new RoundOpened(after.id(), after.organisation(), round.number(), round.opened()));
            }
            if (!round.isOpen() && (old == null || old.isOpen())) {
                events.add(new RoundClosed(after.id(), after.organisation(), round.number(), round.closed()));
            }
        }
        return List.copyOf(events);
    }
}
