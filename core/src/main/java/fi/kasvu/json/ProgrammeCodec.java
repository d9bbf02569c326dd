package fi.kasvu.json;

import fi.kasvu.programme.ActivityKind;
import fi.kasvu.programme.Assignment;
import fi.kasvu.programme.AssignmentKind;
import fi.kasvu.programme.Coaching;
import fi.kasvu.programme.EventKind;
import fi.kasvu.programme.Fulfilment;
import fi.kasvu.programme.Member;
import fi.kasvu.programme.Phase;
import fi.kasvu.programme.Programme;
import fi.kasvu.programme.ProgrammeRole;
import fi.kasvu.programme.ScheduledEvent;
import fi.kasvu.programme.Venue;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** The JSON format of a {@link Programme}: kind {@code programme}, schema version 1. */
final class ProgrammeCodec implements Codec<Programme> {

    private enum VenueType { ON_SITE, ONLINE, HYBRID, TO_BE_ANNOUNCED }

    private enum FulfilmentType { REFLECTION, ACTIVITY }

    @Override
    public Class<Programme> type() {
        return Programme.class;
    }

    @Override
    public String kind() {
        return "programme";
    }

    @Override
    public int schemaVersion() {
        return 1;
    }

    @Override
    public void write(Programme p, JsonOut out) {
        out.string("id", p.id())
                .string("context", p.context())
                .object("title", p.title(), CodecParts::writeLocalized)
                .date("starts", p.starts())
                .date("ends", p.ends())
                .string("zone", p.zone().getId())
                .objects("phases", p.phases(), ProgrammeCodec::writePhase)
                .objects("members", p.members(), (m, o) -> o.string("person", m.person().value()).enumValue("role", m.role()))
                .instant("created", p.created())
                .instant("updated", p.updated())
                .objects("coaching", p.coaching(), (c, o) -> o.string("participant", c.participant().value())
                        .string("coach", c.coach().value()));
    }

    private static void writePhase(Phase phase, JsonOut out) {
        out.string("id", phase.id())
                .object("title", phase.title(), CodecParts::writeLocalized)
                .date("starts", phase.starts())
                .date("ends", phase.ends())
                .objects("events", phase.events(), (e, o) -> o.string("id", e.id())
                        .enumValue("kind", e.kind())
                        .object("title", e.title(), CodecParts::writeLocalized)
                        .instant("starts", e.starts())
                        .instant("ends", e.ends())
                        .object("venue", e.venue(), ProgrammeCodec::writeVenue)
                        .string("speaker", e.speaker()))
                .objects("assignments", phase.assignments(), (a, o) -> o.string("id", a.id())
                        .enumValue("kind", a.kind())
                        .object("title", a.title(), CodecParts::writeLocalized)
                        .object("instructions", a.instructions(), CodecParts::writeLocalized)
                        .date("due", a.due())
                        .object("fulfilledBy", a.fulfilledBy(), (f, fo) -> {
                            if (f instanceof Fulfilment.Activity activity) {
                                fo.enumValue("type", FulfilmentType.ACTIVITY).enumValue("activityKind", activity.kind())
                                        .string("activityId", activity.activityId());
                            } else {
                                fo.enumValue("type", FulfilmentType.REFLECTION);
                            }
                        }));
    }

    private static void writeVenue(Venue venue, JsonOut out) {
        if (venue instanceof Venue.OnSite onSite) {
            out.enumValue("type", VenueType.ON_SITE).string("place", onSite.place());
        } else if (venue instanceof Venue.Online online) {
            out.enumValue("type", VenueType.ONLINE).string("link", online.link());
        } else if (venue instanceof Venue.Hybrid hybrid) {
            out.enumValue("type", VenueType.HYBRID).string("place", hybrid.place()).string("link", hybrid.link());
        } else {
            out.enumValue("type", VenueType.TO_BE_ANNOUNCED);
        }
    }

