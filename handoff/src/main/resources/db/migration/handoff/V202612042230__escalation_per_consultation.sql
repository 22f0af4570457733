-- An escalation names its consultation and the event that asked for it. Events reach handoff at
-- least once, so the event id is a unique key: the same event delivered again inserts nothing.
-- open_conversation_id keeps the promise of the first migration, one open escalation per
-- consultation: it holds the consultation's id while the escalation is open (waiting, or held by
-- a lawyer) and must be set to null by whatever ends it (cancelled, closed, timed out), so the
-- unique key counts open escalations only. A partial unique index would say this directly, but H2
-- has none, and a generated column is spelt differently on H2 and PostgreSQL. Rows from before
-- consultations had ids keep nulls here. Plain SQL that runs unchanged on H2 2.4 and PostgreSQL 15.
alter table escalation add column conversation_id varchar(36);
alter table escalation add column event_id varchar(36);
alter table escalation add column open_conversation_id varchar(36);
alter table escalation add constraint escalation_event unique (event_id);
alter table escalation add constraint escalation_one_open_per_conversation unique (open_conversation_id);
create index escalation_conversation on escalation (conversation_id);
