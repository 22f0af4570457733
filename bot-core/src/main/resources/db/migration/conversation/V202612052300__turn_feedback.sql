-- Whether a bot answer helped: the citizen's 有用 / 没用 under an answer on the web chat, or the
-- same word sent right after an answer on WeChat. One verdict per turn (the last one given wins:
-- a retried request changes nothing, a citizen who changes their mind is believed); the reports
-- count them by time. No foreign key: a turn reaches conversation_turn from the local journal a
-- moment after the citizen has seen it, and the feedback is checked against it when given.
-- Plain SQL that runs unchanged on H2 2.4 and PostgreSQL 15.
create table turn_feedback (
    turn_id     varchar(36)              primary key,
    channel     varchar(20)              not null,
    account     varchar(64)              not null,
    citizen_id  varchar(128)             not null,
    verdict     varchar(12)              not null,
    given_at    timestamp with time zone not null
);
create index turn_feedback_given on turn_feedback (given_at);
