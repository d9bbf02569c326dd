package fi.kasvu.lms.activity.programme;

import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.Result;
import fi.kasvu.common.Versioned;
import fi.kasvu.i18n.ProgrammeMessages;
import fi.kasvu.lms.web.Answer;
import fi.kasvu.lms.web.Call;
import fi.kasvu.lms.web.ClassRoster;
import fi.kasvu.lms.web.PageTexts;
import fi.kasvu.lms.web.Views;
import fi.kasvu.programme.Assignment;
import fi.kasvu.programme.Fulfilment;
import fi.kasvu.programme.Member;
import fi.kasvu.programme.Phase;
import fi.kasvu.programme.Programme;
import fi.kasvu.programme.ProgrammeProblem;
import fi.kasvu.programme.ProgrammeRole;
import fi.kasvu.programme.ProgrammeService;
import fi.kasvu.programme.ProgrammeTemplate;
import fi.kasvu.programme.ProgrammeTemplates;
import fi.kasvu.programme.ScheduledEvent;
import fi.kasvu.programme.Venue;
import fi.kasvu.session.SeenPeople;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The organiser's page: the programme created from a template (once per placement), then adapted
 * event by event and assignment by assignment, with the roles of the people in it. A refused form
 * comes back with what was typed and a message naming each wrong field; nothing saved is lost.
 */
final class ManagePage {

    private static final List<String> VENUES = List.of("tba", "onsite", "online", "hybrid");

    private final Call call;
    private final ProgrammeService service;
    private final SeenPeople seen;
    private final ClassRoster roster;
    private final Clock clock;
    private final PageTexts t;
    private final Language language;

    ManagePage(Call call, ProgrammeService service, SeenPeople seen, ClassRoster roster, Clock clock) {
        this.call = call;
        this.service = service;
        this.seen = seen;
        this.roster = roster;
        this.clock = clock;
        this.t = call.texts();
        this.language = t.language();
    }

    Answer show(Optional<Programme> programme) {
        String notice = switch (call.param("done")) {
            case "created" -> t.t("manage.notice.created");
            case "file" -> t.t("manage.notice.file");
            case "saved" -> t.t("manage.notice.saved");
            case "member" -> t.t("manage.notice.member");
            default -> "";
        };
        return page(200, programme, notice, "", Map.of(), Map.of());
    }

    /**
     * Creates the placement's programme from the chosen template.
     *
     * @param once a service whose only id is the placement's programme id, so a second create meets the first
     */
    Answer create(Optional<Programme> existing, ProgrammeService once) {
        if (existing.isPresent()) {
            return already();
        }
        Map<String, String> form = call.parameters();
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<ProgrammeTemplate> template = ProgrammeTemplates.byId(call.param("template"));
        if (template.isEmpty()) {
            errors.put("template", t.t("create.error.template"));
        }
        Optional<LocalDate> starts = ProgrammeForms.day(form, "starts", t, errors);
        Optional<ZoneId> zone = ProgrammeForms.zone(form, "zone", t, errors);
        if (!errors.isEmpty()) {
            return page(422, Optional.empty(), "", "create", form, errors);
        }
        try {
            once.fromTemplate(call.session().tenant(), template.get(), call.session().contextId(), starts.get(),
                    zone.get(), call.session().person());
        } catch (IllegalStateException madeMeanwhile) {
            return already();
        }
        return Answer.redirect(call.base() + "/manage?done=created");
    }

    /** The page saying the placement has its programme already: nothing of the organiser's was lost. */
    Answer already() {
        return Answer.page(409, "programme/notice.jte", new ProgrammeViews.NoticeView(
                call.frame(t.t("create.already.title"), "manage"), t.t("create.already.title"),
                t.t("create.already.text"), call.base() + "/manage", t.t("create.already.back")));
    }

