-- One convention for time: UTC instants in timestamp with time zone columns. requested_at and
-- closed_at were plain timestamps written through the JVM's zone; LawLine runs in UTC, so the old
-- values are UTC wall-clock times: read as text with '+00:00' appended, they become the same
-- instant on both databases whatever the session's zone. New columns, copied, then renamed,
-- because H2 and PostgreSQL spell a converting ALTER COLUMN differently.
alter table escalation add column requested_utc timestamp with time zone;
alter table escalation add column closed_utc timestamp with time zone;
update escalation set requested_utc = cast(cast(requested_at as varchar(40)) || '+00:00' as timestamp with time zone),
                      closed_utc = cast(cast(closed_at as varchar(40)) || '+00:00' as timestamp with time zone);
alter table escalation alter column requested_utc set not null;
drop index escalation_status_requested;
alter table escalation drop column requested_at;
alter table escalation drop column closed_at;
alter table escalation rename column requested_utc to requested_at;
alter table escalation rename column closed_utc to closed_at;
create index escalation_status_requested on escalation (status, requested_at);
