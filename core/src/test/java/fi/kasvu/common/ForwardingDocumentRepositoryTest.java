package fi.kasvu.common;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import org.junit.jupiter.api.Test;

/** A forwarding repository keeps the whole repository contract, and refuses a repository of another kind. */
class ForwardingDocumentRepositoryTest extends DocumentRepositoryContract {

    @Override
    protected DocumentRepository<Note> repository(DocumentKind<Note> kind, Clock clock) {
        return new ForwardingDocumentRepository<>(kind, InMemoryDocumentRepository.of(kind, clock)) {
        };
    }

    @Test
    void constructor_repositoryOfAnotherKind_isRefusedNamingBoth() {
        DocumentKind<Note> expected = newNoteKind();
        DocumentKind<Note> other = newNoteKind();
        DocumentRepository<Note> wrong = InMemoryDocumentRepository.of(other, Clock.systemUTC());

        assertThatThrownBy(() -> new ForwardingDocumentRepository<>(expected, wrong) {
        })
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("repository must hold " + expected.name() + ": " + other.name());
    }
}
