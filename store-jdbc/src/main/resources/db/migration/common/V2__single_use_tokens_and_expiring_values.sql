-- Values that may be used once (LTI nonces): only a SHA-256 of the value is kept.
CREATE TABLE kasvu_single_use_token (
    namespace  VARCHAR(200)             NOT NULL,
    token_hash VARCHAR(64)              NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT kasvu_single_use_token_pk PRIMARY KEY (namespace, token_hash)
);
CREATE INDEX kasvu_single_use_token_by_expiry ON kasvu_single_use_token (expires_at);

-- Short-lived values shared by every instance (LTI launch state, sessions).
CREATE TABLE kasvu_expiring_value (
    namespace  VARCHAR(200)             NOT NULL,
    item_key   VARCHAR(500)             NOT NULL,
    item_value VARCHAR                  NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT kasvu_expiring_value_pk PRIMARY KEY (namespace, item_key)
);
CREATE INDEX kasvu_expiring_value_by_expiry ON kasvu_expiring_value (expires_at);
