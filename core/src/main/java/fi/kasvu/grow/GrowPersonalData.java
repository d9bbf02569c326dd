package fi.kasvu.grow;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.PersonalData;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where a GROW conversation holds personal data: it is the coachee's own reflection, so it
 * appears whole in the coachee's export and is deleted when the coachee is erased. A coach or
 * observer is only mentioned: their export names the conversation without its content (which
 * the coachee shares phase by phase), and erasing them leaves a stand-in in their place.
 */
public final class GrowPersonalData {

    /** The policy for {@link GrowConversations#KIND}. */
    public static final PersonalData<GrowConversation> POLICY = new PersonalData<>() {
        @Override
        public Set<PersonId> persons(GrowConversation conversation) {
            Participants participants = conversation.participants();
            Set<PersonId> persons = new LinkedHashSet<>();
            persons.add(participants.coachee());
            participants.coachIfAny().ifPresent(persons::add);
            persons.addAll(participants.observers());
            return persons;
        }

        @Override
        public Optional<GrowConversation> exportView(GrowConversation conversation, PersonId person) {
            return conversation.coachee().equals(person) ? Optional.of(conversation) : Optional.empty();
        }

        @Override
        public Erasure<GrowConversation> erase(GrowConversation conversation, PersonId person) {
            Participants participants = conversation.participants();
            if (participants.coachee().equals(person)) {
                return Erasure.delete();
            }
            if (participants.roleOf(person).isEmpty()) {
                return Erasure.keep();
            }
            PersonId coach = person.equals(participants.coach()) ? PersonalData.erased("coach") : participants.coach();
            List<PersonId> observers = new ArrayList<>();
            for (int i = 0; i < participants.observers().size(); i++) {
                PersonId observer = participants.observers().get(i);
                observers.add(observer.equals(person) ? PersonalData.erased("observer-" + (i + 1)) : observer);
            }
            return Erasure.replaceWith(conversation.withSetting(conversation.mode(),
                    new Participants(participants.coachee(), coach, observers)));
        }
    };

    private GrowPersonalData() {
    }
}