    Answer changeEvent(Programme programme, String eventId) {
        Optional<Phase> phase = programme.phaseOf(eventId);
        Optional<ScheduledEvent> found = programme.events().stream().filter(e -> e.id().equals(eventId)).findFirst();
        if (phase.isEmpty() || found.isEmpty()) {
            return Answer.notFound();
        }
        ScheduledEvent event = found.get();
        Map<String, String> form = posted("event-" + eventId);
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<LocalDate> day = ProgrammeForms.day(form, "day", t, errors);
        Optional<LocalTime> from = ProgrammeForms.time(form, "from", t, errors);
        Optional<LocalTime> to = ProgrammeForms.time(form, "to", t, errors);
        String venueKind = form.getOrDefault("venue", "");
        if (!VENUES.contains(venueKind)) {
            errors.put("venue", t.t("event.error.venue"));
        }
        String place = ProgrammeForms.shortText(form, "place", t, errors);
        String link = ProgrammeForms.link(form, "link", t, errors);
        String speaker = ProgrammeForms.shortText(form, "speaker", t, errors);
        if ((venueKind.equals("onsite") || venueKind.equals("hybrid")) && place.isEmpty() && !errors.containsKey("place")) {
            errors.put("place", t.t("event.error.place"));
        }
        if ((venueKind.equals("online") || venueKind.equals("hybrid")) && link.isEmpty() && !errors.containsKey("link")) {
            errors.put("link", t.t("event.error.link"));
        }
        if (!errors.isEmpty()) {
            return page(422, Optional.of(programme), "", "event-" + eventId, form, errors);
        }
        Venue venue = switch (venueKind) {
            case "onsite" -> new Venue.OnSite(place);
            case "online" -> new Venue.Online(link);
            case "hybrid" -> new Venue.Hybrid(place, link);
            default -> new Venue.ToBeAnnounced();
        };
        Instant starts = day.get().atTime(from.get()).atZone(programme.zone()).toInstant();
        Instant ends = day.get().atTime(to.get()).atZone(programme.zone()).toInstant();
        ScheduledEvent changed = new ScheduledEvent(event.id(), event.kind(), event.title(), starts, ends, venue, speaker);
        String phaseId = phase.get().id();
        PersonId by = call.session().person();
        return saved(programme, "event-" + eventId, form,
                service.change(call.session().tenant(), programme.id(), (p, at) -> p.putEvent(by, phaseId, changed, at)));
    }

    Answer changeAssignment(Programme programme, String assignmentId) {
        Optional<Phase> phase = programme.phaseOf(assignmentId);
        Optional<Assignment> found = programme.assignment(assignmentId);
        if (phase.isEmpty() || found.isEmpty()) {
            return Answer.notFound();
        }
        Assignment assignment = found.get();
        Map<String, String> form = posted("assignment-" + assignmentId);
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<LocalDate> due = ProgrammeForms.day(form, "due", t, errors);
        Fulfilment fulfilment = assignment.fulfilledBy();
        if (fulfilment instanceof Fulfilment.Activity activity) {
            String link = ProgrammeForms.link(form, "address", t, errors);
            fulfilment = new Fulfilment.Activity(activity.kind(), link.isEmpty() ? null : link);
            if (link.length() > fi.kasvu.common.Require.MAX_ID) {
                errors.put("address", t.t("form.error.tooLong", fi.kasvu.common.Require.MAX_ID, link.length()));
            }
        }
        if (!errors.isEmpty()) {
            return page(422, Optional.of(programme), "", "assignment-" + assignmentId, form, errors);
        }
        Assignment changed = new Assignment(assignment.id(), assignment.kind(), assignment.title(),
                assignment.instructions(), due.get(), fulfilment);
        String phaseId = phase.get().id();
        PersonId by = call.session().person();
        return saved(programme, "assignment-" + assignmentId, form, service.change(call.session().tenant(),
                programme.id(), (p, at) -> p.putAssignment(by, phaseId, changed, at)));
    }

