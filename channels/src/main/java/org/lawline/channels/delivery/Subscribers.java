package org.lawline.channels.delivery;

import java.time.Instant;
import org.lawline.conversation.ChannelIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who may receive notices and publicity ({@code channel_subscriber}), on every channel: a channel
 * adapter reports follows and unfollows (WeChat), TD / 退订 (SMS). Thread safe.
 */
public class Subscribers {

    private static final Logger log = LoggerFactory.getLogger(Subscribers.class);

    private final JdbcClient jdbc;

    public Subscribers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void subscribed(ChannelIdentity citizen, Instant at) {
        set(citizen, true, at);
        log.info("{} subscribed", citizen);
    }

    public void unsubscribed(ChannelIdentity citizen, Instant at) {
        set(citizen, false, at);
        log.info("{} unsubscribed: no more notices", citizen);
    }

    /** False only for a citizen who unsubscribed; someone never seen may have subscribed before we kept count. */
    public boolean mayReceiveNotices(ChannelIdentity citizen) {
        return jdbc.sql("select subscribed from channel_subscriber where channel = :channel and account = :account and citizen_id = :citizen")
                .param("channel", citizen.channel().wireName())
                .param("account", citizen.account())
                .param("citizen", citizen.citizenId())
                .query(Boolean.class)
                .optional()
                .orElse(true);
    }

    private void set(ChannelIdentity citizen, boolean subscribed, Instant at) {
        for (int round = 0; round < 2; round++) {
            int updated = jdbc.sql("""
                            update channel_subscriber set subscribed = :subscribed, changed_at = :at
                             where channel = :channel and account = :account and citizen_id = :citizen""")
                    .param("subscribed", subscribed)
                    .param("at", Utc.of(at))
                    .param("channel", citizen.channel().wireName())
                    .param("account", citizen.account())
                    .param("citizen", citizen.citizenId())
                    .update();
            if (updated == 1) {
                return;
            }
            try {
                jdbc.sql("""
                                insert into channel_subscriber (channel, account, citizen_id, subscribed, changed_at)
                                values (:channel, :account, :citizen, :subscribed, :at)""")
                        .param("channel", citizen.channel().wireName())
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
}
