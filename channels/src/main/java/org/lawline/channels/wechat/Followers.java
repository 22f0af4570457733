package org.lawline.channels.wechat;

import java.time.Instant;
import org.lawline.conversation.ChannelIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Who follows our accounts ({@code wechat_follower}), and WeChat's reports on sent jobs. */
class Followers {

    private static final Logger log = LoggerFactory.getLogger(Followers.class);

    private final JdbcClient jdbc;

    Followers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void subscribed(ChannelIdentity citizen, Instant at) {
        set(citizen, true, at);
        log.info("{} followed", citizen);
    }

    void unsubscribed(ChannelIdentity citizen, Instant at) {
        set(citizen, false, at);
        log.info("{} unfollowed: no more notices", citizen);
    }

    /** False only for a citizen who unfollowed; someone never seen may have followed before we kept count. */
    boolean mayReceiveNotices(ChannelIdentity citizen) {
        return jdbc.sql("select subscribed from wechat_follower where account = :account and citizen_id = :citizen")
                .param("account", citizen.account())
                .param("citizen", citizen.citizenId())
                .query(Boolean.class)
                .optional()
                .orElse(true);
    }

    void jobFinished(String account, Inbound.EventType type, String jobId, String status, Instant at) {
        String kind = type == Inbound.EventType.TEMPLATE_SENT ? "TEMPLATE" : "BROADCAST";
        try {
            jdbc.sql("insert into wechat_job_report (account, job_id, kind, status, received_at) values (:account, :job, :kind, :status, :at)")
                    .param("account", account)
                    .param("job", jobId.isEmpty() ? "unknown" : jobId)
                    .param("kind", kind)
                    .param("status", truncate(status, 300))
                    .param("at", Utc.of(at))
                    .update();
        } catch (DuplicateKeyException alreadyRecorded) {
            return;
        }
        if (type == Inbound.EventType.TEMPLATE_SENT) {
            jdbc.sql("""
                            update wechat_outbound set state = :state, reason = :reason, updated_at = :at
                             where account = :account and wechat_msg_id = :job and purpose = :purpose""")
                    .param("state", "success".equalsIgnoreCase(status) ? "SENT" : "NOT_DELIVERED")
                    .param("reason", "success".equalsIgnoreCase(status) ? null : "WeChat reported: " + truncate(status, 200))
                    .param("at", Utc.of(at))
                    .param("account", account)
                    .param("job", jobId)
                    .param("purpose", Outbox.Purpose.NOTICE.name())
                    .update();
        }
        log.info("WeChat reported {} job {} on {}: {}", kind, jobId, account, truncate(status, 60));
    }

    private void set(ChannelIdentity citizen, boolean subscribed, Instant at) {
        for (int round = 0; round < 2; round++) {
            int updated = jdbc.sql("""
                            update wechat_follower set subscribed = :subscribed, changed_at = :at
                             where account = :account and citizen_id = :citizen""")
                    .param("subscribed", subscribed)
                    .param("at", Utc.of(at))
                    .param("account", citizen.account())
                    .param("citizen", citizen.citizenId())
                    .update();
            if (updated == 1) {
                return;
            }
            try {
                jdbc.sql("insert into wechat_follower (account, citizen_id, subscribed, changed_at) values (:account, :citizen, :subscribed, :at)")
                        .param("account", citizen.account())
                        .param("citizen", citizen.citizenId())
                        .param("subscribed", subscribed)
                        .param("at", Utc.of(at))
                        .update();
                return;
            } catch (DuplicateKeyException concurrent) {
                // inserted meanwhile by another call: update it
            }
        }
    }

    private static String truncate(String text, int max) {
        return text == null ? "" : text.length() <= max ? text : text.substring(0, max);
    }
}
