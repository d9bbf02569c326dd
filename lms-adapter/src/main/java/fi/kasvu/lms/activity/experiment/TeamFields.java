package fi.kasvu.lms.activity.experiment;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import fi.kasvu.common.Result;
import fi.kasvu.experiment.ChangeMap;
import fi.kasvu.experiment.Experiment;
import fi.kasvu.experiment.ExperimentPlan;
import fi.kasvu.experiment.ExperimentProblem;
import fi.kasvu.experiment.ExperimentStage;
import fi.kasvu.experiment.ExperimentStage.Step;
import fi.kasvu.experiment.Measure;
import fi.kasvu.experiment.PhenomenonMap;
import fi.kasvu.experiment.SuccessCriterion;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The text fields a team edits together, one by one: each field reads its value from the
 * experiment and writes it back through core's command for its step, so two members saving
 * different fields never overwrite each other. Field names follow core's problem fields
 * ({@code phenomenon.howItShows}, {@code plan.end}), so core's problems land next to their field.
 */
final class TeamFields {

    /** How many measures and success criteria the plan page offers. */
    static final int SLOTS = 3;

    /** The most characters of one field (core's limit for free text). */
    static final int MAX = Require.MAX_TEXT;

    /**
     * One field.
     *
     * @param name the form and problem name
     * @param step the step it is edited in
     * @param kind {@code textarea}, {@code lines} (one item a line), {@code text} or {@code date}
     */
    record Def(String name, Step step, String kind) {
        /** The key of its label in the texts. */
        String labelKey() {
            return "field." + name.replaceAll("\\.\\d+\\.", ".");
        }
    }

    /** A value a field cannot take, with the message key and arguments. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final String key;
        final transient Object[] arguments;

        Refused(String key, Object... arguments) {
            super(key, null, false, false);
            this.key = key;
            this.arguments = arguments.clone();
        }
    }

    private static final Map<String, Def> ALL = new LinkedHashMap<>();

    static {
        for (String name : List.of("phenomenon", "howItShows", "whomItAffects")) {
            add("phenomenon." + name, Step.PHENOMENON_MAPPING, "textarea");
        }
        add("phenomenon.possibleCauses", Step.PHENOMENON_MAPPING, "lines");
        add("phenomenon.consequences", Step.PHENOMENON_MAPPING, "lines");
        add("change.from", Step.CHANGE_MAPPING, "textarea");
        add("change.to", Step.CHANGE_MAPPING, "textarea");
        add("change.helps", Step.CHANGE_MAPPING, "lines");
        add("change.hinders", Step.CHANGE_MAPPING, "lines");
        add("change.firstStep", Step.CHANGE_MAPPING, "textarea");
        add("plan.ifWe", Step.PLAN, "textarea");
        add("plan.thenExpect", Step.PLAN, "textarea");
        add("plan.whatIsTried", Step.PLAN, "textarea");
        add("plan.start", Step.PLAN, "date");
        add("plan.end", Step.PLAN, "date");
        for (int i = 1; i <= SLOTS; i++) {
            add("plan.measures." + i + ".signal", Step.PLAN, "text");
            add("plan.measures." + i + ".baseline", Step.PLAN, "text");
        }
        for (int i = 1; i <= SLOTS; i++) {
            add("plan.criteria." + i + ".criterion", Step.PLAN, "text");
        }
    }

    private static void add(String name, Step step, String kind) {
        ALL.put(name, new Def(name, step, kind));
    }

    private TeamFields() {
    }

    /** The field of the name, if there is one. */
    static Optional<Def> byName(String name) {
        return Optional.ofNullable(ALL.get(name));
    }

    /** The fields of a step, in page order. */
    static List<Def> of(Step step) {
        return ALL.values().stream().filter(d -> d.step() == step).toList();
    }

    // ---- reading ----

    /** The phenomenon mapping as far as it exists. */
    static Optional<PhenomenonMap> phenomenon(Experiment e) {
        if (e.stage() instanceof ExperimentStage.MappingPhenomenon m) {
            return Optional.of(m.phenomenon());
        }
        return e.groundwork().map(g -> g.phenomenon());
    }

    /** The change mapping as far as it exists. */
    static Optional<ChangeMap> change(Experiment e) {
        return e.groundwork().map(g -> g.change());
    }