    Answer addMember(Programme programme) {
        Map<String, String> form = posted("member");
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, String> people = people();
        String person = form.getOrDefault("person", "");
        if (!people.containsKey(person)) {
            errors.put("person", t.t("member.error.person"));
        }
        ProgrammeRole role = null;
        try {
            role = ProgrammeRole.valueOf(form.getOrDefault("role", ""));
        } catch (IllegalArgumentException unknown) {
            errors.put("role", t.t("member.error.role"));
        }
        if (!errors.isEmpty()) {
            return page(422, Optional.of(programme), "", "member", form, errors);
        }
        Member member = new Member(PersonId.of(person), role);
        PersonId by = call.session().person();
        Result<Versioned<Programme>, ProgrammeProblem> result = service.change(call.session().tenant(), programme.id(),
                (p, at) -> p.addMember(by, member, at));
        if (!result.isAccepted()) {
            return page(422, Optional.of(programme), "", "member", form, Map.of("person",
                    messages(result.problems())));
        }
        return Answer.redirect(call.base() + "/manage?done=member");
    }

    /** The parameters of one item's form, their names without the form's prefix ({@code event-kick-off.day} → {@code day}). */
    private Map<String, String> posted(String formId) {
        Map<String, String> form = new LinkedHashMap<>();
        call.parameters().forEach((name, value) -> {
            if (name.startsWith(formId + ".")) {
                form.put(name.substring(formId.length() + 1), value);
            }
        });
        return form;
    }

    private Answer saved(Programme programme, String formId, Map<String, String> form,
                         Result<Versioned<Programme>, ProgrammeProblem> result) {
        if (result.isAccepted()) {
            return Answer.redirect(call.base() + "/manage?done=saved#" + formId);
        }
        return page(422, Optional.of(programme), "", formId, form, Map.of(formId.startsWith("event") ? "day" : "due",
                messages(result.problems())));
    }

    private String messages(List<ProgrammeProblem> problems) {
        return String.join(" ", problems.stream().map(p -> ProgrammeMessages.message(p, language)).toList());
    }

    /** Everyone known in the placement (opened it, or on the course's roster) who may be given a role: person id → name. */
    private Map<String, String> people() {
        Map<String, String> people = new LinkedHashMap<>();
        seen.listByContext(call.session().tenant(), call.session().contextId()).documents().forEach(p -> {
            if (!p.value().name().isBlank() || !people.containsKey(p.value().subject())) {
                people.put(p.value().subject(), p.value().name());
            }
        });
        ProgrammeActivity.addRoster(people, roster, call.session());
        return people;
    }

