-- The mobile numbers WeChat followers gave for a 12348 callback (org.lawline.channels.delivery,
-- FollowerNumbers): a duty lawyer's reply to a hotline voicemail left from that number goes to the
-- follower on WeChat instead of by SMS while WeChat still lets us write to them. One row per
-- number: the follower who gave it last.
create table follower_number (
    phone       varchar(16)  not null primary key,
    channel     varchar(16)  not null,
    account     varchar(64)  not null,
    citizen_id  varchar(128) not null,
    given_at    timestamp with time zone not null
);
