-- The consultation a voicemail opened, so that the inbox can show the voicemail (transcript,
-- recording, suggested answer) beside the escalation and callback of that consultation.
-- Voicemails taken in before have none.
alter table hotline_voicemail add column conversation_id varchar(36);
create index hotline_voicemail_conversation on hotline_voicemail (conversation_id);
