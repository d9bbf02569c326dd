package fi.kasvu.store.jdbc;

import fi.kasvu.common.DocumentKind;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.PersonalData;
import fi.kasvu.common.Require;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A group-level test aggregate, like a peer group: members, and entries that are shared with the
 * group or private to their author. Erasing a member anonymises it; it is never deleted.
 */
record Circle(String id, String context, List<PersonId> members, List<Entry> entries) {

    static final PersonId ANONYMOUS = PersonId.of("anonymous");

    static final DocumentKind<Circle> KIND = new DocumentKind<>("test.circle", Circle.class, Circle::id,
            circle -> null, Circle::context);

    record Entry(PersonId author, boolean confidential, String text) {
    }

    Circle {
        members = Require.list("members", members);
        entries = Require.list("entries", entries);
    }

    /** Members and authors; private entries of others are left out of a member's export, erased ones go. */
    static final PersonalData<Circle> POLICY = new PersonalData<>() {
        @Override
        public Set<PersonId> persons(Circle circle) {
            Set<PersonId> persons = new LinkedHashSet<>(circle.members());
            circle.entries().forEach(entry -> persons.add(entry.author()));
            return persons;
        }

        @Override
        public Optional<Circle> exportView(Circle circle, PersonId person) {
            if (!circle.members().contains(person)) {
                return Optional.empty(); // an author who left: named, not shown
            }
            return Optional.of(new Circle(circle.id(), circle.context(), circle.members(), circle.entries().stream()
                    .filter(entry -> !entry.confidential() || entry.author().equals(person)).toList()));
        }

        @Override
        public Erasure<Circle> erase(Circle circle, PersonId person) {
            List<Entry> kept = circle.entries().stream()
                    .filter(entry -> !(entry.confidential() && entry.author().equals(person)))
                    .map(entry -> entry.author().equals(person) ? new Entry(ANONYMOUS, false, entry.text()) : entry)
                    .toList();
            List<PersonId> members = circle.members().stream()
                    .map(member -> member.equals(person) ? ANONYMOUS : member).toList();
            return Erasure.replaceWith(new Circle(circle.id(), circle.context(), members, kept));
        }
    };

    static final DocumentCodec<Circle> CODEC = new DocumentCodec<>() {
        @Override
        public String write(Circle circle) {
            JsonArrayBuilder members = Json.createArrayBuilder();
            circle.members().forEach(member -> members.add(member.value()));
            JsonArrayBuilder entries = Json.createArrayBuilder();
            circle.entries().forEach(entry -> entries.add(Json.createObjectBuilder().add("author", entry.author().value())
                    .add("confidential", entry.confidential()).add("text", entry.text())));
            return Json.createObjectBuilder().add("kind", "test.circle").add("schemaVersion", 1).add("id", circle.id())
                    .add("context", circle.context()).add("members", members).add("entries", entries).build().toString();
        }

        @Override
        public Circle read(String json) {
            try (JsonReader reader = Json.createReader(new StringReader(json))) {
                JsonObject in = reader.readObject();
                return new Circle(in.getString("id"), in.getString("context"),
                        in.getJsonArray("members").getValuesAs(JsonValue::toString).stream()
                                .map(text -> PersonId.of(text.substring(1, text.length() - 1))).toList(),
                        in.getJsonArray("entries").getValuesAs(JsonObject.class).stream()
                                .map(entry -> new Entry(PersonId.of(entry.getString("author")),
                                        entry.getBoolean("confidential"), entry.getString("text"))).toList());
            }
        }
    };

    static Circle of(String id, PersonId... members) {
        return new Circle(id, "course-1", Stream.of(members).toList(), List.of());
    }

    Circle with(Entry entry) {
        return new Circle(id, context, members, Stream.concat(entries.stream(), Stream.of(entry)).toList());
    }
}
