package fi.kasvu.lms.pages;

import fi.kasvu.common.Require;
import fi.kasvu.grow.Action;
import fi.kasvu.grow.ActionStatus;
import fi.kasvu.grow.CheckIn;
import fi.kasvu.grow.GrowConversation;
import fi.kasvu.grow.Option;
import fi.kasvu.grow.Phase;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps the exercise's form fields onto core's conversation operations, one field at a time, so
 * that autosave (one field) and a plain form post (every field) change the conversation the same
 * way. Values the learner can get wrong come back as a {@link FieldError}, never as an exception.
 */
final class GrowForms {

    /** The longest long text (a textarea). */
    static final int MAX_LONG = 4000;
    /** The longest short text (an option, an action, the topic). */
    static final int MAX_SHORT = 500;
    /** The longest "who" of an action. */
    static final int MAX_WHO = 200;

    private static final Pattern ANSWER = Pattern.compile("answer\\.(goal|reality|options|will)\\.([A-Za-z0-9._-]{1,120})");
    private static final Pattern OPTION = Pattern.compile("option\\.(option-\\d{1,4})\\.(text|chosen|notes|pros|cons|impact|feasibility)");
    private static final Pattern ACTION = Pattern.compile("action\\.(action-\\d{1,4})\\.(what|who|due)");
    private static final Pattern CHECK_IN = Pattern.compile("checkin\\.(action-\\d{1,4})\\.(note|status|reason)");
    private static final DateTimeFormatter FINNISH_DATE = DateTimeFormatter.ofPattern("d.M.uuuu");

    private GrowForms() {
    }

    /** What applying one field did: the changed conversation, or why the value was not taken. */
    sealed interface Applied {
        /** The field changed the conversation (or was already so). */
        record Changed(GrowConversation conversation) implements Applied {
        }

        /** The value was not taken. */
        record Rejected(FieldError error) implements Applied {
        }
    }

    /** Whether a field name belongs to the exercise's autosaved fields. */
    static boolean isSavable(String name) {
        if (name == null) {
            return false;
        }
        return switch (name) {
            case "topic", "goal.sessionGoal", "goal.longTermGoal", "goal.measures", "goal.targetDate",
                 "reality.tried", "reality.essentialInsight", "will.obstacles", "will.support", "will.commitment" -> true;
            default -> ANSWER.matcher(name).matches() || OPTION.matcher(name).matches()
                    || ACTION.matcher(name).matches();
        };
    }

