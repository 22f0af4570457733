-- A lawyer's message names the reply it left as (ReplyComposed's id, under which the channels'
-- outbox records its delivery), so the inbox can show whether it arrived. Messages written before
-- keep a null: their delivery is not known.
alter table lawyer_message add column reply_id varchar(36);
