package fi.kasvu.json;

import fi.kasvu.programme.ReflectionAssignment;
import fi.kasvu.programme.ReflectionStage;
import java.time.Instant;

/** The JSON format of a {@link ReflectionAssignment}: kind {@code programme.reflection}, schema version 1. */
final class ReflectionAssignmentCodec implements Codec<ReflectionAssignment> {

    private enum StageType { DRAFT, SUBMITTED, FEEDBACK_GIVEN }

    @Override
    public Class<ReflectionAssignment> type() {
        return ReflectionAssignment.class;
    }

    @Override
    public String kind() {
        return "programme.reflection";
    }

    @Override
    public int schemaVersion() {
        return 1;
    }

    @Override
    public void write(ReflectionAssignment r, JsonOut out) {
        out.string("id", r.id())
                .string("programmeId", r.programmeId())
                .string("assignmentId", r.assignmentId())
                .string("learner", r.learner().value())
                .string("coach", r.coach() == null ? null : r.coach().value())
                .string("text", r.text())
                .object("stage", r.stage(), (stage, o) -> {
                    if (stage instanceof ReflectionStage.Submitted submitted) {
                        o.enumValue("type", StageType.SUBMITTED).instant("at", submitted.at()).bool("late", submitted.late());
                    } else if (stage instanceof ReflectionStage.FeedbackGiven given) {
                        o.enumValue("type", StageType.FEEDBACK_GIVEN).instant("submittedAt", given.submittedAt())
                                .bool("late", given.late()).string("feedback", given.feedback()).instant("at", given.at());
                    } else {
                        o.enumValue("type", StageType.DRAFT);
                    }
                })
                .instant("created", r.created())
                .instant("updated", r.updated());
    }

    @Override
    public ReflectionAssignment read(JsonCursor in, int version) {
        in.allowOnly("kind", "schemaVersion", "id", "programmeId", "assignmentId", "learner", "coach", "text", "stage",
                "created", "updated");
        String id = in.string("id");
        String programmeId = in.string("programmeId");
        String assignmentId = in.string("assignmentId");
        var learner = CodecParts.person(in, "learner");
        var coach = CodecParts.optionalPerson(in, "coach");
        String text = in.text("text");
        ReflectionStage stage = in.object("stage", s -> switch (s.enumValue("type", StageType.class)) {
            case DRAFT -> {
                s.allowOnly("type");
                yield new ReflectionStage.Draft();
            }
            case SUBMITTED -> {
                s.allowOnly("type", "at", "late");
                yield new ReflectionStage.Submitted(s.instant("at"), s.bool("late"));
            }
            case FEEDBACK_GIVEN -> {
                s.allowOnly("type", "submittedAt", "late", "feedback", "at");
                Instant submittedAt = s.instant("submittedAt");
                boolean late = s.bool("late");
                String feedback = s.string("feedback");
                Instant at = s.instant("at");
                yield s.build(() -> new ReflectionStage.FeedbackGiven(submittedAt, late, feedback, at));
            }
        });
        Instant created = in.instant("created");
        Instant updated = in.instant("updated");
        return in.build(() -> new ReflectionAssignment(id, programmeId, assignmentId, learner, coach, text, stage,
                created, updated));
    }
}
