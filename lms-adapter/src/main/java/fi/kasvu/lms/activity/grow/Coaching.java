package fi.kasvu.lms.activity.grow;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import fi.kasvu.grow.GrowConversation;
import fi.kasvu.grow.GrowTemplate;
import fi.kasvu.grow.Mode;
import fi.kasvu.lms.web.ClassRoster;
import fi.kasvu.lms.web.PageSession;
import fi.kasvu.lms.web.PageTexts;
import java.util.List;
import java.util.Optional;

/**
 * Two-party GROW in the LMS: the templates held with a coach (core's {@link Mode#SUPERVISOR}: a
 * development discussion, an onboarding conversation), and who may coach whom. Coaches and
 * coachees are people on the course's roster; a coach who is no longer on it has left the course.
 */
final class Coaching {

    private final ClassRoster roster;

    Coaching(ClassRoster roster) {
        this.roster = Require.nonNull("roster", roster);
    }

    /** Whether conversations of the template are held with a coach. */
    static boolean twoParty(GrowTemplate template) {
        return template.mode() == Mode.SUPERVISOR;
    }

    /** Whether the conversation is held with a coach. */
    static boolean twoParty(GrowConversation conversation) {
        return conversation.mode() == Mode.SUPERVISOR;
    }

    /** The course's learners (empty when the platform offers no roster or cannot be reached). */
    Roster roster(PageSession session) {
        return new Roster(roster.learners(session));
    }

    /** The roster as read for one request. */
    record Roster(List<ClassRoster.Member> members) {

        Roster {
            members = List.copyOf(members);
        }

        /** Whether the platform gave a roster at all. */
        boolean available() {
            return !members.isEmpty();
        }

        /** The member with the platform id, if on the roster. */
        Optional<ClassRoster.Member> bySubject(String subject) {
            return members.stream().filter(m -> m.subject().equals(subject)).findFirst();
        }

        /** The member who is the person, if on the roster. */
        Optional<ClassRoster.Member> byPerson(PersonId person) {
            return person == null ? Optional.empty()
                    : members.stream().filter(m -> m.person().equals(person)).findFirst();
        }

        /**
         * Whether the coach has left the course: the roster is known and the coach is not on it
         * (without a roster nobody is taken for gone).
         */
        boolean left(PersonId coach) {
            return coach != null && available() && byPerson(coach).isEmpty();
        }

        /** A person's name as the roster gives it, or a neutral stand-in. */
        String name(PersonId person, PageTexts t) {
            return byPerson(person).map(ClassRoster.Member::name).filter(n -> !n.isBlank())
                    .orElse(t.t("coach.unnamed"));
        }

        /** The subject of a person on the roster, or "" if not on it. */
        String subjectOf(PersonId person) {
            return byPerson(person).map(ClassRoster.Member::subject).orElse("");
        }
    }

    /**
     * What choosing a coach for a coachee means, checked against the roster and the coach as the
     * form saw it.
     */
    sealed interface Choice {
        /** The coach to set (null: no coach). */
        record Set(PersonId coach) implements Choice {
        }

        /** Nothing changes (the same coach as before, or already chosen in another window). */
        record Same(boolean alreadyChosen) implements Choice {
        }

        /** Refused: the message key and its arguments. */
        record Refused(String key, List<Object> arguments) implements Choice {
        }
    }

    /**
     * Checks one choice: {@code chosen} is a roster subject ("" for no coach), {@code was} the person
     * id of the coach the form was drawn with ("" for none), {@code current} the coach stored now.
     */
    static Choice choose(Roster roster, PersonId coachee, String chosen, String was, PersonId current,
                         PageTexts t) {
        boolean stale = !was.equals(current == null ? "" : current.value());
        if (!chosen.isEmpty() && !roster.available()) {
            return new Choice.Refused("coach.error.noRoster", List.of());
        }
        if (chosen.isEmpty()) {
            if (current == null) {
                return new Choice.Same(false);
            }
            return stale ? new Choice.Refused("coach.error.stale", List.of(roster.name(current, t)))
                    : new Choice.Set(null);
        }
        Optional<ClassRoster.Member> member = roster.bySubject(chosen);
        if (member.isEmpty()) {
            return new Choice.Refused("coach.error.notOnRoster", List.of());
        }
        PersonId coach = member.get().person();
        if (coach.equals(coachee)) {
            return new Choice.Refused("coach.error.self", List.of());
        }
        if (coach.equals(current)) {
            return new Choice.Same(!coach.value().equals(was));
        }
        if (stale) {
            return new Choice.Refused("coach.error.stale",
                    List.of(current == null ? t.t("coach.nobody") : roster.name(current, t)));
        }
        return new Choice.Set(coach);
    }
}
