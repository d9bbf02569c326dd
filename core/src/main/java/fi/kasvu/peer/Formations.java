package fi.kasvu.peer;

import fi.kasvu.common.DocumentKind;
import fi.kasvu.common.DocumentRepository;

/** Where formation results are kept, so that later rounds can avoid earlier partners. */
public interface Formations extends DocumentRepository<Formation> {

    /** The document kind {@code peer.formation}, listed by programme or course (context). */
    DocumentKind<Formation> KIND = new DocumentKind<>("peer.formation", Formation.class, Formation::id,
            formation -> null, Formation::context);
}
