package fi.kasvu.library;

import static fi.kasvu.library.LibraryFixtures.AT;
import static fi.kasvu.library.LibraryFixtures.AUTHOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.kasvu.common.Language;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LibraryTest {

    static Stream<Arguments> visibility() {
        return Stream.of(
                Arguments.of(Visibility.TEAM, LibraryFixtures.colleague(), true),
                Arguments.of(Visibility.TEAM, LibraryFixtures.otherTeam(), false),
                Arguments.of(Visibility.TEAM, LibraryFixtures.otherOrganisation(), false),
                Arguments.of(Visibility.ORGANISATION, LibraryFixtures.colleague(), true),
                Arguments.of(Visibility.ORGANISATION, LibraryFixtures.otherTeam(), true),
                Arguments.of(Visibility.ORGANISATION, LibraryFixtures.otherOrganisation(), false),
                Arguments.of(Visibility.EVERYONE, LibraryFixtures.otherOrganisation(), true));
    }

    @ParameterizedTest
    @MethodSource("visibility")
    void readers_see_what_the_visibility_allows(Visibility visibility, Reader reader, boolean visible) {
        LibraryEntry entry = LibraryFixtures.entry("e", LibraryEntry.Kind.INSIGHT, visibility, true, "T", Set.of(), AT);

        assertThat(entry.visibleTo(reader)).isEqualTo(visible);
        assertThat(Library.search(List.of(entry), reader, LibraryQuery.everything())).hasSize(visible ? 1 : 0);
    }

    @Test
    void the_author_always_sees_their_own_entry_and_name() {
        LibraryEntry entry = LibraryFixtures.entry("e", LibraryEntry.Kind.INSIGHT, Visibility.TEAM, false, "T", Set.of(), AT);
        Reader author = new Reader(AUTHOR, "elsewhere", Set.of());

        assertThat(entry.visibleTo(author)).isTrue();
        assertThat(entry.viewFor(author).author()).contains(AUTHOR);
    }

    @Test
    void a_hidden_author_is_left_out_of_what_others_see() {
        LibraryEntry hidden = LibraryFixtures.entry("e", LibraryEntry.Kind.INSIGHT, Visibility.EVERYONE, false, "T", Set.of(), AT);
        LibraryEntry shown = LibraryFixtures.entry("f", LibraryEntry.Kind.INSIGHT, Visibility.EVERYONE, true, "T", Set.of(), AT);

        assertThat(hidden.viewFor(LibraryFixtures.colleague()).author()).isEmpty();
        assertThat(hidden.viewFor(LibraryFixtures.colleague()).toString()).doesNotContain(AUTHOR.value());
        assertThat(shown.viewFor(LibraryFixtures.colleague()).author()).contains(AUTHOR);
    }

    @Test
    void search_by_tag_needs_every_tag_and_normalises_them() {
        List<LibraryEntry> entries = List.of(LibraryFixtures.caseExample(), LibraryFixtures.insight());
        Reader reader = new Reader(AUTHOR, "um", Set.of());

        assertThat(Library.search(entries, reader, LibraryQuery.tagged(" POLIISI ")))
                .extracting(EntryView::id).containsExactly("case-1");
        assertThat(Library.search(entries, reader, LibraryQuery.tagged("Hybrid Work", "dialogue")))
                .extracting(EntryView::id).containsExactly("ins-1");
        assertThat(Library.search(entries, reader, LibraryQuery.tagged("poliisi", "dialogue"))).isEmpty();
    }

    @Test
    void search_by_text_finds_every_word_in_title_summary_body_or_tags_ignoring_case() {
        List<LibraryEntry> entries = List.of(LibraryFixtures.caseExample(), LibraryFixtures.insight());
        Reader reader = new Reader(AUTHOR, "um", Set.of());

        assertThat(Library.search(entries, reader, LibraryQuery.text("HYBRID calmer"))).extracting(EntryView::id)
                .containsExactly("ins-1");
        assertThat(Library.search(entries, reader, LibraryQuery.text("sisä-suomen"))).extracting(EntryView::id)
                .containsExactly("case-1");
        assertThat(Library.search(entries, reader, LibraryQuery.text("hybrid poliisi"))).isEmpty();
    }

    @Test
    void search_filters_by_kind_and_lists_newest_first() {
        List<LibraryEntry> entries = List.of(LibraryFixtures.caseExample(), LibraryFixtures.insight());
        Reader reader = new Reader(AUTHOR, "um", Set.of());

        assertThat(Library.search(entries, reader, LibraryQuery.everything())).extracting(EntryView::id)
                .containsExactly("ins-1", "case-1");
        assertThat(Library.search(entries, reader, new LibraryQuery(Set.of(), "", Set.of(LibraryEntry.Kind.CASE_EXAMPLE))))
                .extracting(EntryView::id).containsExactly("case-1");
    }

    @Test
    void a_team_only_entry_needs_a_team() {
        assertThatThrownBy(() -> new LibraryEntry("e", LibraryEntry.Kind.INSIGHT, Language.FI, "T", "", "", Set.of(),
                "o", null, Visibility.TEAM, AUTHOR, true, AT, null))
                .hasMessage("team must be given for visibility TEAM: null");
    }

    @Test
    void an_experiment_entry_needs_its_experiment() {
        assertThatThrownBy(() -> new LibraryEntry("e", LibraryEntry.Kind.EXPERIMENT, Language.FI, "T", "", "", Set.of(),
                "o", null, Visibility.EVERYONE, AUTHOR, true, AT, null))
                .hasMessage("sourceExperimentId must be given for an EXPERIMENT entry: null");
    }

    @Test
    void a_blank_tag_is_rejected_naming_it() {
        assertThatThrownBy(() -> LibraryEntry.normaliseTag("  ")).hasMessage("tag must not be blank: \"  \"");
    }
}
