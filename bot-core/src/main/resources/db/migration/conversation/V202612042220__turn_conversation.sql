-- Each turn names its consultation (ConversationId), so that a transcript is one consultation
-- rather than everything a citizen ever wrote. Turns stored before consultations had ids keep a
-- null here. Plain SQL that runs unchanged on H2 2.4 and PostgreSQL 15.
alter table conversation_turn add column conversation_id varchar(36);
create index conversation_turn_conversation on conversation_turn (conversation_id, occurred_at);
