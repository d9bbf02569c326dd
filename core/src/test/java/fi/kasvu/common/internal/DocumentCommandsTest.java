package fi.kasvu.common.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.kasvu.common.DocumentKind;
import fi.kasvu.common.DocumentRepository;
import fi.kasvu.common.ForwardingDocumentRepository;
import fi.kasvu.common.InMemoryDocumentRepository;
import fi.kasvu.common.Problem;
import fi.kasvu.common.Result;
import fi.kasvu.common.SaveResult;
import fi.kasvu.common.TenantId;
import fi.kasvu.common.Versioned;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DocumentCommandsTest {

    record Counter(String id, int count) {
    }

    record Oops(String code, String field) implements Problem {
    }

    private static final TenantId TENANT = TenantId.of("t");
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final DocumentKind<Counter> KIND = new DocumentKind<>("test.counter", Counter.class, Counter::id,
            c -> null, c -> null);

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final List<String> heard = new ArrayList<>();
    private final AtomicInteger interference = new AtomicInteger();
    private final DocumentRepository<Counter> store = InMemoryDocumentRepository.of(KIND, clock);

    /** A store where another writer saves first, {@code interference} times, just before each of our saves. */
    private final DocumentRepository<Counter> contested = new ForwardingDocumentRepository<>(KIND, store) {
        @Override
        public SaveResult<Counter> save(TenantId tenant, Versioned<Counter> document) {
            if (document.version() > 0 && interference.getAndDecrement() > 0) {
                Versioned<Counter> current = store.find(tenant, document.value().id()).orElseThrow();
                store.save(tenant, current.with(new Counter(current.value().id(), current.value().count() + 100)));
            }
            return super.save(tenant, document);
        }
    };

    private final DocumentCommands<Counter, Oops, String> commands = DocumentCommands.of(contested,
            (before, after, at) -> List.of((before == null ? "new " : "changed ") + after.count() + " at " + at),
            heard::add, clock);

    @Test
    void change_afterConflicts_reappliesTheCommandToTheNewerDocument() {
        commands.create(TENANT, at -> Result.accepted(new Counter("c", 1)));
        interference.set(3);

        Versioned<Counter> saved = commands.<Counter>change(TENANT, "c",
                (counter, at) -> Result.accepted(new Counter("c", counter.count() + 1))).orElseThrow();

        assertThat(saved.value().count()).isEqualTo(302);
        assertThat(heard).containsExactly("new 1 at " + NOW, "changed 302 at " + NOW);
    }

    @Test
    void change_whenEveryAttemptConflicts_savesNothingOfOursAndSaysSo() {
        commands.create(TENANT, at -> Result.accepted(new Counter("c", 1)));
        interference.set(DocumentCommands.ATTEMPTS);

        assertThatThrownBy(() -> commands.change(TENANT, "c", (counter, at) -> Result.accepted(new Counter("c", 0))))
                .isInstanceOf(ConcurrentModificationException.class)
                .hasMessageContaining("test.counter c was changed concurrently " + DocumentCommands.ATTEMPTS + " times");
        assertThat(store.find(TENANT, "c").orElseThrow().value().count()).isEqualTo(1 + 100 * DocumentCommands.ATTEMPTS);
        assertThat(heard).containsExactly("new 1 at " + NOW);
    }

    @Test
    void change_rejected_savesAndPublishesNothing() {
        commands.create(TENANT, at -> Result.accepted(new Counter("c", 1)));

        Result<Versioned<Counter>, Oops> result = commands.change(TENANT, "c",
                (counter, at) -> Result.rejected(new Oops("counter.tooBig", "count")));

        assertThat(result.problems()).containsExactly(new Oops("counter.tooBig", "count"));
        assertThat(store.find(TENANT, "c").orElseThrow().version()).isEqualTo(1);
        assertThat(heard).hasSize(1);
    }

    @Test
    void change_ofAMissingDocumentOrTheId_isAProgrammingError() {
        commands.create(TENANT, at -> Result.accepted(new Counter("c", 1)));

        assertThatThrownBy(() -> commands.change(TENANT, "nope", (c, at) -> Result.accepted(c)))
                .isInstanceOf(NoSuchElementException.class).hasMessage("no test.counter with id: nope");
        assertThatThrownBy(() -> commands.change(TENANT, "c", (c, at) -> Result.accepted(new Counter("d", 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not alter the test.counter id: d");
    }

    @Test
    void create_withATakenId_failsLoudly() {
        commands.create(TENANT, at -> Result.accepted(new Counter("c", 1)));

        assertThatThrownBy(() -> commands.create(TENANT, at -> Result.accepted(new Counter("c", 2))))
                .isInstanceOf(IllegalStateException.class).hasMessage("test.counter id already taken: c");
    }
}
