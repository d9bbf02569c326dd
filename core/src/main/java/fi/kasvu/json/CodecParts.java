package fi.kasvu.json;

import fi.kasvu.common.Language;
import fi.kasvu.common.LocalizedText;
import fi.kasvu.common.PersonId;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Pieces several codecs share: localized texts as {@code {"fi":…,"sv":…,"en":…}}, person ids and sets of them. */
final class CodecParts {

    private CodecParts() {
    }

    static void writeLocalized(LocalizedText text, JsonOut out) {
        for (Language language : Language.values()) {
            if (text.has(language)) {
                out.string(language.code(), text.in(language));
            }
        }
    }

    static LocalizedText readLocalized(JsonCursor in) {
        in.allowOnly("fi", "sv", "en");
        Map<Language, String> texts = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            String text = in.optionalString(language.code());
            if (text != null) {
                texts.put(language, text);
            }
        }
        return in.build(() -> new LocalizedText(texts));
    }

    static PersonId person(JsonCursor in, String name) {
        String value = in.string(name);
        return in.buildAt(name, () -> PersonId.of(value));
    }

    static PersonId optionalPerson(JsonCursor in, String name) {
        return in.has(name) ? person(in, name) : null;
    }

    /** Person ids sorted, so that the same set always writes the same text. */
    static List<String> sortedIds(Collection<PersonId> people) {
        return List.copyOf(new TreeSet<>(people.stream().map(PersonId::value).toList()));
    }

    static Set<PersonId> people(JsonCursor in, String name) {
        List<String> values = in.strings(name);
        java.util.Set<PersonId> people = new java.util.HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            people.add(in.buildAt(name + "[" + i + "]", () -> PersonId.of(value)));
        }
        return people;
    }
}
