package fi.kasvu.json;

import fi.kasvu.feedback.CompetenceSet;
import fi.kasvu.feedback.CompetenceStatement;
import fi.kasvu.feedback.CompetenceTheme;
import fi.kasvu.feedback.FeedbackAssessment;
import fi.kasvu.feedback.FeedbackStage;
import fi.kasvu.feedback.Invitation;
import fi.kasvu.feedback.Invitee;
import fi.kasvu.feedback.RaterGroup;
import fi.kasvu.feedback.RaterResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON format of a {@link FeedbackAssessment}: kind {@code feedback.assessment}, schema version 1. */
final class FeedbackAssessmentCodec implements Codec<FeedbackAssessment> {

    private enum InviteeType { ROSTER, LINK }

    private enum StageType { COLLECTING, CLOSED }

    @Override
    public Class<FeedbackAssessment> type() {
        return FeedbackAssessment.class;
    }

    @Override
    public String kind() {
        return "feedback.assessment";
    }

    @Override
    public int schemaVersion() {
        return 1;
    }

    @Override
    public void write(FeedbackAssessment a, JsonOut out) {
        out.string("id", a.id())
                .string("subject", a.subject().value())
                .string("context", a.context())
                .object("set", a.set(), FeedbackAssessmentCodec::writeSet)
                .bool("supervisorShownApart", a.supervisorShownApart())
                .objects("invitations", a.invitations(), FeedbackAssessmentCodec::writeInvitation)
                .object("self", a.self(), FeedbackAssessmentCodec::writeResponse)
                .objects("responses", a.responses(), FeedbackAssessmentCodec::writeResponse)
                .object("stage", a.stage(), (stage, o) -> {
                    if (stage instanceof FeedbackStage.Closed closed) {
                        o.enumValue("type", StageType.CLOSED).instant("at", closed.at());
                    } else {
                        o.enumValue("type", StageType.COLLECTING);
                    }
                })
                .bool("reportShared", a.reportShared())
                .instant("created", a.created())
                .instant("updated", a.updated());
    }

    private static void writeSet(CompetenceSet set, JsonOut out) {
        out.string("id", set.id())
                .object("title", set.title(), CodecParts::writeLocalized)
                .objects("themes", set.themes(), (theme, t) -> t.string("id", theme.id())
                        .object("title", theme.title(), CodecParts::writeLocalized)
                        .objects("statements", theme.statements(), (statement, s) -> s.string("id", statement.id())
                                .object("text", statement.text(), CodecParts::writeLocalized)));
    }

    private static void writeInvitation(Invitation invitation, JsonOut out) {
        out.string("id", invitation.id())
                .enumValue("group", invitation.group())
                .object("invitee", invitation.invitee(), (invitee, o) -> {
                    if (invitee instanceof Invitee.Roster roster) {
                        o.enumValue("type", InviteeType.ROSTER).string("person", roster.person().value());
                    } else if (invitee instanceof Invitee.Link link) {
                        o.enumValue("type", InviteeType.LINK).string("tokenHash", link.tokenHash());
                    }
                })
                .instant("expiresAt", invitation.expiresAt())
                .enumValue("status", invitation.status());
    }

    private static void writeResponse(RaterResponse response, JsonOut out) {
        out.string("id", response.id())
                .enumValue("group", response.group())
                .objects("ratings", response.ratings().entrySet(), (rating, o) -> o.string("statementId", rating.getKey())
                        .number("rating", rating.getValue()))
                .string("strengths", response.strengths())
                .string("developmentAreas", response.developmentAreas());
    }

