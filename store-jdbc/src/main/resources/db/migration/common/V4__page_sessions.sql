-- Sign-in sessions of the pages: only a SHA-256 of each token is kept, with an idle and an
-- absolute end, and the platform, person and activity needed to end them.
CREATE TABLE kasvu_session (
    token_hash VARCHAR(64)              NOT NULL,
    tenant     VARCHAR(200)             NOT NULL,
    person     VARCHAR(200)             NOT NULL,
    platform   VARCHAR(1000)            NOT NULL,
    context    VARCHAR(200)             NOT NULL,
    payload    VARCHAR(20000)           NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    idle_until TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT kasvu_session_pk PRIMARY KEY (token_hash)
);
CREATE INDEX kasvu_session_by_person ON kasvu_session (person, tenant, context);
CREATE INDEX kasvu_session_by_platform ON kasvu_session (platform);
CREATE INDEX kasvu_session_by_end ON kasvu_session (idle_until);

-- Page sessions used to live in the shared expiring values with their token as the key: end them.
DELETE FROM kasvu_expiring_value WHERE namespace = 'pages.session';
