-- One convention for time: UTC instants in timestamp with time zone columns. updated_at held UTC
-- wall-clock times without a zone: read as text with '+00:00' appended, they become the same
-- instant on both databases whatever the session's zone. New columns, copied, then renamed,
-- because H2 and PostgreSQL spell a converting ALTER COLUMN differently.
alter table faq_entry add column updated_utc timestamp with time zone;
update faq_entry set updated_utc = cast(cast(updated_at as varchar(40)) || '+00:00' as timestamp with time zone);
alter table faq_entry alter column updated_utc set not null;
alter table faq_entry drop column updated_at;
alter table faq_entry rename column updated_utc to updated_at;

alter table law_article add column updated_utc timestamp with time zone;
update law_article set updated_utc = cast(cast(updated_at as varchar(40)) || '+00:00' as timestamp with time zone);
alter table law_article alter column updated_utc set not null;
alter table law_article drop column updated_at;
alter table law_article rename column updated_utc to updated_at;
