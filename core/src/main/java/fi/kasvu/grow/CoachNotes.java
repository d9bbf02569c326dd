package fi.kasvu.grow;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * A coach's private notes on one conversation they coach (a supervisor preparing a development
 * discussion, an onboarder remembering what to follow up). They are the coach's alone: stored
 * apart from the conversation, never in the coachee's view, export or grade, nor the teacher's;
 * a coach who is replaced keeps their notes and the new coach starts with none.
 *
 * @param id             {@link #idOf} the conversation and the coach
 * @param conversationId the conversation the notes are about
 * @param coachee        the conversation's coachee (for erasure only: the notes are not theirs)
 * @param coach          who wrote the notes and owns them
 * @param context        the conversation's context, or null
 * @param text           the notes ("" for none yet)
 * @param updated        when they last changed
 */
public record CoachNotes(String id, String conversationId, PersonId coachee, PersonId coach, String context,
                         String text, Instant updated) {

    /** The longest notes. */
    public static final int MAX_TEXT = 5000;

    /**
     * @throws NullPointerException     naming the part if one is null
     * @throws IllegalArgumentException if an id is invalid or not {@link #idOf} the conversation and coach,
     *                                  the coach is the coachee, or the text is too long
     */
    public CoachNotes {
        Require.id("id", id);
        Require.id("conversationId", conversationId);
        Require.nonNull("coachee", coachee);
        Require.nonNull("coach", coach);
        if (coach.equals(coachee)) {
            throw new IllegalArgumentException("coach must differ from the coachee: " + coach);
        }
        if (!id.equals(idOf(conversationId, coach))) {
            throw new IllegalArgumentException("id must be the notes id of the conversation and coach: " + id);
        }
        if (context != null) {
            Require.id("context", context);
        }
        text = Require.maxLength("text", Require.text("text", text), MAX_TEXT);
        Require.nonNull("updated", updated);
    }

    /** Empty notes of the conversation's coach. */
    public static CoachNotes empty(GrowConversation conversation, PersonId coach, Instant at) {
        Require.nonNull("conversation", conversation);
        return new CoachNotes(idOf(conversation.id(), coach), conversation.id(), conversation.coachee(), coach,
                conversation.context(), "", at);
    }

    /** These notes with another text. */
    public CoachNotes withText(String newText, Instant at) {
        return new CoachNotes(id, conversationId, coachee, coach, context, newText, at);
    }

    /**
     * The id of one coach's notes on one conversation: {@code coach-notes-} and a SHA-256 of both ids,
     * so that it stays within an id's length whatever the ids are.
     */
    public static String idOf(String conversationId, PersonId coach) {
        Require.id("conversationId", conversationId);
        Require.nonNull("coach", coach);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((conversationId + "\n" + coach.value()).getBytes(StandardCharsets.UTF_8));
            return "coach-notes-" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is missing", impossible);
        }
    }
}
