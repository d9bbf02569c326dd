package fi.kasvu.json;

import fi.kasvu.experiment.ChangeMap;
import fi.kasvu.experiment.CriterionResult;
import fi.kasvu.experiment.Decision;
import fi.kasvu.experiment.Evaluation;
import fi.kasvu.experiment.Experiment;
import fi.kasvu.experiment.ExperimentPlan;
import fi.kasvu.experiment.ExperimentStage;
import fi.kasvu.experiment.ExperimentStage.Step;
import fi.kasvu.experiment.Groundwork;
import fi.kasvu.experiment.Measure;
import fi.kasvu.experiment.PhenomenonMap;
import fi.kasvu.experiment.PictureEntry;
import fi.kasvu.experiment.RunLog;
import fi.kasvu.experiment.RunObservation;
import fi.kasvu.experiment.SituationalPicture;
import fi.kasvu.experiment.SuccessCriterion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON format of an {@link Experiment}: kind {@code experiment}, schema version 1. The step
 * is written as {@code "step"} and the parts the step has are written beside it; reading
 * requires exactly the parts the step has, so a document cannot hold an evaluation before its run.
 */
final class ExperimentCodec implements Codec<Experiment> {

    private static final List<String> PARTS = List.of("phenomenon", "change", "plan", "run", "evaluation", "decision",
            "libraryEntryId", "sharedAt");

    @Override
    public Class<Experiment> type() {
        return Experiment.class;
    }

    @Override
    public String kind() {
        return "experiment";
    }

    @Override
    public int schemaVersion() {
        return 1;
    }

    @Override
    public void write(Experiment e, JsonOut out) {
        out.string("id", e.id())
                .string("team", e.team())
                .string("title", e.title())
                .string("facilitator", e.facilitator().value())
                .strings("members", CodecParts.sortedIds(e.members()))
                .string("previousId", e.previousId())
                .instant("created", e.created())
                .instant("updated", e.updated())
                .enumValue("step", e.step());
        ExperimentStage stage = e.stage();
        SituationalPicture picture = picture(stage);
        out.object("picture", picture != null ? picture : e.groundwork().orElseThrow().picture(),
                ExperimentCodec::writePicture);
        if (stage instanceof ExperimentStage.MappingPhenomenon mapping) {
            out.object("phenomenon", mapping.phenomenon(), ExperimentCodec::writePhenomenon);
        }
        e.groundwork().ifPresent(g -> out.object("phenomenon", g.phenomenon(), ExperimentCodec::writePhenomenon)
                .object("change", g.change(), ExperimentCodec::writeChange));
        if (stage instanceof ExperimentStage.Planning planning) {
            out.object("plan", planning.plan(), ExperimentCodec::writePlan);
        }
        e.runLog().ifPresent(run -> out.object("plan", run.plan(), ExperimentCodec::writePlan)
                .object("run", run, ExperimentCodec::writeRun));
        e.evaluation().ifPresent(evaluation -> out.object("evaluation", evaluation, ExperimentCodec::writeEvaluation));
        e.decision().ifPresent(decision -> out.object("decision", decision, ExperimentCodec::writeDecision));
        if (stage instanceof ExperimentStage.Shared shared) {
            out.string("libraryEntryId", shared.libraryEntryId()).instant("sharedAt", shared.sharedAt());
        }
    }

    private static SituationalPicture picture(ExperimentStage stage) {
        if (stage instanceof ExperimentStage.Picturing s) {
            return s.picture();
        }
        if (stage instanceof ExperimentStage.MappingPhenomenon s) {
            return s.picture();
        }
        return null;
    }

    private static void writePicture(SituationalPicture picture, JsonOut out) {
        out.objects("entries", picture.entries(), (entry, o) -> o.string("id", entry.id())
                .string("author", entry.author().value())
                .enumValue("kind", entry.kind())
                .string("text", entry.text())
                .instant("added", entry.added()));
    }