    /**
     * Applies one field's value.
     *
     * @throws IllegalArgumentException naming the field if it is not a field of the exercise
     */
    static Applied apply(GrowConversation c, String name, String rawValue) {
        Require.nonNull("conversation", c);
        String value = rawValue == null ? "" : rawValue.replace("\r\n", "\n");
        switch (name) {
            case "topic":
                return text(name, value, MAX_SHORT).map(Applied.class::cast).orElseGet(() -> changed(c.withTopic(value.strip())));
            case "goal.sessionGoal":
                return longText(name, value, () -> c.withSessionGoal(value));
            case "goal.longTermGoal":
                return longText(name, value, () -> c.withLongTermGoal(value));
            case "goal.measures":
                return longText(name, value, () -> c.withMeasures(value));
            case "goal.targetDate":
                return date(name, value).<Applied>map(d -> changed(c.withTargetDate(d.orElse(null))))
                        .orElseGet(() -> rejected(name, "field.badDate"));
            case "reality.tried":
                return longText(name, value, () -> c.withTried(value));
            case "reality.essentialInsight":
                return longText(name, value, () -> c.withEssentialInsight(value));
            case "will.obstacles":
                return longText(name, value, () -> c.withObstacles(value));
            case "will.support":
                return longText(name, value, () -> c.withSupport(value));
            case "will.commitment":
                if (value.isBlank()) {
                    return changed(c.withCommitment(null));
                }
                try {
                    int commitment = Integer.parseInt(value.strip());
                    if (commitment >= 1 && commitment <= 10) {
                        return changed(c.withCommitment(commitment));
                    }
                } catch (NumberFormatException notANumber) {
                    // rejected below
                }
                return rejected(name, "field.badCommitment");
            default:
                break;
        }
        Matcher answer = ANSWER.matcher(name);
        if (answer.matches()) {
            Phase phase = Phase.ofKey(answer.group(1));
            return longText(name, value, () -> c.answer(phase, answer.group(2), value));
        }
        Matcher option = OPTION.matcher(name);
        if (option.matches()) {
            String id = option.group(1);
            if (c.options().stream().noneMatch(o -> o.id().equals(id))) {
                return rejected(name, "field.gone");
            }
            switch (option.group(2)) {
                case "chosen" -> {
                    boolean chosen = !value.isBlank() && !value.equals("false");
                    return changed(chosen ? c.chooseOption(id) : c.unchooseOption(id));
                }
                case "notes" -> {
                    return longText(name, value, () -> c.updateOption(id, o -> o.withNotes(value)));
                }
                case "pros" -> {
                    return longText(name, value, () -> c.updateOption(id, o -> o.withProsAndCons(lines(value), o.cons())));
                }
                case "cons" -> {
                    return longText(name, value, () -> c.updateOption(id, o -> o.withProsAndCons(o.pros(), lines(value))));
                }
                case "impact" -> {
                    return rating(value).<Applied>map(r -> changed(c.updateOption(id, o -> o.rated(r.orElse(null), o.feasibility()))))
                            .orElseGet(() -> rejected(name, "field.badRating"));
                }
                case "feasibility" -> {
                    return rating(value).<Applied>map(r -> changed(c.updateOption(id, o -> o.rated(o.impact(), r.orElse(null)))))
                            .orElseGet(() -> rejected(name, "field.badRating"));
                }
                default -> {
                    // the option's text, below
                }
            }
            if (value.isBlank()) {
                return rejected(name, "field.optionEmpty");
            }
            return text(name, value, MAX_SHORT).map(Applied.class::cast)
                    .orElseGet(() -> changed(c.updateOption(id, o -> o.withText(value.strip()))));
        }
        Matcher action = ACTION.matcher(name);
        if (action.matches()) {
            String id = action.group(1);
            Optional<Action> existing = c.will().actions().stream().filter(a -> a.id().equals(id)).findFirst();
            if (existing.isEmpty()) {
                return rejected(name, "field.gone");
            }
            Action a = existing.get();
            switch (action.group(2)) {
                case "what":
                    if (value.isBlank()) {
                        return rejected(name, "field.actionEmpty");
                    }
                    return text(name, value, MAX_SHORT).map(Applied.class::cast)
                            .orElseGet(() -> changed(c.updateAction(id, x -> x.with(value.strip(), a.who(), a.dueDate()))));
                case "who":
                    return text(name, value, MAX_WHO).map(Applied.class::cast)
                            .orElseGet(() -> changed(c.updateAction(id, x -> x.with(a.what(), value.strip(), a.dueDate()))));
                default:
                    return date(name, value).<Applied>map(d -> changed(
                                    c.updateAction(id, x -> x.with(a.what(), a.who(), d.orElse(null)))))
                            .orElseGet(() -> rejected(name, "field.badDate"));
            }
        }
        throw new IllegalArgumentException("not a field of the GROW exercise: " + name);
    }

