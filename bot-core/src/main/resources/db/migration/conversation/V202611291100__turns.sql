-- Every turn of every conversation, one row per utterance: what the citizen wrote (speaker CITIZEN)
-- and what the bot answered (speaker BOT), with the knowledge-base entry it rests on, its score and
-- how long the engine took. Written off the webhook's path from a local journal; `id` makes a
-- replayed row a no-op. Plain SQL that runs unchanged on H2 2.4 and PostgreSQL 15.
create table conversation_turn (
    id            varchar(36)      primary key,
    channel       varchar(20)      not null,
    account       varchar(64)      not null,
    citizen_id    varchar(128)     not null,
    message_id    varchar(128),
    speaker       varchar(10)      not null,
    body          text             not null,
    reply_kind    varchar(20),
    entry_id      varchar(100),
    score         double precision,
    latency_ms    integer,
    dialog_state  varchar(24)      not null,
    occurred_at   timestamp        not null
);
create index conversation_turn_citizen on conversation_turn (channel, account, citizen_id, occurred_at);
create index conversation_turn_occurred on conversation_turn (occurred_at);