    private static void writePhenomenon(PhenomenonMap map, JsonOut out) {
        out.string("phenomenon", map.phenomenon())
                .string("howItShows", map.howItShows())
                .string("whomItAffects", map.whomItAffects())
                .strings("possibleCauses", map.possibleCauses())
                .strings("consequences", map.consequences());
    }

    private static void writeChange(ChangeMap map, JsonOut out) {
        out.string("from", map.from())
                .string("to", map.to())
                .strings("helps", map.helps())
                .strings("hinders", map.hinders())
                .string("firstStep", map.firstStep());
    }

    private static void writePlan(ExperimentPlan plan, JsonOut out) {
        out.string("ifWe", plan.ifWe())
                .string("thenExpect", plan.thenExpect())
                .string("whatIsTried", plan.whatIsTried())
                .strings("participants", CodecParts.sortedIds(plan.participants()))
                .date("start", plan.start())
                .date("end", plan.end())
                .objects("measures", plan.measures(), (m, o) -> o.string("id", m.id())
                        .string("signal", m.signal()).string("baseline", m.baseline()))
                .objects("criteria", plan.criteria(), (c, o) -> o.string("id", c.id()).string("criterion", c.criterion()));
    }

    private static void writeRun(RunLog run, JsonOut out) {
        out.date("startedOn", run.startedOn())
                .objects("observations", run.observations(), (obs, o) -> o.string("id", obs.id())
                        .string("author", obs.author().value())
                        .date("on", obs.on())
                        .string("text", obs.text())
                        .instant("recorded", obs.recorded())
                        .bool("teamOnly", obs.teamOnly()))
                .objects("earlierRounds", run.earlierRounds(), (round, o) -> o
                        .object("evaluation", round.evaluation(), ExperimentCodec::writeEvaluation)
                        .object("decision", round.decision(), ExperimentCodec::writeDecision));
    }

    private static void writeEvaluation(Evaluation evaluation, JsonOut out) {
        out.objects("results", evaluation.results(), (r, o) -> o.string("criterionId", r.criterionId())
                        .enumValue("verdict", r.verdict()).string("evidence", r.evidence()))
                .string("learned", evaluation.learned())
                .string("evaluatedBy", evaluation.evaluatedBy().value())
                .instant("evaluatedAt", evaluation.evaluatedAt());
    }

    private static void writeDecision(Decision decision, JsonOut out) {
        out.enumValue("type", decision.choice().type());
        if (decision.choice() instanceof Decision.Adapt adapt) {
            out.string("whatChanges", adapt.whatChanges()).string("followUpExperimentId", adapt.followUpExperimentId());
        } else if (decision.choice() instanceof Decision.Extend extend) {
            out.date("newEnd", extend.newEnd());
        }
        out.string("rationale", decision.rationale())
                .string("decidedBy", decision.decidedBy().value())
                .instant("decidedAt", decision.decidedAt());
    }

    @Override
    public Experiment read(JsonCursor in, int version) {
        in.allowOnly("kind", "schemaVersion", "id", "team", "title", "facilitator", "members", "previousId", "created",
                "updated", "step", "picture", "phenomenon", "change", "plan", "run", "evaluation", "decision",
                "libraryEntryId", "sharedAt");
        String id = in.string("id");
        String team = in.string("team");
        String title = in.string("title");
        var facilitator = CodecParts.person(in, "facilitator");
        var members = CodecParts.people(in, "members");
        String previousId = in.optionalString("previousId");
        Instant created = in.instant("created");
        Instant updated = in.instant("updated");
        Step step = in.enumValue("step", Step.class);
        ExperimentStage stage = readStage(in, step);
        return in.build(() -> new Experiment(id, team, title, facilitator, members, previousId, created, updated, stage));
    }

