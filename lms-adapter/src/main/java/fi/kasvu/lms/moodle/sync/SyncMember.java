package fi.kasvu.lms.moodle.sync;

import fi.kasvu.common.Language;
import fi.kasvu.common.Require;

/**
 * A group member to publish.
 *
 * @param id the Kasvu person id (matched against the Moodle username or idnumber when asked to)
 * @param name the display name
 * @param email the email address, or ""
 * @param language the language to write to them in
 */
public record SyncMember(String id, String name, String email, Language language) {

    /**
     * Checks the member.
     *
     * @throws IllegalArgumentException naming a blank id or name
     */
    public SyncMember {
        Require.id("id", id);
        Require.nonBlank("name", name);
        email = email == null ? "" : email.strip();
        Require.nonNull("language", language);
    }

    /** The first word of the name, for a greeting. */
    public String firstName() {
        return name.strip().split("\\s+", 2)[0];
    }
}
