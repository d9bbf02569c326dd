package fi.kasvu.lms.activity.peer;

import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import fi.kasvu.common.Result;
import fi.kasvu.common.SaveResult;
import fi.kasvu.common.Versioned;
import fi.kasvu.lms.web.Answer;
import fi.kasvu.lms.web.Call;
import fi.kasvu.lms.web.ClassRoster;
import fi.kasvu.lms.web.PageTexts;
import fi.kasvu.lms.web.Views;
import fi.kasvu.lms.web.Views.Choice;
import fi.kasvu.lms.web.Views.Field;
import fi.kasvu.peer.GroupProblem;
import fi.kasvu.peer.Participant;
import fi.kasvu.peer.ParticipantRole;
import fi.kasvu.peer.PeerRoster;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The learner's intake form, on their first launch and in their language: organisation, unit,
 * site, role, languages, manager and interests. Organisation and site start from what the platform
 * sends ({@code kasvu_organisation}, {@code kasvu_site} custom parameters) when it sends them. An
 * organiser's upload wins: a learner in it sees the uploaded answers and cannot overwrite them.
 */
final class Intake {

    /** Custom parameter a platform may fill with the person's organisation (e.g. a Moodle profile field). */
    static final String ORGANISATION_CLAIM = "kasvu_organisation";
    /** Custom parameter a platform may fill with the person's site or office. */
    static final String SITE_CLAIM = "kasvu_site";

    private static final int MAX_INTERESTS = 10;

    private final PeerActivity activity;
    private final Call call;
    private final PageTexts t;

    Intake(PeerActivity activity, Call call) {
        this.activity = activity;
        this.call = call;
        this.t = call.texts();
    }

    Answer handle(String path) {
        Versioned<PeerRoster> roster = activity.roster(call.session());
        PersonId me = call.session().person();
        Optional<PeerRoster.Entry> mine = roster.value().find(me);
        if (path.equals("peer/waiting")) {
            if (mine.isEmpty()) {
                return Answer.redirect(call.base() + "/peer/intake");
            }
            return page(values(mine.get()), Map.of(), mine.get().source() == PeerRoster.Source.UPLOAD,
                    true, 200);
        }
        boolean uploaded = mine.filter(e -> e.source() == PeerRoster.Source.UPLOAD).isPresent();
        if (!call.post()) {
            Map<String, String> values = mine.map(Intake::values).orElseGet(this::prefilled);
            return page(values, Map.of(), uploaded, false, 200);
        }
        if (uploaded) {
            return page(values(mine.get()), Map.of("organisation", t.t("peer.intake.error.uploaded")),
                    true, false, 409);
        }
        Map<String, String> form = new LinkedHashMap<>();
        for (String name : List.of("organisation", "unit", "site", "role", "manager", "interests", "capacity")) {
            form.put(name, call.param(name).strip());
        }
        List<String> languages = new ArrayList<>();
        for (String value : call.all().getOrDefault("languages", new String[0])) {
            if (value.matches("fi|sv|en") && !languages.contains(value)) {
                languages.add(value);
            }
        }
        // The page's language first: it is the one the learner chose to read in.
        if (languages.remove(t.language().code())) {
            languages.add(0, t.language().code());
        }
        form.put("languages", String.join(",", languages));
        Map<String, String> errors = new LinkedHashMap<>();
        Participant participant = participant(form, languages, errors);
        int capacity = 0;
        if (pool() && !form.get("capacity").isEmpty()) {
            try {
                capacity = Integer.parseInt(form.get("capacity"));
            } catch (NumberFormatException notANumber) {
                capacity = -1;
            }
            if (capacity < 0 || capacity > fi.kasvu.lms.peer.ParticipantCsv.MAX_CAPACITY) {
                errors.put("capacity", t.t("peer.intake.error.capacity", fi.kasvu.lms.peer.ParticipantCsv.MAX_CAPACITY));
                participant = null;
            }
        }
        if (participant == null) {
            return page(form, errors, false, false, 422);
        }
        for (int attempt = 0; attempt < 5; attempt++) {
            Versioned<PeerRoster> current = activity.roster(call.session());
            Result<PeerRoster, GroupProblem> changed = current.value().withIntake(participant, capacity,
                    activity.clock.instant());
            if (changed instanceof Result.Rejected<PeerRoster, GroupProblem>) {
                return page(form, Map.of("organisation", t.t("peer.intake.error.uploaded")), true, false, 409);
            }
            PeerRoster next = ((Result.Accepted<PeerRoster, GroupProblem>) changed).value();
            if (activity.rosters.save(call.session().tenant(), current.with(next)) instanceof SaveResult.Saved<PeerRoster>) {
                return Answer.redirect(call.base() + "/peer/waiting");
            }
        }
        throw new java.util.ConcurrentModificationException("the roster kept changing");
    }

    private boolean pool() {
        return PeerSettings.fromCustom(call.session().placement().settings()).kind()
                == fi.kasvu.peer.GroupKind.ONBOARDING_POOL;
    }

