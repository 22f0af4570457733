-- The daily retention purge, one row per city day: the instance that inserts the day's row runs
-- the purge, every other instance finds the key taken (org.lawline.retention.DailyPurge).
-- finished_at stays null when a run failed; the next day's run takes what it left. Owned by
-- config's retention package. Plain SQL that runs unchanged on H2 2.4 and PostgreSQL 15.
create table purge_run (
    run_on       date         primary key,
    instance     varchar(36)  not null,
    started_at   timestamp with time zone not null,
    finished_at  timestamp with time zone,
    records      integer
);
