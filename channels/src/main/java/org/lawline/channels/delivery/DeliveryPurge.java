package org.lawline.channels.delivery;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.lawline.conversation.DataSubject;
import org.lawline.conversation.PersonalDataPurge;
import org.lawline.conversation.PurgeCount;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The personal data of the shared delivery: inbound claims (the payload a stranded claim is
 * answered from, and the whole answer a repeat gets again), outbox parts (what we sent), and
 * subscribers. A stripped claim keeps channel, account, kind, status and times; a stripped part
 * keeps channel, account, purpose, reply kind, state, delivery result, consultation and times.
 *
 * <p>A claim's key becomes {@code purged:<row id>}: a key may name the citizen (SMS keys hold
 * the sender), and long after any platform's retry horizon the claim has nothing left to decide.
 * Subscribers are consent, not history: the retention job leaves them; a deletion request deletes
 * a citizen's subscription but keeps an unsubscription, so that TD / 退订 keeps holding. The
 * numbers WeChat followers gave for a callback serve only within WeChat's 48-hour window: old ones
 * are deleted, and a deletion request deletes the citizen's, by who gave it or by the number.
 */
@Component
class DeliveryPurge implements PersonalDataPurge {

    private static final String STRIP_CLAIM = "update inbound_claim set payload = null, answer = null, citizen_id = '" + PURGED + "',"
            + " claim_key = 'purged:' || cast(id as varchar(20))";
    private static final String STRIP_PART = "update outbound_part set text = '', citizen_id = '" + PURGED + "', in_reply_to = null";

    private final JdbcClient jdbc;

    DeliveryPurge(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<PurgeCount> stripOlderThan(Instant cutoff) {
        Timestamp before = Timestamp.from(cutoff);
        // a claim still being answered and a part still being sent are left until they are done
        int claims = PersonalDataPurge.inBatches(() -> jdbc.sql(STRIP_CLAIM + PersonalDataPurge.firstBatchOf("inbound_claim",
                "received_at < :before and status not in ('ANSWERING', 'RECOVERING') and citizen_id <> '" + PURGED + "'"))
                .param("before", before).update());
        int parts = PersonalDataPurge.inBatches(() -> jdbc.sql(STRIP_PART + PersonalDataPurge.firstBatchOf("outbound_part",
                "created_at < :before and state not in ('SENDING', 'RETRYING') and citizen_id <> '" + PURGED + "'"))
                .param("before", before).update());
        int numbers = jdbc.sql("delete from follower_number where given_at < :before").param("before", before).update();
        return List.of(new PurgeCount("inbound_claim", claims), new PurgeCount("outbound_part", parts),
                new PurgeCount("follower_number", numbers));
    }

    @Override
    public List<PurgeCount> forget(DataSubject citizen) {
        Selection who = Selection.of(citizen);
        // nothing more goes out to them, and a repeated delivery of their message gets nothing
        int claims = who.bind(jdbc.sql(STRIP_CLAIM + ", status = case when status in ('ANSWERING', 'RECOVERING')"
                + " then 'ANSWERED_LATER' else status end" + who.where())).update();
        int parts = who.bind(jdbc.sql(STRIP_PART + ", state = case when state in ('SENDING', 'RETRYING') then 'FAILED' else state end,"
                + " reason = case when state in ('SENDING', 'RETRYING') then 'deleted on request' else reason end" + who.where())).update();
        int subscribers = who.bind(jdbc.sql("delete from channel_subscriber" + who.where() + " and subscribed = true")).update();
        int numbers = who.bind(jdbc.sql("delete from follower_number" + who.where())).update();
        if (citizen instanceof DataSubject.ByPhone phone) {
            numbers += jdbc.sql("delete from follower_number where phone = :phone").param("phone", phone.number().digits()).update();
        }
        return List.of(new PurgeCount("inbound_claim", claims), new PurgeCount("outbound_part", parts),
                new PurgeCount("channel_subscriber", subscribers), new PurgeCount("follower_number", numbers));
    }

    /** The rows of one citizen: by channel and id, or every row whose citizen id is the number. */
    record Selection(String where, String channel, String citizenId) {

        static Selection of(DataSubject citizen) {
            if (citizen instanceof DataSubject.OnChannel on) {
                return new Selection(" where channel = :channel and citizen_id = :citizen", on.channel().wireName(), on.citizenId());
            }
            return new Selection(" where citizen_id = :citizen", null, ((DataSubject.ByPhone) citizen).number().digits());
        }

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
            JdbcClient.StatementSpec bound = statement.param("citizen", citizenId);
            return channel == null ? bound : bound.param("channel", channel);
        }
    }
}
