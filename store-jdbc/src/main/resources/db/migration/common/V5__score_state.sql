-- Each learner's completion score for one graded activity (one line item): the score queued and
-- where its delivery stands (queued, delivered, retrying, refused, superseded), so the learner's
-- page and the teacher's progress view read the truth. The platform user id is personal data:
-- `kasvu gdpr` exports and erases these rows.
CREATE TABLE kasvu_score_state (
    score_key    VARCHAR(64)              NOT NULL,
    tenant       VARCHAR(200)             NOT NULL,
    subject      VARCHAR(1000)            NOT NULL,
    issuer       VARCHAR(1000)            NOT NULL,
    client_id    VARCHAR(1000)            NOT NULL,
    line_item    VARCHAR(2000)            NOT NULL,
    kind         VARCHAR(100)             NOT NULL,
    document_id  VARCHAR(200)             NOT NULL,
    score        DOUBLE PRECISION         NOT NULL,
    maximum      DOUBLE PRECISION         NOT NULL,
    state        VARCHAR(20)              NOT NULL,
    attempts     INTEGER                  NOT NULL,
    next_attempt TIMESTAMP WITH TIME ZONE,
    status       INTEGER,
    message      VARCHAR(500),
    queued_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT kasvu_score_state_pk PRIMARY KEY (score_key)
);
CREATE INDEX kasvu_score_state_by_subject ON kasvu_score_state (tenant, subject);
