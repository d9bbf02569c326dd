package fi.kasvu.json;

import fi.kasvu.common.Language;
import fi.kasvu.library.LibraryEntry;
import fi.kasvu.library.Visibility;
import java.time.Instant;
import java.util.List;

/** The JSON format of a {@link LibraryEntry}: kind {@code library.entry}, schema version 1. */
final class LibraryEntryCodec implements Codec<LibraryEntry> {

    @Override
    public Class<LibraryEntry> type() {
        return LibraryEntry.class;
    }

    @Override
    public String kind() {
        return "library.entry";
    }

    @Override
    public int schemaVersion() {
        return 1;
    }

    @Override
    public void write(LibraryEntry e, JsonOut out) {
        out.string("id", e.id())
                .enumValue("type", e.kind())
                .string("language", e.language().code())
                .string("title", e.title())
                .string("summary", e.summary())
                .string("body", e.body())
                .strings("tags", List.copyOf(e.tags()))
                .string("organisation", e.organisation())
                .string("team", e.team())
                .enumValue("visibility", e.visibility())
                .string("author", e.author().value())
                .bool("authorShown", e.authorShown())
                .instant("published", e.published())
                .string("sourceExperimentId", e.sourceExperimentId());
    }

    @Override
    public LibraryEntry read(JsonCursor in, int version) {
        in.allowOnly("kind", "schemaVersion", "id", "type", "language", "title", "summary", "body", "tags",
                "organisation", "team", "visibility", "author", "authorShown", "published", "sourceExperimentId");
        String id = in.string("id");
        LibraryEntry.Kind kind = in.enumValue("type", LibraryEntry.Kind.class);
        String code = in.string("language");
        Language language = in.buildAt("language", () -> Language.ofCode(code));
        String title = in.string("title");
        List<String> tags = in.strings("tags");
        for (int i = 0; i < tags.size(); i++) {
            String tag = tags.get(i);
            in.buildAt("tags[" + i + "]", () -> LibraryEntry.normaliseTag(tag));
        }
        String organisation = in.string("organisation");
        String team = in.optionalString("team");
        Visibility visibility = in.enumValue("visibility", Visibility.class);
        var author = CodecParts.person(in, "author");
        boolean authorShown = in.bool("authorShown");
        Instant published = in.instant("published");
        String source = in.optionalString("sourceExperimentId");
        return in.build(() -> new LibraryEntry(id, kind, language, title, in.text("summary"), in.text("body"),
                java.util.Set.copyOf(tags), organisation, team, visibility, author, authorShown, published, source));
    }
}
