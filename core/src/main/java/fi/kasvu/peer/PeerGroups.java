package fi.kasvu.peer;

import fi.kasvu.common.DocumentKind;
import fi.kasvu.common.DocumentRepository;

/** Where peer groups are kept over their life, listed by their programme or course (context). */
public interface PeerGroups extends DocumentRepository<PeerGroup> {

    /** The document kind {@code peer.group}; groups belong to no single owner. */
    DocumentKind<PeerGroup> KIND = new DocumentKind<>("peer.group", PeerGroup.class, PeerGroup::id,
            group -> null, PeerGroup::context);
}