    private Participant participant(Map<String, String> form, List<String> languages, Map<String, String> errors) {
        String organisation = form.get("organisation");
        if (organisation.isEmpty()) {
            errors.put("organisation", t.t("peer.intake.error.organisation"));
        }
        for (String name : List.of("organisation", "unit", "site")) {
            String value = form.get(name);
            if (value.length() > Require.MAX_ID || value.codePoints().anyMatch(Character::isISOControl)) {
                errors.put(name, t.t("peer.intake.error.text", Require.MAX_ID));
            }
        }
        String role = form.get("role");
        if (!List.of("SUPERVISOR", "EXPERT", "NEWCOMER").contains(role)) {
            errors.put("role", t.t("peer.intake.error.role"));
        }
        if (languages.isEmpty()) {
            errors.put("languages", t.t("peer.intake.error.languages"));
        }
        PersonId me = call.session().person();
        String manager = form.get("manager");
        PersonId managerId = null;
        if (!manager.isEmpty()) {
            Optional<ClassRoster.Member> found = classmates().stream().filter(m -> m.subject().equals(manager)).findFirst();
            if (found.isEmpty() || found.get().person().equals(me)) {
                errors.put("manager", t.t("peer.intake.error.manager"));
            } else {
                managerId = found.get().person();
            }
        }
        List<String> interests = Arrays.stream(form.get("interests").split("[;,\\n]")).map(String::strip)
                .filter(s -> !s.isEmpty()).distinct().toList();
        if (interests.size() > MAX_INTERESTS || interests.stream().anyMatch(i -> i.length() > 100
                || i.codePoints().anyMatch(Character::isISOControl))) {
            errors.put("interests", t.t("peer.intake.error.interests", MAX_INTERESTS, 100));
        }
        if (!errors.isEmpty()) {
            return null;
        }
        String name = call.session().displayName().isBlank() ? t.t("peer.intake.unnamed")
                : call.session().displayName().strip();
        if (name.length() > Require.MAX_ID) {
            name = name.substring(0, Require.MAX_ID);
        }
        return new Participant(me, name, "", organisation, form.get("unit"), form.get("site"), ParticipantRole.of(role),
                languages.stream().map(Language::ofCode).toList(), managerId, interests);
    }

    private List<ClassRoster.Member> classmates() {
        try {
            return activity.classRoster.learners(call.session());
        } catch (RuntimeException unavailable) {
            return List.of();
        }
    }

    private Map<String, String> prefilled() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("organisation", call.session().placement().settings().getOrDefault(ORGANISATION_CLAIM, ""));
        values.put("site", call.session().placement().settings().getOrDefault(SITE_CLAIM, ""));
        values.put("languages", t.language().code());
        values.put("role", "SUPERVISOR");
        return values;
    }

    private static Map<String, String> values(PeerRoster.Entry entry) {
        Participant p = entry.participant();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("capacity", entry.capacity() == 0 ? "" : Integer.toString(entry.capacity()));
        values.put("organisation", p.organisation());
        values.put("unit", p.unit());
        values.put("site", p.site());
        values.put("role", p.role().name());
        values.put("languages", String.join(",", p.languages().stream().map(Language::code).toList()));
        values.put("manager", p.managerId().map(PersonId::value).orElse(""));  // subjects up to 200 characters are their own id
        values.put("interests", String.join("; ", p.interests()));
        return values;
    }

    private Answer page(Map<String, String> values, Map<String, String> errors, boolean uploaded, boolean saved,
                        int status) {
        List<Field> fields = new ArrayList<>();
        fields.add(text("organisation", values, errors));
        fields.add(text("unit", values, errors));
        fields.add(text("site", values, errors));
        String role = values.getOrDefault("role", "SUPERVISOR");
        List<Choice> roles = new ArrayList<>();
        for (String r : List.of("SUPERVISOR", "EXPERT", "NEWCOMER")) {
            roles.add(new Choice(r, t.t("peer.role." + r), r.equals(role), ""));
        }
        fields.add(new Field("role", t.t("peer.intake.role"), "", role, "select", 0, errors.get("role"), roles, false,
                false));
        LinkedHashSet<String> chosen = new LinkedHashSet<>(Arrays.asList(values.getOrDefault("languages", "").split(",")));
        List<Choice> languages = List.of(new Choice("fi", "suomi", chosen.contains("fi"), ""),
                new Choice("sv", "svenska", chosen.contains("sv"), ""), new Choice("en", "English", chosen.contains("en"), ""));
        fields.add(new Field("languages", t.t("peer.intake.languages"), t.t("peer.intake.languages.hint"), "", "checkboxes",
                0, errors.get("languages"), languages, false, false));
        String manager = values.getOrDefault("manager", "");
        List<Choice> managers = new ArrayList<>();
        managers.add(new Choice("", t.t("peer.intake.manager.none"), manager.isEmpty(), ""));
        for (ClassRoster.Member member : classmates()) {
            if (!member.subject().equals(call.session().subject())) {
                managers.add(new Choice(member.subject(), member.name().isBlank() ? member.subject() : member.name(),
                        member.subject().equals(manager), ""));
            }
        }
        fields.add(new Field("manager", t.t("peer.intake.manager"), t.t("peer.intake.manager.hint"), manager, "select", 0,
                errors.get("manager"), managers, false, false));
        if (pool()) {
            fields.add(new Field("capacity", t.t("peer.intake.capacity"), t.t("peer.intake.capacity.hint"),
                    values.getOrDefault("capacity", ""), "number", 2, errors.get("capacity"), List.of(), false, false));
        }
        fields.add(new Field("interests", t.t("peer.intake.interests"), t.t("peer.intake.interests.hint"),
                values.getOrDefault("interests", ""), "textarea", 2000, errors.get("interests"), List.of(), false, false));
        List<Views.Message> messages = new ArrayList<>();
        errors.forEach((field, message) -> messages.add(new Views.Message("#f-" + field, message)));
        Views.Frame frame = call.frame(t.t("peer.intake.title"), saved ? "peer/waiting" : "peer/intake");
        return Answer.page(status, "peer/intake.jte", new PeerViews.IntakeView(frame, messages,
                call.base() + "/peer/intake", fields, uploaded, saved));
    }

    private Field text(String name, Map<String, String> values, Map<String, String> errors) {
        return new Field(name, t.t("peer.intake." + name), t.t("peer.intake." + name + ".hint"),
                values.getOrDefault(name, ""), "text", Require.MAX_ID, errors.get(name), List.of(), false, false);
    }
}
