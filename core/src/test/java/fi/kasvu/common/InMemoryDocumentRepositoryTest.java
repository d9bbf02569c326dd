package fi.kasvu.common;

import java.time.Clock;

/** The in-memory repository against the shared repository contract. */
class InMemoryDocumentRepositoryTest extends DocumentRepositoryContract {

    @Override
    protected DocumentRepository<Note> repository(DocumentKind<Note> kind, Clock clock) {
        return InMemoryDocumentRepository.of(kind, clock);
    }
}
