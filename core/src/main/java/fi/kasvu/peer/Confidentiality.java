package fi.kasvu.peer;

import fi.kasvu.common.PersonId;

/**
 * Who may read what in a peer group: group notes are for the group's members only, and a private
 * reflection is for its author only. Teachers, coaches and organisers who are not members read
 * neither; being an organiser gives no right to a reflection.
 */
public final class Confidentiality {

    private Confidentiality() {
    }

    /** Whether the reader may read the group's notes: only if they are a member. */
    public static boolean mayReadNotes(PeerGroup group, PersonId reader) {
        return reader != null && group.isMember(reader);
    }

    /** Whether the reader may read the reflection: only if they wrote it. */
    public static boolean mayRead(PrivateReflection reflection, PersonId reader) {
        return reader != null && reflection.author().equals(reader);
    }
}