    private static ExperimentStage readStage(JsonCursor in, Step step) {
        List<String> allowed = new ArrayList<>();
        switch (step) {
            case SITUATIONAL_PICTURE -> { }
            case PHENOMENON_MAPPING -> allowed.add("phenomenon");
            case CHANGE_MAPPING -> allowed.addAll(List.of("phenomenon", "change"));
            case PLAN -> allowed.addAll(List.of("phenomenon", "change", "plan"));
            case RUN -> allowed.addAll(List.of("phenomenon", "change", "plan", "run"));
            case EVALUATION -> allowed.addAll(List.of("phenomenon", "change", "plan", "run", "evaluation"));
            case DECISION -> allowed.addAll(List.of("phenomenon", "change", "plan", "run", "evaluation", "decision"));
            case SHARE -> allowed.addAll(List.of("phenomenon", "change", "plan", "run", "evaluation", "decision",
                    "libraryEntryId", "sharedAt"));
        }
        for (String part : PARTS) {
            if (in.has(part) && !allowed.contains(part)) {
                throw in.error(part, "not part of an experiment at step " + step);
            }
        }
        SituationalPicture picture = in.object("picture", ExperimentCodec::readPicture);
        if (step == Step.SITUATIONAL_PICTURE) {
            return in.build(() -> new ExperimentStage.Picturing(picture));
        }
        PhenomenonMap phenomenon = in.object("phenomenon", ExperimentCodec::readPhenomenon);
        if (step == Step.PHENOMENON_MAPPING) {
            return in.build(() -> new ExperimentStage.MappingPhenomenon(picture, phenomenon));
        }
        ChangeMap change = in.object("change", ExperimentCodec::readChange);
        Groundwork groundwork = in.build(() -> new Groundwork(picture, phenomenon, change));
        if (step == Step.CHANGE_MAPPING) {
            return in.build(() -> new ExperimentStage.MappingChange(groundwork));
        }
        ExperimentPlan plan = in.object("plan", ExperimentCodec::readPlan);
        if (step == Step.PLAN) {
            return in.build(() -> new ExperimentStage.Planning(groundwork, plan));
        }
        RunLog run = in.object("run", cursor -> readRun(cursor, plan));
        if (step == Step.RUN) {
            return in.build(() -> new ExperimentStage.Running(groundwork, run));
        }
        Evaluation evaluation = in.object("evaluation", ExperimentCodec::readEvaluation);
        if (step == Step.EVALUATION) {
            return in.build(() -> new ExperimentStage.Evaluated(groundwork, run, evaluation));
        }
        Decision decision = in.object("decision", ExperimentCodec::readDecision);
        if (step == Step.DECISION) {
            return in.build(() -> new ExperimentStage.Decided(groundwork, run, evaluation, decision));
        }
        String entryId = in.string("libraryEntryId");
        Instant sharedAt = in.instant("sharedAt");
        return in.build(() -> new ExperimentStage.Shared(groundwork, run, evaluation, decision, entryId, sharedAt));
    }

    private static SituationalPicture readPicture(JsonCursor in) {
        in.allowOnly("entries");
        List<PictureEntry> entries = in.objects("entries", e -> {
            e.allowOnly("id", "author", "kind", "text", "added");
            String id = e.string("id");
            var author = CodecParts.person(e, "author");
            var kind = e.enumValue("kind", PictureEntry.Kind.class);
            String text = e.string("text");
            Instant added = e.instant("added");
            return e.build(() -> new PictureEntry(id, author, kind, text, added));
        });
        return in.build(() -> new SituationalPicture(entries));
    }

    private static PhenomenonMap readPhenomenon(JsonCursor in) {
        in.allowOnly("phenomenon", "howItShows", "whomItAffects", "possibleCauses", "consequences");
        return in.build(() -> new PhenomenonMap(in.text("phenomenon"), in.text("howItShows"), in.text("whomItAffects"),
                in.strings("possibleCauses"), in.strings("consequences")));
    }