    private Answer page(int status, Optional<Programme> programme, String notice, String formId,
                        Map<String, String> form, Map<String, String> errors) {
        List<Views.Message> messages = new ArrayList<>();
        errors.forEach((field, message) -> messages.add(new Views.Message("#" + fieldId(formId, field), message)));
        Views.Frame frame = call.frame(t.t("manage.title"), "manage");
        List<ProgrammeViews.NavLink> nav = ProgrammeActivity.nav(call, "manage");
        if (programme.isEmpty()) {
            return Answer.page(status, "programme/manage.jte", new ProgrammeViews.ManageView(frame, nav, messages,
                    notice, false, "", createFields(form, errors), List.of(), List.of(), List.of(), List.of(),
                    List.of()));
        }
        Programme p = programme.get();
        List<String> toDecide = p.problems().stream().map(problem -> ProgrammeMessages.message(problem, language))
                .toList();
        List<ProgrammeViews.ItemForm> events = new ArrayList<>();
        for (ScheduledEvent event : p.events()) {
            String id = "event-" + event.id();
            Map<String, String> values = id.equals(formId) ? form : eventValues(p, event);
            Map<String, String> errs = id.equals(formId) ? errors : Map.of();
            events.add(new ProgrammeViews.ItemForm(id, ProgrammeMessages.eventKind(event.kind(), language) + ": "
                    + event.title().in(language), call.base() + "/event/" + event.id(),
                    eventFields(id, values, errs, event), problemsOf(p, event.id()), ""));
        }
        List<ProgrammeViews.ItemForm> assignments = new ArrayList<>();
        for (Assignment assignment : p.assignments()) {
            String id = "assignment-" + assignment.id();
            Map<String, String> values = id.equals(formId) ? form : assignmentValues(assignment);
            Map<String, String> errs = id.equals(formId) ? errors : Map.of();
            assignments.add(new ProgrammeViews.ItemForm(id, ProgrammeMessages.assignmentKind(assignment.kind(), language)
                    + ": " + assignment.title().in(language), call.base() + "/assignment/" + assignment.id(),
                    assignmentFields(id, values, errs, assignment), problemsOf(p, assignment.id()),
                    assignment.fulfilledBy() instanceof Fulfilment.Reflection ? t.t("assignment.code",
                            fi.kasvu.lms.activity.programme.ReflectionActivity.code(p.id(), assignment.id())) : ""));
        }
        Map<String, String> people = people();
        Map<PersonId, List<String>> roles = new LinkedHashMap<>();
        for (Member member : p.members()) {
            roles.computeIfAbsent(member.person(), k -> new ArrayList<>())
                    .add(ProgrammeMessages.role(member.role(), language));
        }
        List<ProgrammeViews.MemberRow> members = new ArrayList<>();
        int unnamed = 1;
        for (Map.Entry<PersonId, List<String>> entry : roles.entrySet()) {
            String name = people.getOrDefault(entry.getKey().value(), "");
            members.add(new ProgrammeViews.MemberRow(name.isBlank() ? t.t("manage.unnamed", unnamed++) : name,
                    String.join(", ", entry.getValue())));
        }
        Map<String, String> memberForm = "member".equals(formId) ? form : Map.of();
        Map<String, String> memberErrors = "member".equals(formId) ? errors : Map.of();
        List<Views.Choice> personChoices = new ArrayList<>();
        int unnamedChoice = 1;
        for (Map.Entry<String, String> person : people.entrySet()) {
            personChoices.add(new Views.Choice(person.getKey(), person.getValue().isBlank()
                    ? t.t("manage.unnamed", unnamedChoice++) : person.getValue(),
                    person.getKey().equals(memberForm.get("person")), ""));
        }
        List<Views.Choice> roleChoices = new ArrayList<>();
        for (ProgrammeRole role : ProgrammeRole.values()) {
            roleChoices.add(new Views.Choice(role.name(), ProgrammeMessages.role(role, language),
                    role.name().equals(memberForm.getOrDefault("role", "COACH")), ""));
        }
        List<Views.Field> memberFields = List.of(
                new Views.Field("member.person", t.t("member.person"), "", "", "select", 0, memberErrors.get("person"),
                        personChoices, false, false),
                new Views.Field("member.role", t.t("member.role"), "", "", "select", 0, memberErrors.get("role"),
                        roleChoices, false, false));
        return Answer.page(status, "programme/manage.jte", new ProgrammeViews.ManageView(frame, nav, messages, notice,
                true, p.title().in(language), List.of(), toDecide, events, assignments, members, memberFields));
    }

    private static String fieldId(String formId, String field) {
        return formId.isEmpty() || formId.equals("create") ? "f-" + field : "f-" + formId + "-" + field;
    }

    private List<String> problemsOf(Programme p, String itemId) {
        return p.problems().stream().filter(problem -> problem.arguments().containsValue(itemId)
                        || itemId.equals(problem.field()))
                .map(problem -> ProgrammeMessages.message(problem, language)).distinct().toList();
    }

    private List<Views.Field> createFields(Map<String, String> form, Map<String, String> errors) {
        String chosen = form.getOrDefault("template", ProgrammeTemplates.SUPERVISOR_COACHING.id());
        List<Views.Choice> templates = new ArrayList<>();
        for (ProgrammeTemplate template : ProgrammeTemplates.all()) {
            templates.add(new Views.Choice(template.id(), template.title().in(language) + " ("
                    + t.t("create.days", template.days()) + ")", template.id().equals(chosen),
                    template.description().in(language)));
        }
        LocalDate nextMonday = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/Helsinki")).plusDays(7)
                .with(java.time.temporal.TemporalAdjusters.nextOrSame(java.time.DayOfWeek.MONDAY));
        return List.of(
                new Views.Field("template", t.t("create.template"), "", chosen, "radio", 0, errors.get("template"),
                        templates, false, false),
                new Views.Field("starts", t.t("create.starts"), t.t("create.starts.hint"),
                        form.getOrDefault("starts", nextMonday.toString()), "date", 10, errors.get("starts"),
                        List.of(), false, false),
                new Views.Field("zone", t.t("create.zone"), t.t("create.zone.hint"),
                        form.getOrDefault("zone", "Europe/Helsinki"), "text", 60, errors.get("zone"), List.of(),
                        false, false));
    }

