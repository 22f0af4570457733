-- A message the engine composed is recorded under its reply's id (message_id = ReplyComposed's id),
-- so that what became of a reply can be found from the reply, and names its consultation. The
-- unique key makes recording the same reply twice (an event delivered again) a no-op; ids were
-- unique per message and part already (random UUIDs, or 'wechat-' and the old row's id). Parts
-- recorded before consultations had ids keep a null conversation. Plain SQL that runs unchanged on
-- H2 2.4 and PostgreSQL 15.
alter table outbound_part add column conversation_id varchar(36);
alter table outbound_part add constraint outbound_part_message_part unique (message_id, part_no);
create index outbound_part_conversation on outbound_part (conversation_id);
