package fi.kasvu.lms.web;

import fi.kasvu.common.Require;
import java.util.Map;

/**
 * What a page or an activity answers a request with: an HTML page, a redirect, JSON or a file.
 * Activities return an answer and the web layer writes it, with the security headers of the frame;
 * nothing outside this package touches the servlet response.
 */
public sealed interface Answer {

    /**
     * An HTML page rendered from a JTE template.
     *
     * @param status   the HTTP status
     * @param template the template's path ({@code grow/phase.jte})
     * @param model    the template's one parameter
     */
    record Page(int status, String template, Object model) implements Answer {
        /** @throws IllegalArgumentException if the status is not 200..599 */
        public Page {
            Require.range("status", status, 200, 599);
            Require.nonBlank("template", template);
            Require.nonNull("model", model);
        }
    }

    /**
     * A 303 redirect to a path of the same session (relative to the session's base) or to an absolute path.
     *
     * @param location the path or URL
     */
    record Redirect(String location) implements Answer {
        /** @throws IllegalArgumentException if the location is blank */
        public Redirect {
            Require.nonBlank("location", location);
        }
    }

    /**
     * A small JSON object for a script.
     *
     * @param status the HTTP status
     * @param fields the object's string and boolean members
     */
    record Json(int status, Map<String, Object> fields) implements Answer {
        /** Copies the fields. */
        public Json {
            Require.range("status", status, 200, 599);
            fields = Map.copyOf(fields);
        }
    }

    /**
     * A file to download.
     *
     * @param contentType the content type
     * @param fileName    the file name offered to the browser
     * @param body        the content
     */
    record Download(String contentType, String fileName, byte[] body) implements Answer {
        /** @throws IllegalArgumentException if the file name holds anything but letters, digits, dots and dashes */
        public Download {
            Require.nonBlank("contentType", contentType);
            if (!fileName.matches("[A-Za-z0-9._-]{1,100}")) {
                throw new IllegalArgumentException("fileName must be 1..100 letters, digits, dots or dashes: " + fileName);
            }
            body = body.clone();
        }
    }

    /**
     * The request completed the learner's document: the web layer records the completion (and,
     * when graded, queues its score) and then answers as {@code then}.
     *
     * @param then the answer to send
     */
    record Completed(Answer then) implements Answer {
        /** @throws IllegalArgumentException if the answer is itself a completion */
        public Completed {
            Require.nonNull("then", then);
            if (then instanceof Completed) {
                throw new IllegalArgumentException("then must not be another completion");
            }
        }
    }

    /**
     * The request completed the session's learner's document of another placement (a reflection
     * written on the programme's timeline, graded in its own placement): the web layer records its
     * score, in the same unit of work as the save, on the line item of each graded placement where
     * this learner launched with that document ({@link ScorePublisher#publishRemembered}), and then
     * answers as {@code then}. Only the session's own learner is ever scored, and only for a document
     * the named kind says is complete.
     *
     * @param kind       the kind whose document it is ({@code reflection})
     * @param documentId the document
     * @param then       the answer to send
     */
    record CompletedElsewhere(String kind, String documentId, Answer then) implements Answer {
        /** @throws IllegalArgumentException if the answer is itself a completion */
        public CompletedElsewhere {
            Require.nonNull("kind", kind);
            Require.nonNull("documentId", documentId);
            Require.nonNull("then", then);
            if (then instanceof Completed || then instanceof CompletedElsewhere) {
                throw new IllegalArgumentException("then must not be another completion");
            }
        }
    }

    /** A page with a status. */
    static Answer page(int status, String template, Object model) {
        return new Page(status, template, model);
    }

    /** A page with status 200. */
    static Answer page(String template, Object model) {
        return new Page(200, template, model);
    }

    /** A redirect. */
    static Answer redirect(String location) {
        return new Redirect(location);
    }

    /** The autosave answer: {@code {"ok":…, "field":…, "message":…}}. */
    static Answer json(int status, boolean ok, String field, String message) {
        return new Json(status, Map.of("ok", ok, "field", field, "message", message));
    }

    /** "Not found or not yours": the web layer shows its error page in the user's language. */
    static Answer notFound() {
        return NotFound.INSTANCE;
    }

    /** The web layer's "not found" page. */
    enum NotFound implements Answer {
        /** The one instance. */
        INSTANCE
    }
}
