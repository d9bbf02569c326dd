package fi.kasvu.lms.activity.experiment;

import fi.kasvu.common.IdGenerator;
import fi.kasvu.common.Result;
import fi.kasvu.common.SaveResult;
import fi.kasvu.common.Versioned;
import fi.kasvu.experiment.Experiment;
import fi.kasvu.experiment.ExperimentProblem;
import fi.kasvu.experiment.ExperimentStage.Step;
import fi.kasvu.i18n.PracticeMessages;
import fi.kasvu.library.ExperimentSharing;
import fi.kasvu.library.LibraryEntries;
import fi.kasvu.library.LibraryEntry;
import fi.kasvu.library.Visibility;
import fi.kasvu.lms.web.Answer;
import fi.kasvu.lms.web.Call;
import fi.kasvu.lms.web.PageTexts;
import fi.kasvu.lms.web.Views;
import fi.kasvu.lms.web.Views.Field;
import fi.kasvu.lms.web.Views.Message;
import fi.kasvu.survey.CultureElement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Share step: a reminder to remove names and identifying details, the level (the team, the
 * course's activity, the whole organisation), tags, and a preview of exactly the entry readers
 * will see before anything is published. Sharing never copies the situational picture or the
 * observation log: core's {@link ExperimentSharing} leaves the members' own words out.
 */
final class SharePage {

    /** The organisation id of a tenant's library: one tenant is one organisation. */
    static final String ORGANISATION = "tenant";

    /** The levels a case is shared at: the team, the course's activity, the organisation, every organisation on the server. */
    static final List<String> LEVELS = List.of("team", "course", "organisation", "everyone");

    /** The most tags a member may add (the building blocks are added on top). */
    static final int MAX_TAGS = 10;

    private final Call call;
    private final ExperimentSettings settings;
    private final Teams teams;
    private final LibraryEntries library;
    private final Clock clock;
    private final IdGenerator ids;
    private final PageTexts t;

    SharePage(Call call, ExperimentSettings settings, Teams teams, LibraryEntries library, Clock clock,
              IdGenerator ids) {
        this.call = call;
        this.settings = settings;
        this.teams = teams;
        this.library = library;
        this.clock = clock;
        this.ids = ids;
        this.t = call.texts();
    }

    /** The tag a building block is found by in the library. */
    static String blockTag(CultureElement block) {
        return "block-" + ExperimentSettings.code(block);
    }

    Answer post(Versioned<Experiment> team) {
        Experiment e = team.value();
        Map<String, String> values = call.parameters();
        Map<String, String> errors = new LinkedHashMap<>();
        String level = call.param("share.level");
        if (!LEVELS.contains(level)) {
            errors.put("share.level", t.t("error.level"));
        }
        Set<String> tags = new LinkedHashSet<>();
        String tagText = call.param("share.tags");
        List<String> given = Arrays.stream(tagText.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (given.size() > MAX_TAGS) {
            errors.put("share.tags", t.t("error.tags.many", MAX_TAGS, given.size()));
        } else if (given.stream().anyMatch(tag -> tag.length() > 50)) {
            errors.put("share.tags", t.t("error.tags.long", 50));
        } else {
            tags.addAll(given);
        }
        settings.orderedBlocks().forEach(b -> tags.add(blockTag(b)));
        boolean publish = call.param("do").equals("publish");
        if (publish && call.param("share.confirm").isEmpty()) {
            errors.put("share.confirm", t.t("error.confirm"));
        }
        if (!errors.isEmpty()) {
            return show(e, values, errors, null, "", 422);
        }
        try {
            return share(team, values, level, tags, publish);
        } catch (IllegalArgumentException tooLong) {
            // The case's text is made of the plan, the results and what was learned; together they
            // can pass the library's 10,000 characters even when every field is within its own limit.
            return show(e, values, Map.of(), null, t.t("error.shareTooLong", TeamFields.MAX), 422);
        }
    }

    private Answer share(Versioned<Experiment> team, Map<String, String> values, String level, Set<String> tags,
                         boolean publish) {
        Experiment e = team.value();
        Visibility visibility = visibility(level);
        String organisation = organisation(level);
        String readers = level.equals("course") ? Teams.activityKey(call.session().contextId()) : e.team();
        if (!publish) {
            String id = "preview";
            Result<ExperimentSharing.Shared, ExperimentProblem> preview = ExperimentSharing.publish(e, e.facilitator(),
                    new ExperimentSharing.Publication(id, organisation, t.language(), visibility, false, tags),
                    clock.instant());
            if (!preview.isAccepted()) {
                return show(e, values, Map.of(), null, message(preview.problems()), 409);
            }
            return show(e, values, Map.of(), preview(entry(preview.orElseThrow().entry(), readers), level), "", 200);
        }
        String entryId = ids.next();
        AtomicReference<LibraryEntry> made = new AtomicReference<>();
        Result<Versioned<Experiment>, ExperimentProblem> shared = teams.change(call.session().tenant(), e.id(),
                x -> ExperimentSharing.publish(x, x.facilitator(), new ExperimentSharing.Publication(entryId,
                        organisation, t.language(), visibility, false, tags), clock.instant()).map(s -> {
                            made.set(entry(s.entry(), readers));
                            return s.experiment();
                        }));
        if (!shared.isAccepted()) {
            return show(e, values, Map.of(), null, message(shared.problems()), 409);
        }
        SaveResult<LibraryEntry> saved = library.save(call.session().tenant(), Versioned.unsaved(made.get()));
        saved.orElseThrow();
        Answer next = Answer.redirect(call.base() + "/step/sharing?done=shared");
        if (settings.doneWhen() == ExperimentSettings.DoneWhen.SHARED) {
            return new Answer.Completed(next);
        }
        return next;
    }

    /** Who reads a case shared at the level ({@link #LEVELS}). */
    static Visibility visibility(String level) {
        return switch (level) {
            case "organisation" -> Visibility.ORGANISATION;
            case "everyone" -> Visibility.EVERYONE;
            default -> Visibility.TEAM;
        };
    }

    /**
     * The organisation a case shared at the level is kept under: the tenant's own, or for every
     * organisation on the server {@link LibraryEntries#SERVER_WIDE}, the only one read across tenants.
     */
    static String organisation(String level) {
        return level.equals("everyone") ? LibraryEntries.SERVER_WIDE : ORGANISATION;
    }

    /** The entry with the readers' team: the team's own id, or the activity's for the course level. */
    private static LibraryEntry entry(LibraryEntry e, String readers) {
        return new LibraryEntry(e.id(), e.kind(), e.language(), e.title(), e.summary(), e.body(), e.tags(),
                e.organisation(), readers, e.visibility(), e.author(), e.authorShown(), e.published(),
                e.sourceExperimentId());
    }

    private ExperimentViews.Preview preview(LibraryEntry entry, String level) {
        List<String> tags = new ArrayList<>();
        List<String> blocks = new ArrayList<>();
        for (String tag : entry.tags()) {
            CultureElement block = tag.startsWith("block-") ? ExperimentSettings.block(tag.substring(6)) : null;
            if (block != null) {
                blocks.add(block.title().in(t.language()));
            } else {
                tags.add(tag);
            }
        }
        return new ExperimentViews.Preview(entry.title(), t.t("library.kind.experiment"), t.t("share.level." + level),
                entry.summary(), entry.body(), tags, blocks);
    }

    private String message(List<ExperimentProblem> problems) {
        return PracticeMessages.message(problems.get(0), t.language());
    }

    Answer show(Experiment e, Map<String, String> values, Map<String, String> errors, ExperimentViews.Preview preview,
                String notice, int status) {
        TeamPage page = new TeamPage(call, settings, teams, library, clock, ids);
        boolean shared = e.step() == Step.SHARE;
        List<Field> fields = new ArrayList<>();
        List<Message> messages = new ArrayList<>();
        if (!shared && e.step() == Step.DECISION) {
            String level = values.getOrDefault("share.level", "course");
            fields.add(new Field("share.level", t.t("field.share.level"), t.t("hint.share.level"), level, "radio", 0,
                    errors.get("share.level"), List.of(
                            new Views.Choice("team", t.t("share.level.team"), level.equals("team"),
                                    t.t("share.level.team.hint")),
                            new Views.Choice("course", t.t("share.level.course"), level.equals("course"),
                                    t.t("share.level.course.hint")),
                            new Views.Choice("organisation", t.t("share.level.organisation"),
                                    level.equals("organisation"), t.t("share.level.organisation.hint")),
                            new Views.Choice("everyone", t.t("share.level.everyone"), level.equals("everyone"),
                                    t.t("share.level.everyone.hint"))), false, false));
            fields.add(new Field("share.tags", t.t("field.share.tags"), t.t("hint.share.tags"),
                    values.getOrDefault("share.tags", ""), "text", 600, errors.get("share.tags"), List.of(), false,
                    false));
            fields.add(new Field("share.confirm", t.t("field.share.confirm"), "", "on", "checkbox", 0,
                    errors.get("share.confirm"), List.of(), !values.getOrDefault("share.confirm", "").isEmpty(),
                    false));
            for (Field f : fields) {
                if (f.error() != null) {
                    messages.add(new Message("#" + f.id(), f.label() + ": " + f.error()));
                }
            }
        }
        String text = notice;
        if (text.isEmpty() && call.param("done").equals("shared")) {
            text = t.t("notice.shared");
        }
        if (!text.isEmpty() && status >= 400) {
            messages.add(new Message("#main", text));
            text = "";
        }
        return Answer.page(status, "experiment/share.jte", new ExperimentViews.ShareView(
                call.frame(t.t("step.sharing"), "step/sharing"), page.steps(e, "sharing"), page.teamLine(e), text,
                messages, call.base() + "/step/sharing", fields, preview, shared, call.base() + "/library"));
    }
}
