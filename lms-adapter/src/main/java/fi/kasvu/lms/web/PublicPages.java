package fi.kasvu.lms.web;

/**
 * An activity kind's pages that need no LMS session: a 360 rater outside the LMS answering through a
 * single-use link. They live under {@code /pages/r/<kind>/…}; the kind checks whatever secret the path
 * carries itself. The web layer adds the security headers (no framing, no referrer, no caching) and
 * logs nothing of the path. An {@link Activity} opts in by also implementing this interface.
 */
public interface PublicPages {

    /**
     * Answers a request under {@code /pages/r/<kind>/}; {@link Answer#notFound()} for a path it does
     * not know or a secret it does not accept.
     */
    Answer handlePublic(PublicCall call);
}
