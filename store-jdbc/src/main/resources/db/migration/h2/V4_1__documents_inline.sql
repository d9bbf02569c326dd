-- Documents are kept in the row as CHARACTER VARYING instead of a CHARACTER LARGE OBJECT.
-- H2 2.3 stores every CLOB value apart from the row in its LOB maps and did not reclaim the space of
-- replaced values: with an autosave rewriting a 5 KB document, the file grew by about 30 KB per save
-- and never shrank (issue 19; 814 MB after 11,700 launches). Kept in the row, a replaced document's
-- space is reused after H2's retention time like any other row's. 4,000,000 characters is the most
-- core's JSON reader accepts (KasvuJson.MAX_DOCUMENT_CHARS).
ALTER TABLE kasvu_document ALTER COLUMN document SET DATA TYPE CHARACTER VARYING(4000000);