    /** The plan (the draft while planning, the run's plan after). */
    static Optional<ExperimentPlan> plan(Experiment e) {
        if (e.stage() instanceof ExperimentStage.Planning p) {
            return Optional.of(p.plan());
        }
        return e.runLog().map(r -> r.plan());
    }

    /** The field's stored value as the form shows it ("" before its step). */
    static String get(Experiment e, String name) {
        String[] part = name.split("\\.");
        switch (part[0]) {
            case "phenomenon" -> {
                return phenomenon(e).map(p -> switch (part[1]) {
                    case "phenomenon" -> p.phenomenon();
                    case "howItShows" -> p.howItShows();
                    case "whomItAffects" -> p.whomItAffects();
                    case "possibleCauses" -> String.join("\n", p.possibleCauses());
                    case "consequences" -> String.join("\n", p.consequences());
                    default -> "";
                }).orElse("");
            }
            case "change" -> {
                return change(e).map(c -> switch (part[1]) {
                    case "from" -> c.from();
                    case "to" -> c.to();
                    case "helps" -> String.join("\n", c.helps());
                    case "hinders" -> String.join("\n", c.hinders());
                    case "firstStep" -> c.firstStep();
                    default -> "";
                }).orElse("");
            }
            case "plan" -> {
                return plan(e).map(p -> planValue(p, part)).orElse("");
            }
            default -> {
                return "";
            }
        }
    }

    private static String planValue(ExperimentPlan p, String[] part) {
        return switch (part[1]) {
            case "ifWe" -> p.ifWe();
            case "thenExpect" -> p.thenExpect();
            case "whatIsTried" -> p.whatIsTried();
            case "start" -> p.start() == null ? "" : p.start().toString();
            case "end" -> p.end() == null ? "" : p.end().toString();
            case "measures" -> p.measures().stream().filter(m -> m.id().equals("m" + part[2])).findFirst()
                    .map(m -> part[3].equals("signal") ? m.signal() : m.baseline()).orElse("");
            case "criteria" -> p.criteria().stream().filter(c -> c.id().equals("c" + part[2])).findFirst()
                    .map(SuccessCriterion::criterion).orElse("");
            default -> "";
        };
    }

    // ---- writing ----

    /**
     * The experiment with the field set to the value, through core's command for the field's step.
     *
     * @throws Refused if the value cannot be stored (too long, not a date, a baseline without its measure)
     */
    static Result<Experiment, ExperimentProblem> set(Experiment e, PersonId by, String name, String value, Instant at)
            throws Refused {
        Def def = byName(name).orElseThrow(() -> new IllegalArgumentException("no such field: " + name));
        if (value.length() > MAX) {
            throw new Refused("error.tooLong", MAX, value.length());
        }
        String[] part = name.split("\\.");
        switch (part[0]) {
            case "phenomenon" -> {
                PhenomenonMap p = phenomenon(e).orElse(PhenomenonMap.empty());
                PhenomenonMap changed = switch (part[1]) {
                    case "phenomenon" -> new PhenomenonMap(value, p.howItShows(), p.whomItAffects(), p.possibleCauses(),
                            p.consequences());
                    case "howItShows" -> new PhenomenonMap(p.phenomenon(), value, p.whomItAffects(), p.possibleCauses(),
                            p.consequences());
                    case "whomItAffects" -> new PhenomenonMap(p.phenomenon(), p.howItShows(), value, p.possibleCauses(),
                            p.consequences());
                    case "possibleCauses" -> new PhenomenonMap(p.phenomenon(), p.howItShows(), p.whomItAffects(),
                            lines(value), p.consequences());
                    default -> new PhenomenonMap(p.phenomenon(), p.howItShows(), p.whomItAffects(), p.possibleCauses(),
                            lines(value));
                };
                return e.mapPhenomenon(by, changed, at);
            }
            case "change" -> {
                ChangeMap c = change(e).orElse(ChangeMap.empty());
                ChangeMap changed = switch (part[1]) {
                    case "from" -> new ChangeMap(value, c.to(), c.helps(), c.hinders(), c.firstStep());
                    case "to" -> new ChangeMap(c.from(), value, c.helps(), c.hinders(), c.firstStep());
                    case "helps" -> new ChangeMap(c.from(), c.to(), lines(value), c.hinders(), c.firstStep());
                    case "hinders" -> new ChangeMap(c.from(), c.to(), c.helps(), lines(value), c.firstStep());
                    default -> new ChangeMap(c.from(), c.to(), c.helps(), c.hinders(), value);
                };
                return e.mapChange(by, changed, at);
            }
            default -> {
                ExperimentPlan p = plan(e).orElse(ExperimentPlan.empty());
                return e.editPlan(by, plan(p, e, part, value, def), at);
            }
        }
    }

