-- PostgreSQL keeps documents as JSONB in the row already; H2's V4_1 stops keeping them as LOBs.
-- This version exists so that both databases report the same schema version.
SELECT 1;
