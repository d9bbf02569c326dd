package fi.kasvu.lms.moodle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.UniqueElements;

/** The form encoding survives any text: what PHP decodes is what was added, in order. */
class FormBodyProperties {

    @Property
    void anyKeysAndValues_decodeToWhatWasAdded(
            @ForAll @Size(max = 8) @UniqueElements List<@StringLength(min = 1, max = 20) String> keys,
            @ForAll @StringLength(max = 40) String value) {
        Map<String, String> fields = new LinkedHashMap<>();
        FormBody body = new FormBody();
        for (String key : keys) {
            String v = key + value;
            fields.put(key, v);
            body.add(key, v);
        }

        Map<String, String> decoded = MoodleFixtures.decodeForm(body.encode(List.of()));

        assertThat(decoded).containsExactlyEntriesOf(fields);
        assertThat(body.size()).isEqualTo(keys.size());
    }

    @Property
    void booleansAreOneOrZero_andIntegersArePlainDigits(@ForAll boolean flag, @ForAll long number) {
        FormBody body = new FormBody().add("flag", flag).add("number", number).optional("absent", (Long) null)
                .optional("empty", "");

        Map<String, String> decoded = MoodleFixtures.decodeForm(body.encode(List.of()));

        assertThat(decoded).containsExactly(Map.entry("flag", flag ? "1" : "0"),
                Map.entry("number", Long.toString(number)), Map.entry("empty", ""));
    }

    @Property
    void listsUseIndexedBrackets(@ForAll @Size(max = 10) List<Long> ids) {
        Map<String, String> decoded = MoodleFixtures.decodeForm(new FormBody().longs("groupids", ids).encode(List.of()));

        assertThat(decoded).hasSize(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            assertThat(decoded).containsEntry("groupids[" + i + "]", Long.toString(ids.get(i)));
        }
    }
}