    @Override
    public FeedbackAssessment read(JsonCursor in, int version) {
        in.allowOnly("kind", "schemaVersion", "id", "subject", "context", "set", "supervisorShownApart", "invitations",
                "self", "responses", "stage", "reportShared", "created", "updated");
        String id = in.string("id");
        var subject = CodecParts.person(in, "subject");
        String context = in.optionalString("context");
        CompetenceSet set = in.object("set", FeedbackAssessmentCodec::readSet);
        boolean shownApart = in.bool("supervisorShownApart");
        List<Invitation> invitations = in.objects("invitations", FeedbackAssessmentCodec::readInvitation);
        RaterResponse self = in.optionalObject("self", FeedbackAssessmentCodec::readResponse);
        List<RaterResponse> responses = in.objects("responses", FeedbackAssessmentCodec::readResponse);
        FeedbackStage stage = in.object("stage", s -> switch (s.enumValue("type", StageType.class)) {
            case COLLECTING -> {
                s.allowOnly("type");
                yield new FeedbackStage.Collecting();
            }
            case CLOSED -> {
                s.allowOnly("type", "at");
                yield new FeedbackStage.Closed(s.instant("at"));
            }
        });
        boolean shared = in.bool("reportShared", false);
        Instant created = in.instant("created");
        Instant updated = in.instant("updated");
        return in.build(() -> new FeedbackAssessment(id, subject, context, set, shownApart, invitations, self, responses,
                stage, shared, created, updated));
    }

    private static CompetenceSet readSet(JsonCursor in) {
        in.allowOnly("id", "title", "themes");
        String id = in.string("id");
        var title = in.object("title", CodecParts::readLocalized);
        List<CompetenceTheme> themes = in.objects("themes", t -> {
            t.allowOnly("id", "title", "statements");
            String themeId = t.string("id");
            var themeTitle = t.object("title", CodecParts::readLocalized);
            List<CompetenceStatement> statements = t.objects("statements", s -> {
                s.allowOnly("id", "text");
                String statementId = s.string("id");
                var text = s.object("text", CodecParts::readLocalized);
                return s.build(() -> new CompetenceStatement(statementId, text));
            });
            return t.build(() -> new CompetenceTheme(themeId, themeTitle, statements));
        });
        return in.build(() -> new CompetenceSet(id, title, themes));
    }

    private static Invitation readInvitation(JsonCursor in) {
        in.allowOnly("id", "group", "invitee", "expiresAt", "status");
        String id = in.string("id");
        RaterGroup group = in.enumValue("group", RaterGroup.class);
        Invitee invitee = in.object("invitee", i -> switch (i.enumValue("type", InviteeType.class)) {
            case ROSTER -> {
                i.allowOnly("type", "person");
                yield new Invitee.Roster(CodecParts.person(i, "person"));
            }
            case LINK -> {
                i.allowOnly("type", "tokenHash");
                String hash = i.string("tokenHash");
                yield i.buildAt("tokenHash", () -> new Invitee.Link(hash));
            }
        });
        Instant expiresAt = in.instant("expiresAt");
        Invitation.Status status = in.enumValue("status", Invitation.Status.class);
        return in.build(() -> new Invitation(id, group, invitee, expiresAt, status));
    }

    private static RaterResponse readResponse(JsonCursor in) {
        in.allowOnly("id", "group", "ratings", "strengths", "developmentAreas");
        String id = in.string("id");
        RaterGroup group = in.enumValue("group", RaterGroup.class);
        Map<String, Integer> ratings = new LinkedHashMap<>();
        List<Map.Entry<String, Integer>> entries = in.objects("ratings", r -> {
            r.allowOnly("statementId", "rating");
            return Map.entry(r.string("statementId"), r.integer("rating"));
        });
        for (int i = 0; i < entries.size(); i++) {
            if (ratings.put(entries.get(i).getKey(), entries.get(i).getValue()) != null) {
                throw new KasvuJsonException(in.pathOf("ratings") + "[" + i + "]", "statement "
                        + JsonCursor.clip(entries.get(i).getKey()) + " is rated twice");
            }
        }
        return in.build(() -> new RaterResponse(id, group, ratings, in.text("strengths"), in.text("developmentAreas")));
    }
}
