package fi.kasvu.json;

import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import fi.kasvu.i18n.PeerMessages;
import fi.kasvu.peer.Criterion;
import fi.kasvu.peer.Formation;
import fi.kasvu.peer.FormedGroup;
import fi.kasvu.peer.GroupKind;
import fi.kasvu.peer.GroupMember;
import fi.kasvu.peer.GroupScore;
import fi.kasvu.peer.GroupingKey;
import fi.kasvu.peer.HardConstraint;
import fi.kasvu.peer.Meeting;
import fi.kasvu.peer.Participant;
import fi.kasvu.peer.Reason;
import fi.kasvu.peer.Unassigned;
import fi.kasvu.peer.Violation;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@code peer.formation}: a formation result, the file {@code kasvu groups form} writes
 * (documented in docs/peer-groups.md). Derived fields ({@code hardConstraintsHold}, {@code gap},
 * the top-level {@code violations}, each group's {@code size} and {@code score.total}) are written
 * for readers and ignored when read.
 */
final class FormationCodec implements Codec<Formation> {

    @Override
    public Class<Formation> type() {
        return Formation.class;
    }

    @Override
    public String kind() {
        return "peer.formation";
    }

    @Override
    public int schemaVersion() {
        return 1;
    }

    @Override
    public void write(Formation f, JsonOut out) {
        out.string("id", f.id()).enumValue("groupKind", f.kind()).string("context", f.context()).number("seed", f.seed())
                .enumValue("groupingKey", f.groupingKey()).bool("hardConstraintsHold", f.hardConstraintsHold())
                .number("cohortScore", f.cohortScore()).number("upperBound", f.upperBound()).number("gap", f.gap())
                .number("iterations", f.iterations())
                .strings("findings", PeerMessages.texts(f.findings(), Language.EN))
                .objects("findingReasons", f.findings(), FormationCodec::writeReason)
                .objects("violations", f.violations(), FormationCodec::writeViolation)
                .objects("groups", f.groups(), FormationCodec::writeGroup)
                .objects("unassigned", f.unassigned(), (u, o) -> o.object("participant", u.participant(), PeerJson::writeParticipant)
                        .string("reason", PeerMessages.text(u.reason(), Language.EN))
                        .object("because", u.reason(), FormationCodec::writeReason));
    }

    private static void writeViolation(Violation v, JsonOut out) {
        out.enumValue("constraint", v.constraint()).string("code", v.code()).number("group", v.group())
                .strings("persons", v.persons().stream().map(PersonId::value).toList())
                .string("text", PeerMessages.text(v.reason(), Language.EN))
                .object("because", v.reason(), FormationCodec::writeReason);
    }

    private static void writeGroup(FormedGroup g, JsonOut out) {
        out.number("number", g.number()).number("size", g.size())
                .objects("members", g.members(), PeerJson::writeMember)
                .object("score", g.score(), (score, o) -> o.number("total", score.total())
                        .object("values", v -> writeCriteria(score.values(), v))
                        .object("contributions", c -> writeCriteria(score.contributions(), c)))
                .string("explanation", PeerMessages.text(g.explanation(), Language.EN))
                .objects("explanationReasons", g.explanation(), FormationCodec::writeReason)
                .objects("meetings", g.meetings(), PeerJson::writeMeeting)
                .objects("violations", g.violations(), FormationCodec::writeViolation);
    }

    /** A typed reason: its code and the values it names. */
    private static void writeReason(Reason reason, JsonOut out) {
        out.string("code", reason.code()).stringMap("arguments", reason.arguments());
    }

    private static Reason readReason(JsonCursor in) {
        in.allowOnly("code", "arguments");
        String code = in.string("code");
        Map<String, String> arguments = in.stringMap("arguments");
        if (!PeerMessages.covers(code)) {
            throw in.error("code", "unknown reason code: " + code);
        }
        Reason reason = in.build(() -> new Reason(code, arguments));
        try {
            PeerMessages.text(reason, Language.EN);
        } catch (IllegalArgumentException unreadable) {
            throw in.error("arguments", "do not fit " + code + ": " + unreadable.getMessage());
        }
        return reason;
    }

    /**
     * The typed reasons, or, in a formation stored before reasons were typed, its English texts kept
     * as they were written.
     */
    private static List<Reason> reasonsOr(JsonCursor in, String typed, List<String> written) {
        return in.has(typed) ? in.objects(typed, FormationCodec::readReason)
                : written.stream().filter(text -> !text.isBlank()).map(Reason::verbatim).toList();
    }

    private static void writeCriteria(Map<Criterion, Double> values, JsonOut out) {
        for (Criterion criterion : Criterion.values()) {
            Double value = values.get(criterion);
            if (value != null) {
                out.number(criterion.name(), value);
            }
        }
    }

    @Override
    public Formation read(JsonCursor in, int version) {
        in.allowOnly("kind", "schemaVersion", "id", "groupKind", "context", "seed", "groupingKey", "hardConstraintsHold",
                "cohortScore", "upperBound", "gap", "iterations", "findings", "findingReasons", "violations", "groups",
                "unassigned");
        String id = in.string("id");
        GroupKind kind = in.enumValue("groupKind", GroupKind.class);
        String context = in.optionalString("context");
        long seed = in.longValue("seed");
        GroupingKey key = in.enumValue("groupingKey", GroupingKey.class);
        double cohort = in.decimal("cohortScore");
        double bound = in.decimal("upperBound");
        long iterations = in.has("iterations") ? in.longValue("iterations") : 0;
        List<Reason> findings = reasonsOr(in, "findingReasons", in.strings("findings"));
        List<FormedGroup> groups = in.objects("groups", FormationCodec::readGroup);
        List<Unassigned> unassigned = in.objects("unassigned", c -> {
            c.allowOnly("participant", "reason", "because");
            Participant p = c.object("participant", u -> {
                u.allowOnly(PeerJson.PARTICIPANT_FIELDS);
                return PeerJson.readParticipant(u);
            });
            Reason reason = c.has("because") ? c.object("because", FormationCodec::readReason)
                    : Reason.verbatim(c.string("reason"));
            return c.build(() -> new Unassigned(p, reason));
        });
        return in.build(() -> new Formation(id, kind, context, seed, key, groups, unassigned, cohort, bound, findings, iterations));
    }

    private static FormedGroup readGroup(JsonCursor in) {
        in.allowOnly("number", "size", "members", "score", "explanation", "explanationReasons", "meetings", "violations");
        int number = in.integer("number");
        List<GroupMember> members = in.objects("members", PeerJson::readMember);
        GroupScore score = in.object("score", s -> {
            s.allowOnly("total", "values", "contributions");
            Map<Criterion, Double> values = s.object("values", FormationCodec::readCriteria);
            Map<Criterion, Double> contributions = s.object("contributions", FormationCodec::readCriteria);
            return s.build(() -> new GroupScore(values, contributions));
        });
        List<Reason> explanation = reasonsOr(in, "explanationReasons", List.of(in.text("explanation")));
        List<Meeting.Planned> meetings = in.objects("meetings", c -> {
            Meeting meeting = PeerJson.readMeeting(c);
            if (!(meeting instanceof Meeting.Planned planned)) {
                throw c.error("state", "a formation holds planned meetings only");
            }
            return planned;
        });
        List<Violation> violations = in.objects("violations", c -> {
            c.allowOnly("constraint", "code", "group", "persons", "text", "because");
            HardConstraint constraint = c.enumValue("constraint", HardConstraint.class);
            int group = c.has("group") ? c.integer("group") : number;
            List<String> persons = c.strings("persons");
            Reason reason = c.has("because") ? c.object("because", FormationCodec::readReason)
                    : Reason.verbatim(c.string("text"));
            return c.build(() -> new Violation(constraint, group, persons.stream().map(PersonId::of).toList(), reason));
        });
        return in.build(() -> new FormedGroup(number, members, score, explanation, meetings, violations));
    }

    private static Map<Criterion, Double> readCriteria(JsonCursor in) {
        String[] names = java.util.Arrays.stream(Criterion.values()).map(Enum::name).toArray(String[]::new);
        in.allowOnly(names);
        Map<Criterion, Double> values = new EnumMap<>(Criterion.class);
        for (Criterion criterion : Criterion.values()) {
            if (in.has(criterion.name())) {
                values.put(criterion, in.decimal(criterion.name()));
            }
        }
        return values;
    }
}
