-- Voicemails left on the 12348 hotline, taken in from its system (org.lawline.channels.hotline):
-- one row per hotline id, so a repeated call changes nothing. The suggested answer is the
-- knowledge base's best entry for the transcript, for the duty lawyer to use or ignore.
create table hotline_voicemail (
    id               varchar(64)  not null primary key,
    caller_number    varchar(16)  not null,
    received_at      timestamp with time zone not null,
    text             text         not null,
    recording_url    varchar(1000) not null,
    suggested_entry  varchar(64),
    suggested_answer text,
    taken_at         timestamp with time zone not null
);
