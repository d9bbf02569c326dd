package fi.kasvu.feedback;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.PersonalData;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where a 360 holds personal data. It belongs to the subject, but the subject's export leaves
 * out the invitations and the raters' answers, since either could tie an answer to a rater (the
 * report is the subject's view of them). A roster rater is only mentioned; their answers are
 * deliberately not linked to them, so their export names the assessment without content, and
 * erasing them leaves a stand-in on their invitation while their anonymous answers stay.
 */
public final class FeedbackPersonalData {

    /** The policy for {@link FeedbackAssessments#KIND}. */
    public static final PersonalData<FeedbackAssessment> POLICY = new PersonalData<>() {
        @Override
        public Set<PersonId> persons(FeedbackAssessment assessment) {
            Set<PersonId> persons = new LinkedHashSet<>();
            persons.add(assessment.subject());
            for (Invitation invitation : assessment.invitations()) {
                if (invitation.invitee() instanceof Invitee.Roster roster) {
                    persons.add(roster.person());
                }
            }
            return persons;
        }

        @Override
        public Optional<FeedbackAssessment> exportView(FeedbackAssessment a, PersonId person) {
            if (!a.subject().equals(person)) {
                return Optional.empty();
            }
            return Optional.of(new FeedbackAssessment(a.id(), a.subject(), a.context(), a.set(),
                    a.supervisorShownApart(), List.of(), a.self(), List.of(), a.stage(), a.reportShared(),
                    a.created(), a.updated()));
        }

        @Override
        public Erasure<FeedbackAssessment> erase(FeedbackAssessment a, PersonId person) {
            if (a.subject().equals(person)) {
                return Erasure.delete();
            }
            List<Invitation> invitations = new ArrayList<>();
            boolean mentioned = false;
            for (int i = 0; i < a.invitations().size(); i++) {
                Invitation invitation = a.invitations().get(i);
                if (invitation.invitee() instanceof Invitee.Roster roster && roster.person().equals(person)) {
                    mentioned = true;
                    invitation = new Invitation(invitation.id(), invitation.group(),
                            new Invitee.Roster(PersonalData.erased("rater-" + (i + 1))), invitation.expiresAt(),
                            invitation.status());
                }
                invitations.add(invitation);
            }
            return mentioned ? Erasure.replaceWith(new FeedbackAssessment(a.id(), a.subject(), a.context(), a.set(),
                    a.supervisorShownApart(), invitations, a.self(), a.responses(), a.stage(), a.reportShared(),
                    a.created(), a.updated())) : Erasure.keep();
        }
    };

    private FeedbackPersonalData() {
    }
}