    @Override
    public Programme read(JsonCursor in, int version) {
        in.allowOnly("kind", "schemaVersion", "id", "context", "title", "starts", "ends", "zone", "phases", "members",
                "created", "updated", "coaching");
        String id = in.string("id");
        String context = in.optionalString("context");
        var title = in.object("title", CodecParts::readLocalized);
        var starts = in.date("starts");
        var ends = in.date("ends");
        String zoneId = in.string("zone");
        ZoneId zone;
        try {
            zone = ZoneId.of(zoneId);
        } catch (DateTimeException e) {
            throw in.error("zone", "expected a time zone such as Europe/Helsinki but found \"" + JsonCursor.clip(zoneId) + "\"");
        }
        List<Phase> phases = in.objects("phases", ProgrammeCodec::readPhase);
        List<Member> members = in.objects("members", m -> {
            m.allowOnly("person", "role");
            var person = CodecParts.person(m, "person");
            return new Member(person, m.enumValue("role", ProgrammeRole.class));
        });
        Instant created = in.instant("created");
        Instant updated = in.instant("updated");
        // Absent in documents written before participants had coaches of their own.
        List<Coaching> coaching = in.objects("coaching", c -> {
            c.allowOnly("participant", "coach");
            var participant = CodecParts.person(c, "participant");
            var coach = CodecParts.person(c, "coach");
            return c.build(() -> new Coaching(participant, coach));
        });
        ZoneId chosen = zone;
        return in.build(() -> new Programme(id, context, title, starts, ends, chosen, phases, members, created, updated,
                coaching));
    }

    private static Phase readPhase(JsonCursor in) {
        in.allowOnly("id", "title", "starts", "ends", "events", "assignments");
        String id = in.string("id");
        var title = in.object("title", CodecParts::readLocalized);
        var starts = in.date("starts");
        var ends = in.date("ends");
        List<ScheduledEvent> events = in.objects("events", e -> {
            e.allowOnly("id", "kind", "title", "starts", "ends", "venue", "speaker");
            String eventId = e.string("id");
            EventKind kind = e.enumValue("kind", EventKind.class);
            var eventTitle = e.object("title", CodecParts::readLocalized);
            Instant eventStarts = e.instant("starts");
            Instant eventEnds = e.instant("ends");
            Venue venue = e.object("venue", ProgrammeCodec::readVenue);
            return e.build(() -> new ScheduledEvent(eventId, kind, eventTitle, eventStarts, eventEnds, venue,
                    e.text("speaker")));
        });
        List<Assignment> assignments = in.objects("assignments", a -> {
            a.allowOnly("id", "kind", "title", "instructions", "due", "fulfilledBy");
            String assignmentId = a.string("id");
            AssignmentKind kind = a.enumValue("kind", AssignmentKind.class);
            var assignmentTitle = a.object("title", CodecParts::readLocalized);
            var instructions = a.optionalObject("instructions", CodecParts::readLocalized);
            var due = a.date("due");
            Fulfilment fulfilment = a.object("fulfilledBy", f -> switch (f.enumValue("type", FulfilmentType.class)) {
                case REFLECTION -> {
                    f.allowOnly("type");
                    yield new Fulfilment.Reflection();
                }
                case ACTIVITY -> {
                    f.allowOnly("type", "activityKind", "activityId");
                    ActivityKind activityKind = f.enumValue("activityKind", ActivityKind.class);
                    String activityId = f.optionalString("activityId");
                    yield f.build(() -> new Fulfilment.Activity(activityKind, activityId));
                }
            });
            return a.build(() -> new Assignment(assignmentId, kind, assignmentTitle, instructions, due, fulfilment));
        });
        return in.build(() -> new Phase(id, title, starts, ends, events, assignments));
    }

    private static Venue readVenue(JsonCursor in) {
        return switch (in.enumValue("type", VenueType.class)) {
            case ON_SITE -> {
                in.allowOnly("type", "place");
                String place = in.string("place");
                yield in.buildAt("place", () -> new Venue.OnSite(place));
            }
            case ONLINE -> {
                in.allowOnly("type", "link");
                String link = in.string("link");
                yield in.buildAt("link", () -> new Venue.Online(link));
            }
            case HYBRID -> {
                in.allowOnly("type", "place", "link");
                String place = in.string("place");
                String link = in.string("link");
                yield in.build(() -> new Venue.Hybrid(place, link));
            }
            case TO_BE_ANNOUNCED -> {
                in.allowOnly("type");
                yield new Venue.ToBeAnnounced();
            }
        };
    }
}
