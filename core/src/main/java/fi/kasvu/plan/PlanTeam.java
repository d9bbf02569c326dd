package fi.kasvu.plan;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import fi.kasvu.common.Result;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The team a development plan is shared with (seed 003: the supervisor's own team), and what its
 * members wrote about the plan. It is stored beside the plan, under the plan's id, and owned by
 * the plan's owner; the plan's {@link TeamSharing#team()} is {@link #teamId()} while it is shared.
 * Stopping the sharing empties the members, so nobody but the owner reads the plan or the
 * comments any more; the comments stay for the owner.
 *
 * @param id       the plan's id
 * @param owner    the plan's owner
 * @param context  where the plan belongs, or null
 * @param members  who may read the plan and comment, without the owner, in the order picked
 * @param comments what members and the owner wrote, oldest first
 * @param updated  when it last changed
 */
public record PlanTeam(String id, PersonId owner, String context, List<PersonId> members, List<Comment> comments,
                       Instant updated) {

    /** The longest comment. */
    public static final int MAX_COMMENT = 2000;

    /** The most members. */
    public static final int MAX_MEMBERS = 50;

    /** @throws IllegalArgumentException if an id is invalid, the owner is a member, or members repeat */
    public PlanTeam {
        Require.id("id", id);
        Require.nonNull("owner", owner);
        if (context != null) {
            Require.id("context", context);
        }
        members = Require.list("members", members);
        if (members.contains(owner)) {
            throw new IllegalArgumentException("the owner is not a member of their own team: " + owner);
        }
        if (new LinkedHashSet<>(members).size() != members.size()) {
            throw new IllegalArgumentException("members must not repeat: " + members);
        }
        comments = Require.list("comments", comments);
        Require.nonNull("updated", updated);
    }

    /**
     * One comment on the plan.
     *
     * @param id     unique within the team
     * @param author who wrote it
     * @param text   what they wrote (1..{@value #MAX_COMMENT} characters)
     * @param at     when
     */
    public record Comment(String id, PersonId author, String text, Instant at) {
        /** @throws IllegalArgumentException if the text is blank or too long */
        public Comment {
            Require.id("id", id);
            Require.nonNull("author", author);
            Require.nonBlank("text", text);
            Require.maxLength("text", text, MAX_COMMENT);
            Require.nonNull("at", at);
        }
    }

    /** A team for the plan, with no members yet. */
    public static PlanTeam of(DevelopmentPlan plan, Instant at) {
        return new PlanTeam(plan.id(), plan.owner(), plan.context(), List.of(), List.of(), at);
    }

    /** The team id the plan is shared under. */
    public String teamId() {
        return "team-" + id;
    }

    /** Whether the person is a member (the owner is not). */
    public boolean member(PersonId person) {
        return members.contains(person);
    }

    /**
     * Sets the members; only the owner may. An empty list stops the sharing.
     *
     * @return the changed team, or {@code plan.rights.notOwner}, or {@code plan.team.tooLarge}
     */
    public Result<PlanTeam, PlanProblem> withMembers(PersonId by, List<PersonId> newMembers, Instant at) {
        if (!owner.equals(Require.nonNull("by", by))) {
            return Result.rejected(PlanProblem.notOwner("owner", by.value()));
        }
        List<PersonId> distinct = new ArrayList<>(new LinkedHashSet<>(Require.list("members", newMembers)));
        distinct.remove(owner);
        if (distinct.size() > MAX_MEMBERS) {
            return Result.rejected(new PlanProblem("plan.team.tooLarge", "members",
                    Map.of("max", MAX_MEMBERS, "given", distinct.size())));
        }
        return Result.accepted(new PlanTeam(id, owner, context, distinct, comments, at));
    }

    /**
     * Adds a comment by the owner or a member.
     *
     * @return the changed team, or {@code plan.rights.notOwner} for anyone else, {@code plan.field.missing}
     *         for a blank text, {@code plan.comment.tooLong}
     */
    public Result<PlanTeam, PlanProblem> comment(PersonId by, String commentId, String text, Instant at) {
        Require.nonNull("by", by);
        if (!owner.equals(by) && !member(by)) {
            return Result.rejected(PlanProblem.notOwner("members", by.value()));
        }
        if (text == null || text.isBlank()) {
            return Result.rejected(PlanProblem.missing("comment"));
        }
        if (text.strip().length() > MAX_COMMENT) {
            return Result.rejected(new PlanProblem("plan.comment.tooLong", "comment",
                    Map.of("max", MAX_COMMENT, "given", text.strip().length())));
        }
        List<Comment> next = new ArrayList<>(comments);
        next.add(new Comment(commentId, by, text.strip(), at));
        return Result.accepted(new PlanTeam(id, owner, context, members, next, at));
    }
}
