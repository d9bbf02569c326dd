-- Every aggregate as a versioned JSON document, with the columns it is looked up by.
CREATE TABLE kasvu_document (
    tenant     VARCHAR(200)             NOT NULL,
    kind       VARCHAR(200)             NOT NULL,
    id         VARCHAR(200)             NOT NULL,
    version    BIGINT                   NOT NULL,
    owner      VARCHAR(200),
    context    VARCHAR(1000),
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    document   JSONB                    NOT NULL,
    CONSTRAINT kasvu_document_pk PRIMARY KEY (tenant, kind, id)
);
CREATE INDEX kasvu_document_by_owner ON kasvu_document (tenant, kind, owner, updated_at);
CREATE INDEX kasvu_document_by_context ON kasvu_document (tenant, kind, context, updated_at);
