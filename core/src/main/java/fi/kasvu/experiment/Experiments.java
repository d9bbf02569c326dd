package fi.kasvu.experiment;

import fi.kasvu.common.DocumentKind;
import fi.kasvu.common.DocumentRepository;
import fi.kasvu.common.ForwardingDocumentRepository;
import fi.kasvu.common.InMemoryDocumentRepository;
import fi.kasvu.common.TenantId;
import java.time.Clock;

/** Where experiments are stored: listed by team (the context); they have no single owner. */
public interface Experiments extends DocumentRepository<Experiment> {

    /** The document kind of experiments, equal to the JSON format's {@code kind}. */
    DocumentKind<Experiment> KIND = new DocumentKind<>("experiment", Experiment.class,
            Experiment::id, experiment -> null, Experiment::team);

    /** Every experiment of a team, newest change first. */
    default Listing<Experiment> ofTeam(TenantId tenant, String team) {
        return listByContext(tenant, team);
    }

    /** Experiments kept in memory, for tests, examples and systems with storage of their own. */
    static Experiments inMemory(Clock clock) {
        return over(InMemoryDocumentRepository.of(KIND, clock));
    }

    /**
     * This port over any repository of the kind (a JDBC store, say).
     *
     * @throws IllegalArgumentException if the repository holds another kind
     */
    static Experiments over(DocumentRepository<Experiment> repository) {
        final class Forwarding extends ForwardingDocumentRepository<Experiment> implements Experiments {
            Forwarding() {
                super(KIND, repository);
            }
        }
        return new Forwarding();
    }
}
