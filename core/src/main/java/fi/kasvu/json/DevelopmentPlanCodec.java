package fi.kasvu.json;

import fi.kasvu.plan.DevelopmentGoal;
import fi.kasvu.plan.DevelopmentPlan;
import fi.kasvu.plan.PlanAction;
import fi.kasvu.plan.PlanSource;
import fi.kasvu.plan.Review;
import fi.kasvu.plan.TeamSharing;
import java.time.Instant;
import java.util.List;

/** The JSON format of a {@link DevelopmentPlan}: kind {@code development.plan}, schema version 1. */
final class DevelopmentPlanCodec implements Codec<DevelopmentPlan> {

    /** The source types as written in {@code source.type}. */
    private enum SourceType { WRITTEN, GROW, FEEDBACK_360 }

    @Override
    public Class<DevelopmentPlan> type() {
        return DevelopmentPlan.class;
    }

    @Override
    public String kind() {
        return "development.plan";
    }

    @Override
    public int schemaVersion() {
        return 1;
    }

    @Override
    public void write(DevelopmentPlan p, JsonOut out) {
        out.string("id", p.id())
                .string("owner", p.owner().value())
                .string("context", p.context())
                .string("title", p.title())
                .object("source", p.source(), DevelopmentPlanCodec::writeSource)
                .objects("goals", p.goals(), DevelopmentPlanCodec::writeGoal)
                .string("followUpMethod", p.followUpMethod())
                .objects("reviews", p.reviews(), DevelopmentPlanCodec::writeReview)
                .object("teamSharing", p.teamSharing(), (t, o) -> o.string("team", t.team()).date("discussedOn", t.discussedOn()))
                .instant("created", p.created())
                .instant("updated", p.updated());
    }

    private static void writeSource(PlanSource source, JsonOut out) {
        if (source instanceof PlanSource.FromGrow grow) {
            out.enumValue("type", SourceType.GROW).string("conversationId", grow.conversationId())
                    .instant("completedAt", grow.completedAt());
        } else if (source instanceof PlanSource.FromFeedback360 feedback) {
            out.enumValue("type", SourceType.FEEDBACK_360).string("assessmentId", feedback.assessmentId())
                    .instant("completedAt", feedback.completedAt());
        } else {
            out.enumValue("type", SourceType.WRITTEN);
        }
    }

    private static void writeGoal(DevelopmentGoal goal, JsonOut out) {
        out.string("id", goal.id())
                .string("what", goal.what())
                .string("measures", goal.measures())
                .date("targetDate", goal.targetDate())
                .objects("actions", goal.actions(), (a, o) -> o.string("id", a.id())
                        .string("what", a.what())
                        .date("due", a.due())
                        .enumValue("status", a.status())
                        .string("note", a.note()));
    }

    private static void writeReview(Review review, JsonOut out) {
        out.string("id", review.id())
                .date("scheduledOn", review.scheduledOn())
                .object("outcome", review.outcome(), (r, o) -> o.date("heldOn", r.heldOn())
                        .string("notes", r.notes()).enumValue("progress", r.progress()));
    }

    @Override
    public DevelopmentPlan read(JsonCursor in, int version) {
        in.allowOnly("kind", "schemaVersion", "id", "owner", "context", "title", "source", "goals", "followUpMethod",
                "reviews", "teamSharing", "created", "updated");
        String id = in.string("id");
        var owner = CodecParts.person(in, "owner");
        String context = in.optionalString("context");
        String title = in.string("title");
        PlanSource source = in.object("source", DevelopmentPlanCodec::readSource);
        List<DevelopmentGoal> goals = in.objects("goals", DevelopmentPlanCodec::readGoal);
        String method = in.text("followUpMethod");
        List<Review> reviews = in.objects("reviews", DevelopmentPlanCodec::readReview);
        TeamSharing sharing = in.optionalObject("teamSharing", t -> {
            t.allowOnly("team", "discussedOn");
            String team = t.string("team");
            var discussedOn = t.optionalDate("discussedOn");
            return t.build(() -> new TeamSharing(team, discussedOn));
        });
        Instant created = in.instant("created");
        Instant updated = in.instant("updated");
        return in.build(() -> new DevelopmentPlan(id, owner, context, title, source, goals, method, reviews, sharing,
                created, updated));
    }

    private static PlanSource readSource(JsonCursor in) {
        SourceType type = in.enumValue("type", SourceType.class);
        return switch (type) {
            case WRITTEN -> {
                in.allowOnly("type");
                yield new PlanSource.Written();
            }
            case GROW -> {
                in.allowOnly("type", "conversationId", "completedAt");
                String conversationId = in.string("conversationId");
                Instant at = in.instant("completedAt");
                yield in.build(() -> new PlanSource.FromGrow(conversationId, at));
            }
            case FEEDBACK_360 -> {
                in.allowOnly("type", "assessmentId", "completedAt");
                String assessmentId = in.string("assessmentId");
                Instant at = in.instant("completedAt");
                yield in.build(() -> new PlanSource.FromFeedback360(assessmentId, at));
            }
        };
    }

    private static DevelopmentGoal readGoal(JsonCursor in) {
        in.allowOnly("id", "what", "measures", "targetDate", "actions");
        String id = in.string("id");
        String what = in.string("what");
        var target = in.optionalDate("targetDate");
        List<PlanAction> actions = in.objects("actions", a -> {
            a.allowOnly("id", "what", "due", "status", "note");
            String actionId = a.string("id");
            String actionWhat = a.string("what");
            var due = a.optionalDate("due");
            var status = a.enumValue("status", PlanAction.Status.class);
            return a.build(() -> new PlanAction(actionId, actionWhat, due, status, a.text("note")));
        });
        return in.build(() -> new DevelopmentGoal(id, what, in.text("measures"), target, actions));
    }

    private static Review readReview(JsonCursor in) {
        in.allowOnly("id", "scheduledOn", "outcome");
        String id = in.string("id");
        var scheduledOn = in.date("scheduledOn");
        Review.Outcome outcome = in.optionalObject("outcome", o -> {
            o.allowOnly("heldOn", "notes", "progress");
            var heldOn = o.date("heldOn");
            var progress = o.enumValue("progress", Review.Progress.class);
            return o.build(() -> new Review.Outcome(heldOn, o.text("notes"), progress));
        });
        return in.build(() -> new Review(id, scheduledOn, outcome));
    }
}
