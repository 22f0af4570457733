-- One convention for time: UTC instants in timestamp with time zone columns. occurred_at was a
-- plain timestamp written through the JVM's zone; LawLine runs in UTC, so the old values are UTC
-- wall-clock times: read as text with '+00:00' appended, they become the same instant on both
-- databases whatever the session's zone. A new column, copied, then renamed, because H2 and
-- PostgreSQL spell a converting ALTER COLUMN differently.
alter table conversation_turn add column occurred_utc timestamp with time zone;
update conversation_turn set occurred_utc = cast(cast(occurred_at as varchar(40)) || '+00:00' as timestamp with time zone);
alter table conversation_turn alter column occurred_utc set not null;
drop index conversation_turn_citizen;
drop index conversation_turn_occurred;
drop index conversation_turn_conversation;
alter table conversation_turn drop column occurred_at;
alter table conversation_turn rename column occurred_utc to occurred_at;
create index conversation_turn_citizen on conversation_turn (channel, account, citizen_id, occurred_at);
create index conversation_turn_occurred on conversation_turn (occurred_at);
create index conversation_turn_conversation on conversation_turn (conversation_id, occurred_at);