    /** Adds an option from the "new option" field; a blank text is rejected. */
    static Applied addOption(GrowConversation c, String text) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            return rejected("option.new", "field.optionEmpty");
        }
        if (c.options().size() >= GrowConversation.MAX_ITEMS) {
            return rejected("option.new", "field.tooMany");
        }
        return text("option.new", value, MAX_SHORT).map(Applied.class::cast).orElseGet(() -> changed(c.addOption(value)));
    }

    /** Adds an action from the "new action" fields; a blank "what" is rejected. */
    static Applied addAction(GrowConversation c, String what, String who, String due) {
        String text = what == null ? "" : what.strip();
        if (text.isEmpty()) {
            return rejected("action.new.what", "field.actionEmpty");
        }
        if (c.will().actions().size() >= GrowConversation.MAX_ITEMS) {
            return rejected("action.new.what", "field.tooMany");
        }
        Optional<Applied.Rejected> tooLong = text("action.new.what", text, MAX_SHORT)
                .or(() -> text("action.new.who", who == null ? "" : who, MAX_WHO));
        if (tooLong.isPresent()) {
            return tooLong.get();
        }
        Optional<Optional<LocalDate>> date = date("action.new.due", due == null ? "" : due);
        if (date.isEmpty()) {
            return rejected("action.new.due", "field.badDate");
        }
        return changed(c.addAction(text, who == null ? "" : who.strip(), date.get().orElse(null)));
    }

    /** Plans a follow-up on the day unless one is already planned for it. */
    static Applied planFollowUp(GrowConversation c, String day) {
        Optional<Optional<LocalDate>> date = date("will.followUp", day == null ? "" : day);
        if (date.isEmpty()) {
            return rejected("will.followUp", "field.badDate");
        }
        if (date.get().isEmpty()) {
            return changed(c);
        }
        LocalDate on = date.get().get();
        if (c.will().checkIns().stream().map(CheckIn::plannedOn).anyMatch(on::equals)) {
            return changed(c);
        }
        if (c.will().checkIns().size() >= GrowConversation.MAX_CHECK_INS) {
            return rejected("will.followUp", "field.tooMany");
        }
        return changed(c.planCheckIn(on));
    }

    /**
     * Records a check-in on an action after completion: a progress note, and optionally the action
     * ended as done or dropped (a dropped action needs a reason).
     */
    static Applied checkIn(GrowConversation c, String actionId, String note, String status, String reason, LocalDate today) {
        Optional<Action> existing = c.will().actions().stream().filter(a -> a.id().equals(actionId)).findFirst();
        String prefix = "checkin." + actionId + ".";
        if (existing.isEmpty()) {
            return rejected(prefix + "note", "field.gone");
        }
        String text = note == null ? "" : note.strip();
        Optional<Applied.Rejected> tooLong = text(prefix + "note", text, MAX_LONG)
                .or(() -> text(prefix + "reason", reason == null ? "" : reason, MAX_LONG));
        if (tooLong.isPresent()) {
            return tooLong.get();
        }
        GrowConversation changed = c;
        if (!text.isEmpty()) {
            changed = changed.addProgressNote(actionId, today, text);
        }
        String wanted = status == null ? "" : status.strip();
        ActionStatus current = existing.get().status();
        switch (wanted) {
            case "DONE" -> {
                if (!(current instanceof ActionStatus.Done)) {
                    changed = changed.markActionDone(actionId, today, text);
                }
            }
            case "DROPPED" -> {
                if (!(current instanceof ActionStatus.Dropped)) {
                    if (reason == null || reason.isBlank()) {
                        return rejected(prefix + "reason", "field.dropReason");
                    }
                    changed = changed.dropAction(actionId, today, reason.strip());
                }
            }
            case "OPEN" -> {
                if (current.ended()) {
                    changed = changed.reopenAction(actionId);
                }
            }
            case "" -> {
                // status unchanged
            }
            default -> {
                return rejected(prefix + "status", "field.statusUnknown");
            }
        }
        if (changed == c) {
            return rejected(prefix + "note", "field.checkInEmpty");
        }
        String heldNote = text.isEmpty() ? wanted : text;
        Optional<CheckIn> due = changed.will().checkIns().stream().filter(ci -> !ci.held()).findFirst();
        if (due.isEmpty() && changed.will().checkIns().size() >= GrowConversation.MAX_CHECK_INS) {
            // Nothing is lost: the form keeps the text and everything saved before stays.
            return rejected(prefix + "note", "field.tooMany");
        }
        changed = due.isPresent() ? changed.recordCheckIn(due.get().id(), today, heldNote)
                : changed.recordUnplannedCheckIn(today, heldNote);
        return changed(changed);
    }

    /**
     * A date in ISO ({@code 2026-12-31}) or Finnish ({@code 31.12.2026}) form; empty inside for a
     * blank value; empty outside if it is not a date.
     */
    static Optional<Optional<LocalDate>> date(String field, String value) {
        String v = value.strip();
        if (v.isEmpty()) {
            return Optional.of(Optional.empty());
        }
        LocalDate parsed;
        try {
            parsed = LocalDate.parse(v);
        } catch (DateTimeParseException notIso) {
            try {
                parsed = LocalDate.parse(v, FINNISH_DATE);
            } catch (DateTimeParseException notFinnish) {
                return Optional.empty();
            }
        }
        // Year 0000 and the like parse, but no plan is made for them.
        return parsed.getYear() < 1900 || parsed.getYear() > 2999 ? Optional.empty() : Optional.of(Optional.of(parsed));
    }

    /**
     * A rating of an option ({@link Option#MIN_RATING}..{@link Option#MAX_RATING}); empty inside for
     * a blank value ("not rated"); empty outside if it is not such a number.
     */
    static Optional<Optional<Integer>> rating(String value) {
        String v = value.strip();
        if (v.isEmpty()) {
            return Optional.of(Optional.empty());
        }
        try {
            int rating = Integer.parseInt(v);
            if (rating >= Option.MIN_RATING && rating <= Option.MAX_RATING) {
                return Optional.of(Optional.of(rating));
            }
        } catch (NumberFormatException notANumber) {
            // not a rating
        }
        return Optional.empty();
    }

    /** The non-blank lines of a text, stripped: one pro or con a line. */
    static List<String> lines(String value) {
        return value.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private static Applied longText(String name, String value, java.util.function.Supplier<GrowConversation> change) {
        Optional<Applied.Rejected> tooLong = text(name, value, MAX_LONG);
        return tooLong.isPresent() ? tooLong.get() : changed(change.get());
    }

    private static Optional<Applied.Rejected> text(String name, String value, int max) {
        if (value.length() > max) {
            return Optional.of(new Applied.Rejected(new FieldError(name, "field.tooLong", List.of(max, value.length()))));
        }
        return Optional.empty();
    }

    private static Applied changed(GrowConversation c) {
        return new Applied.Changed(c);
    }

    private static Applied.Rejected rejected(String name, String key) {
        return new Applied.Rejected(new FieldError(name, key, List.of()));
    }

}
