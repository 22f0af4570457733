-- One convention for time (as the other modules' *_times_utc migrations): UTC instants in
-- timestamp with time zone columns. These two columns held UTC wall-clock times without a zone:
-- read as text with '+00:00' appended, they become the same instant on both databases whatever
-- the session's zone. New columns, copied, then renamed, because H2 and PostgreSQL spell a
-- converting ALTER COLUMN differently.
alter table web_message add column sent_utc timestamp with time zone;
update web_message set sent_utc = cast(cast(sent_at as varchar(40)) || '+00:00' as timestamp with time zone);
alter table web_message alter column sent_utc set not null;
alter table web_message drop column sent_at;
alter table web_message rename column sent_utc to sent_at;

alter table wechat_job_report add column received_utc timestamp with time zone;
update wechat_job_report set received_utc = cast(cast(received_at as varchar(40)) || '+00:00' as timestamp with time zone);
alter table wechat_job_report alter column received_utc set not null;
alter table wechat_job_report drop column received_at;
alter table wechat_job_report rename column received_utc to received_at;
