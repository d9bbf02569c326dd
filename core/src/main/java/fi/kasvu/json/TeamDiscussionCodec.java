package fi.kasvu.json;

import fi.kasvu.common.PersonId;
import fi.kasvu.survey.TeamDiscussion;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON format of a {@link TeamDiscussion}: kind {@code survey.discussion}, schema version 2;
 * the notes as three lists of the same length (items, texts and authors, "" for a note without a
 * recorded author). Version 1 had no authors.
 */
final class TeamDiscussionCodec implements Codec<TeamDiscussion> {

    @Override
    public Class<TeamDiscussion> type() {
        return TeamDiscussion.class;
    }

    @Override
    public String kind() {
        return "survey.discussion";
    }

    @Override
    public int schemaVersion() {
        return 2;
    }

    @Override
    public void write(TeamDiscussion d, JsonOut out) {
        out.string("id", d.id()).string("surveyId", d.surveyId()).number("round", d.round())
                .string("team", d.team()).strings("items", d.items())
                .strings("texts", d.items().stream().map(d::note).toList())
                .strings("authors", d.items().stream().map(item -> d.author(item).map(PersonId::value).orElse(""))
                        .toList());
    }

    @Override
    public TeamDiscussion read(JsonCursor in, int version) {
        in.allowOnly("kind", "schemaVersion", "id", "surveyId", "round", "team", "items", "texts", "authors");
        String id = in.string("id");
        String surveyId = in.string("surveyId");
        int round = in.integer("round");
        String team = in.string("team");
        List<String> items = in.strings("items");
        List<String> texts = in.strings("texts");
        List<String> authors = version >= 2 ? in.strings("authors") : List.of();
        boolean withAuthors = !authors.isEmpty();
        return in.build(() -> {
            if (items.size() != texts.size()) {
                throw new IllegalArgumentException("items and texts must be as many: " + items.size() + " and "
                        + texts.size());
            }
            if (withAuthors && authors.size() != items.size()) {
                throw new IllegalArgumentException("items and authors must be as many: " + items.size() + " and "
                        + authors.size());
            }
            Map<String, String> notes = new LinkedHashMap<>();
            Map<String, PersonId> written = new LinkedHashMap<>();
            for (int i = 0; i < items.size(); i++) {
                notes.put(items.get(i), texts.get(i));
                if (withAuthors && !authors.get(i).isEmpty()) {
                    written.put(items.get(i), PersonId.of(authors.get(i)));
                }
            }
            return new TeamDiscussion(id, surveyId, round, team, notes, written);
        });
    }
}
