package fi.kasvu.peer;

import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A person who takes part in peer groups, with what formation needs to know of them.
 *
 * @param id           the person's stable identifier
 * @param name         display name
 * @param email        e-mail address for invitations (may be empty)
 * @param organisation the government organisation they work in
 * @param unit         their unit within the organisation (may be empty)
 * @param site         their site or region (may be empty)
 * @param role         their role in the programme
 * @param languages    the languages they can work in, preferred first; at least one
 * @param manager      their manager's id, or null (the reporting line)
 * @param interests    themes they would like to work on, in the order given
 */
public record Participant(PersonId id, String name, String email, String organisation, String unit, String site,
                          ParticipantRole role, List<Language> languages, PersonId manager, List<String> interests) {

    /**
     * Validates and copies.
     *
     * @throws NullPointerException     if id, role or languages is null
     * @throws IllegalArgumentException if the name or organisation is blank, a language is repeated,
     *                                  there is no language, or the person is their own manager
     */
    public Participant {
        Require.nonNull("id", id);
        name = Require.id("name", name);
        email = Require.maxLength("email", Require.text("email", email), Require.MAX_ID);
        organisation = Require.id("organisation", organisation);
        unit = Require.maxLength("unit", Require.text("unit", unit), Require.MAX_ID);
        site = Require.maxLength("site", Require.text("site", site), Require.MAX_ID);
        Require.nonNull("role", role);
        languages = Require.list("languages", languages);
        if (languages.isEmpty()) {
            throw new IllegalArgumentException("languages must hold at least one of fi, sv, en: " + languages);
        }
        if (new LinkedHashSet<>(languages).size() != languages.size()) {
            throw new IllegalArgumentException("languages must not repeat a language: " + languages);
        }
        if (id.equals(manager)) {
            throw new IllegalArgumentException("manager must not be the participant themself: " + manager);
        }
        interests = Require.list("interests", interests);
        for (int i = 0; i < interests.size(); i++) {
            Require.id("interests[" + i + "]", interests.get(i));
        }
    }

    /** The language to write to this person in: the first they listed. */
    public Language preferredLanguage() {
        return languages.get(0);
    }

    /** Whether this person can work in the language. */
    public boolean speaks(Language language) {
        return languages.contains(language);
    }

    /** Their manager, if they have one in the data. */
    public Optional<PersonId> managerId() {
        return Optional.ofNullable(manager);
    }

    /** The set of interests, for matching. */
    public Set<String> interestSet() {
        return Set.copyOf(interests);
    }
}
