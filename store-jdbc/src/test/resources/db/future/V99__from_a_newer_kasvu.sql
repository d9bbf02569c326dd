-- Stands for a migration a newer Kasvu applied; this code does not know it.
CREATE TABLE kasvu_from_the_future (id INTEGER NOT NULL);