    private static Map<String, String> eventValues(Programme p, ScheduledEvent event) {
        Map<String, String> values = new LinkedHashMap<>();
        var starts = event.starts().atZone(p.zone());
        var ends = event.ends().atZone(p.zone());
        values.put("day", starts.toLocalDate().toString());
        values.put("from", starts.toLocalTime().toString());
        values.put("to", ends.toLocalTime().toString());
        values.put("speaker", event.speaker());
        if (event.venue() instanceof Venue.OnSite onSite) {
            values.put("venue", "onsite");
            values.put("place", onSite.place());
        } else if (event.venue() instanceof Venue.Online online) {
            values.put("venue", "online");
            values.put("link", online.link());
        } else if (event.venue() instanceof Venue.Hybrid hybrid) {
            values.put("venue", "hybrid");
            values.put("place", hybrid.place());
            values.put("link", hybrid.link());
        } else {
            values.put("venue", "tba");
        }
        return values;
    }

    private List<Views.Field> eventFields(String id, Map<String, String> v, Map<String, String> errors,
                                          ScheduledEvent event) {
        List<Views.Choice> venues = new ArrayList<>();
        for (String venue : VENUES) {
            venues.add(new Views.Choice(venue, t.t("event.venue." + venue), venue.equals(v.get("venue")), ""));
        }
        List<Views.Field> fields = new ArrayList<>(List.of(
                field(id, "day", t.t("event.day"), t.t("form.day.hint"), v, "date", 10, errors),
                field(id, "from", t.t("event.from"), t.t("form.time.hint"), v, "date", 5, errors),
                field(id, "to", t.t("event.to"), t.t("form.time.hint"), v, "date", 5, errors),
                new Views.Field(id + ".venue", t.t("event.venue"), "", v.getOrDefault("venue", "tba"), "select", 0,
                        errors.get("venue"), venues, false, false),
                field(id, "place", t.t("event.place"), "", v, "text", ProgrammeForms.MAX_SHORT, errors),
                field(id, "link", t.t("event.link"), t.t("event.link.hint"), v, "text", ProgrammeForms.MAX_LINK,
                        errors)));
        fields.add(field(id, "speaker", t.t("event.speaker"), "", v, "text", ProgrammeForms.MAX_SHORT, errors));
        return fields;
    }

    private static Map<String, String> assignmentValues(Assignment assignment) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("due", assignment.due().toString());
        if (assignment.fulfilledBy() instanceof Fulfilment.Activity activity && activity.activityId() != null) {
            values.put("address", activity.activityId());
        }
        return values;
    }

    private List<Views.Field> assignmentFields(String id, Map<String, String> v, Map<String, String> errors,
                                               Assignment assignment) {
        List<Views.Field> fields = new ArrayList<>();
        fields.add(field(id, "due", t.t("assignment.due"), t.t("form.day.hint"), v, "date", 10, errors));
        if (assignment.fulfilledBy() instanceof Fulfilment.Activity) {
            fields.add(field(id, "address", t.t("assignment.address"), t.t("assignment.address.hint"), v, "text",
                    fi.kasvu.common.Require.MAX_ID, errors));
        }
        return fields;
    }

    /** A field of one item's form: its name is plain (each item posts its own form), its id unique on the page. */
    private static Views.Field field(String formId, String name, String label, String hint, Map<String, String> values,
                                     String kind, int max, Map<String, String> errors) {
        return new Views.Field(formId + "." + name, label, hint, values.getOrDefault(name, ""), kind, max,
                errors.get(name), List.of(), false, false);
    }
}
