-- Reminders by Moodle notification as well as by e-mail (issue 17).
-- A reminder sent through the platform is marked, so that a retry after a failed e-mail never sends
-- the platform message again.
ALTER TABLE kasvu_reminder ADD COLUMN platform_sent_at TIMESTAMP WITH TIME ZONE;
-- A person who gets reminders only through the platform has a contact without an address: it holds
-- their language and the opt-out token their reminders carry.
ALTER TABLE kasvu_reminder_contact ALTER COLUMN email DROP NOT NULL;
