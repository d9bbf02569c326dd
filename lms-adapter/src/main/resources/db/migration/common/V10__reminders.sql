-- Reminders (issue 17): one row per reminder, its key unique, so that however many schedulers run
-- on the database each reminder is recorded once and claimed (PENDING -> SENDING) by exactly one.
CREATE TABLE kasvu_reminder (
    tenant       VARCHAR(200)             NOT NULL,
    kind         VARCHAR(200)             NOT NULL,
    document_id  VARCHAR(200)             NOT NULL,
    item_id      VARCHAR(200)             NOT NULL,
    recipient    VARCHAR(200)             NOT NULL,
    due_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    state        VARCHAR(20)              NOT NULL,
    next_attempt TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts     INTEGER                  NOT NULL,
    claimed_by   VARCHAR(100),
    claimed_at   TIMESTAMP WITH TIME ZONE,
    sent_at      TIMESTAMP WITH TIME ZONE,
    last_error   VARCHAR(500),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT kasvu_reminder_pk PRIMARY KEY (tenant, kind, document_id, item_id, recipient)
);
CREATE INDEX kasvu_reminder_by_state ON kasvu_reminder (state, next_attempt);

-- Who wants reminders by e-mail, in which language; the opt-out token is in every reminder.
CREATE TABLE kasvu_reminder_contact (
    tenant       VARCHAR(200)             NOT NULL,
    person       VARCHAR(200)             NOT NULL,
    email        VARCHAR(320)             NOT NULL,
    language     VARCHAR(2)               NOT NULL,
    optout_token VARCHAR(64)              NOT NULL,
    opted_out_at TIMESTAMP WITH TIME ZONE,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT kasvu_reminder_contact_pk PRIMARY KEY (tenant, person),
    CONSTRAINT kasvu_reminder_contact_token UNIQUE (optout_token)
);
