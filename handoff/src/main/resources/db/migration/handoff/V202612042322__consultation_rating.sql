-- The citizen's rating of a closed consultation (满意 / 不满意), asked for by the closing message:
-- SATISFIED or DISSATISFIED, and when. Set once per consultation, by the rating event's listener.
alter table escalation add column rating varchar(16);
alter table escalation add column rated_at timestamp with time zone;
