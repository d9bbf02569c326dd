package fi.kasvu.session;

import fi.kasvu.common.DocumentKind;
import fi.kasvu.common.DocumentRepository;
import fi.kasvu.common.ForwardingDocumentRepository;
import fi.kasvu.common.InMemoryDocumentRepository;
import fi.kasvu.common.Require;
import fi.kasvu.common.TenantId;
import fi.kasvu.common.Versioned;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Which Kasvu placements belong to which platform course, per tenant (platform registration):
 * recorded at launch, so that a programme can read the documents of the activities placed
 * separately in its course. Documents are listed by course key ({@link CoursePlacement#courseKey}).
 * A placement names no person, so the kind is not part of personal-data export or erasure.
 */
public interface CoursePlacements extends DocumentRepository<CoursePlacement> {

    /** The document kind {@code session.course-placement}: no owner, listed by course. */
    DocumentKind<CoursePlacement> KIND = new DocumentKind<>("session.course-placement", CoursePlacement.class,
            CoursePlacement::context, placement -> null, CoursePlacement::course);

    /**
     * Records that the placement is in the course, writing only when it is new (or moved to
     * another course or kind): a repeat launch reads one document and writes nothing. A
     * concurrent first launch that saved it already is not an error.
     *
     * @return true if it wrote
     */
    default boolean record(TenantId tenant, CoursePlacement placement) {
        Require.nonNull("tenant", tenant);
        Require.nonNull("placement", placement);
        Optional<Versioned<CoursePlacement>> stored = find(tenant, placement.context());
        if (stored.isPresent() && stored.get().value().equals(placement)) {
            return false;
        }
        Versioned<CoursePlacement> changed = stored.map(s -> s.with(placement)).orElseGet(() -> Versioned.unsaved(placement));
        return save(tenant, changed).isSaved();
    }

    /** The course a placement was recorded in, if it was. */
    default Optional<String> courseOf(TenantId tenant, String context) {
        return find(tenant, context).map(stored -> stored.value().course());
    }

    /** Every placement recorded in the course (by course key) of the tenant. */
    default List<CoursePlacement> inCourse(TenantId tenant, String courseKey) {
        return listByContext(tenant, courseKey).documents().stream().map(Versioned::value)
                .filter(p -> p.course().equals(courseKey)).toList();
    }

    /** Course placements in memory, for tests and embedding. */
    static CoursePlacements inMemory(Clock clock) {
        return over(InMemoryDocumentRepository.of(KIND, clock));
    }

    /**
     * This port over any repository of the kind.
     *
     * @throws IllegalArgumentException if the repository holds another kind
     */
    static CoursePlacements over(DocumentRepository<CoursePlacement> repository) {
        final class Forwarding extends ForwardingDocumentRepository<CoursePlacement> implements CoursePlacements {
            Forwarding() {
                super(KIND, repository);
            }
        }
        return new Forwarding();
    }
}