    private static ChangeMap readChange(JsonCursor in) {
        in.allowOnly("from", "to", "helps", "hinders", "firstStep");
        return in.build(() -> new ChangeMap(in.text("from"), in.text("to"), in.strings("helps"), in.strings("hinders"),
                in.text("firstStep")));
    }

    private static ExperimentPlan readPlan(JsonCursor in) {
        in.allowOnly("ifWe", "thenExpect", "whatIsTried", "participants", "start", "end", "measures", "criteria");
        var participants = CodecParts.people(in, "participants");
        var start = in.optionalDate("start");
        var end = in.optionalDate("end");
        List<Measure> measures = in.objects("measures", m -> {
            m.allowOnly("id", "signal", "baseline");
            return m.build(() -> new Measure(m.string("id"), m.string("signal"), m.text("baseline")));
        });
        List<SuccessCriterion> criteria = in.objects("criteria", c -> {
            c.allowOnly("id", "criterion");
            return c.build(() -> new SuccessCriterion(c.string("id"), c.string("criterion")));
        });
        return in.build(() -> new ExperimentPlan(in.text("ifWe"), in.text("thenExpect"), in.text("whatIsTried"),
                participants, start, end, measures, criteria));
    }

    private static RunLog readRun(JsonCursor in, ExperimentPlan plan) {
        in.allowOnly("startedOn", "observations", "earlierRounds");
        var startedOn = in.date("startedOn");
        List<RunObservation> observations = in.objects("observations", o -> {
            o.allowOnly("id", "author", "on", "text", "recorded", "teamOnly");
            String id = o.string("id");
            var author = CodecParts.person(o, "author");
            var on = o.date("on");
            String text = o.string("text");
            Instant recorded = o.instant("recorded");
            // Absent in documents written before the mark existed: every observation stayed in the team.
            boolean teamOnly = o.bool("teamOnly", true);
            return o.build(() -> new RunObservation(id, author, on, text, recorded, teamOnly));
        });
        List<RunLog.ExtendedRound> rounds = in.objects("earlierRounds", r -> {
            r.allowOnly("evaluation", "decision");
            Evaluation evaluation = r.object("evaluation", ExperimentCodec::readEvaluation);
            Decision decision = r.object("decision", ExperimentCodec::readDecision);
            return r.build(() -> new RunLog.ExtendedRound(evaluation, decision));
        });
        return in.build(() -> new RunLog(plan, startedOn, observations, rounds));
    }

    private static Evaluation readEvaluation(JsonCursor in) {
        in.allowOnly("results", "learned", "evaluatedBy", "evaluatedAt");
        List<CriterionResult> results = in.objects("results", r -> {
            r.allowOnly("criterionId", "verdict", "evidence");
            String criterionId = r.string("criterionId");
            var verdict = r.enumValue("verdict", CriterionResult.Verdict.class);
            return r.build(() -> new CriterionResult(criterionId, verdict, r.text("evidence")));
        });
        var by = CodecParts.person(in, "evaluatedBy");
        Instant at = in.instant("evaluatedAt");
        return in.build(() -> new Evaluation(results, in.text("learned"), by, at));
    }

    private static Decision readDecision(JsonCursor in) {
        in.allowOnly("type", "whatChanges", "followUpExperimentId", "newEnd", "rationale", "decidedBy", "decidedAt");
        Decision.Type type = in.enumValue("type", Decision.Type.class);
        Decision.Choice choice = switch (type) {
            case ADOPT -> new Decision.Adopt();
            case ABANDON -> new Decision.Abandon();
            case ADAPT -> {
                String changes = in.string("whatChanges");
                String followUp = in.string("followUpExperimentId");
                yield in.build(() -> new Decision.Adapt(changes, followUp));
            }
            case EXTEND -> new Decision.Extend(in.date("newEnd"));
        };
        var by = CodecParts.person(in, "decidedBy");
        Instant at = in.instant("decidedAt");
        return in.build(() -> new Decision(choice, in.text("rationale"), by, at));
    }
}
