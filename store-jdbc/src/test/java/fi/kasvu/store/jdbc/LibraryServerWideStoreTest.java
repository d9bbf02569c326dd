package fi.kasvu.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.TenantId;
import fi.kasvu.common.Versioned;
import fi.kasvu.json.KasvuJson;
import fi.kasvu.library.LibraryEntries;
import fi.kasvu.library.LibraryEntry;
import fi.kasvu.library.Visibility;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The library port's one read across tenants ({@link LibraryEntries#sharedServerWide()}), the same
 * contract in memory, on H2 and on PostgreSQL: it returns the entries every tenant shared with
 * every organisation on the server, and nothing else of any tenant: not an organisation's or a
 * team's entry, not an entry that names the server-wide organisation without being shared with
 * everyone. Each tenant's own listings stay its own.
 */
class LibraryServerWideStoreTest extends DatabaseTestSupport {

    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    static final TenantId A = TenantId.of("agency-a");
    static final TenantId B = TenantId.of("agency-b");

    static LibraryEntry entry(String id, String organisation, String team, Visibility visibility) {
        return new LibraryEntry(id, LibraryEntry.Kind.INSIGHT, Language.FI, "Otsikko " + id, "Tiivistelmä " + id, "",
                Set.of("dialogi"), organisation, team, visibility, PersonId.of("author-" + id), false, NOW, null);
    }

    static void contract(LibraryEntries entries) {
        entries.save(A, Versioned.unsaved(entry("a-org", "tenant", null, Visibility.ORGANISATION))).orElseThrow();
        entries.save(A, Versioned.unsaved(entry("a-team", "tenant", "team-1", Visibility.TEAM))).orElseThrow();
        entries.save(A, Versioned.unsaved(entry("a-all", LibraryEntries.SERVER_WIDE, null, Visibility.EVERYONE)))
                .orElseThrow();
        // Shared with everyone but under the tenant's own organisation: not server-wide.
        entries.save(A, Versioned.unsaved(entry("a-everyone-own", "tenant", null, Visibility.EVERYONE))).orElseThrow();
        // Under the server-wide organisation but for the organisation only: never read across tenants.
        entries.save(A, Versioned.unsaved(entry("a-org-in-wide", LibraryEntries.SERVER_WIDE, null,
                Visibility.ORGANISATION))).orElseThrow();
        entries.save(A, Versioned.unsaved(entry("a-team-in-wide", LibraryEntries.SERVER_WIDE, "team-1",
                Visibility.TEAM))).orElseThrow();
        entries.save(B, Versioned.unsaved(entry("b-org", "tenant", null, Visibility.ORGANISATION))).orElseThrow();
        entries.save(B, Versioned.unsaved(entry("b-all", LibraryEntries.SERVER_WIDE, null, Visibility.EVERYONE)))
                .orElseThrow();

        assertThat(entries.sharedServerWide().documents()).extracting(v -> v.value().id())
                .containsExactlyInAnyOrder("a-all", "b-all");
        assertThat(entries.sharedServerWide().unreadable()).isEmpty();
        assertThat(entries.listByContext(B, "tenant").documents()).extracting(v -> v.value().id())
                .containsExactly("b-org");
        assertThat(entries.listByContext(A, "tenant").documents()).extracting(v -> v.value().id())
                .containsExactlyInAnyOrder("a-org", "a-team", "a-everyone-own");
        assertThat(entries.listByContext(B, LibraryEntries.SERVER_WIDE).documents()).extracting(v -> v.value().id())
                .containsExactly("b-all");
        assertThat(entries.find(B, "a-org")).isEmpty();
        assertThat(entries.find(B, "a-all")).as("read across tenants only through sharedServerWide").isEmpty();
        assertThatThrownBy(() -> entries.listByContext(null, "tenant")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> entries.listByOwner(null, PersonId.of("author-a-org")))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void inMemory() {
        contract(LibraryEntries.inMemory(Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    @EveryDialect
    void onTheDatabase(Dialect dialect) {
        contract(KasvuRepositories.of(open(dialect), KasvuJson.create(), Clock.fixed(NOW, ZoneOffset.UTC))
                .libraryEntries());
    }

    @Test
    void aPortOverAStoreThatCannotReadAcrossTenants_sharesNothing() {
        LibraryEntries entries = LibraryEntries.over(fi.kasvu.common.InMemoryDocumentRepository.of(LibraryEntries.KIND,
                Clock.fixed(NOW, ZoneOffset.UTC)));
        entries.save(A, Versioned.unsaved(entry("a-all", LibraryEntries.SERVER_WIDE, null, Visibility.EVERYONE)))
                .orElseThrow();
        assertThat(entries.sharedServerWide().documents()).isEmpty();
    }
}