    private static ExperimentPlan plan(ExperimentPlan p, Experiment e, String[] part, String value, Def def)
            throws Refused {
        String ifWe = p.ifWe(), thenExpect = p.thenExpect(), whatIsTried = p.whatIsTried();
        LocalDate start = p.start(), end = p.end();
        List<Measure> measures = new ArrayList<>(p.measures());
        List<SuccessCriterion> criteria = new ArrayList<>(p.criteria());
        switch (part[1]) {
            case "ifWe" -> ifWe = value;
            case "thenExpect" -> thenExpect = value;
            case "whatIsTried" -> whatIsTried = value;
            case "start" -> start = date(value);
            case "end" -> end = date(value);
            case "measures" -> {
                String id = "m" + part[2];
                Measure old = measures.stream().filter(m -> m.id().equals(id)).findFirst().orElse(null);
                String signal = part[3].equals("signal") ? value : old == null ? "" : old.signal();
                String baseline = part[3].equals("baseline") ? value : old == null ? "" : old.baseline();
                if (signal.isBlank() && !baseline.isBlank()) {
                    throw new Refused(part[3].equals("signal") ? "error.signalNeeded" : "error.baselineWithoutSignal");
                }
                measures.removeIf(m -> m.id().equals(id));
                if (!signal.isBlank()) {
                    measures.add(new Measure(id, signal, baseline));
                }
                measures.sort(java.util.Comparator.comparing(Measure::id));
            }
            default -> {
                String id = "c" + part[2];
                criteria.removeIf(c -> c.id().equals(id));
                if (!value.isBlank()) {
                    criteria.add(new SuccessCriterion(id, value));
                }
                criteria.sort(java.util.Comparator.comparing(SuccessCriterion::id));
            }
        }
        return new ExperimentPlan(ifWe, thenExpect, whatIsTried, e.members(), start, end, measures, criteria);
    }

    private static List<String> lines(String value) {
        return Arrays.stream(value.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static final DateTimeFormatter FINNISH = DateTimeFormatter.ofPattern("d.M.uuuu");

    /**
     * A date as ISO (2026-03-09) or as Finns write it (9.3.2026); blank is no date.
     *
     * @throws Refused if it is neither
     */
    static LocalDate date(String value) throws Refused {
        String text = value.strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException notIso) {
            try {
                return LocalDate.parse(text, FINNISH.withResolverStyle(java.time.format.ResolverStyle.STRICT));
            } catch (DateTimeParseException notFinnish) {
                throw new Refused("error.date", text.length() > 40 ? text.substring(0, 40) + "…" : text);
            }
        }
    }

    /**
     * The form field a core problem belongs to ({@code plan.measures[1].baseline} is the second
     * measure's slot), or "" for the page as a whole.
     */
    static String fieldOf(String problemField, Experiment e) {
        if (ALL.containsKey(problemField)) {
            return problemField;
        }
        if (problemField.equals("plan.measures")) {
            return "plan.measures.1.signal";
        }
        if (problemField.equals("plan.criteria")) {
            return "plan.criteria.1.criterion";
        }
        if (problemField.equals("startedOn")) {
            return "plan.start";
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("plan\\.measures\\[(\\d+)]\\.baseline")
                .matcher(problemField);
        if (m.matches()) {
            int index = Integer.parseInt(m.group(1));
            List<Measure> measures = plan(e).map(ExperimentPlan::measures).orElse(List.of());
            if (index < measures.size()) {
                return "plan.measures." + measures.get(index).id().substring(1) + ".baseline";
            }
        }
        return "";
    }
}
