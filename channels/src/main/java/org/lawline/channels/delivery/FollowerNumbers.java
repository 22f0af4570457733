package org.lawline.channels.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.lawline.conversation.CallbackNumberConfirmed;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.MobileNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The mobile numbers WeChat followers gave for a 12348 callback ({@code follower_number}), so that
 * a duty lawyer's reply to a hotline voicemail left from that number reaches the follower on
 * WeChat, where the rest of their consultation is, rather than by SMS. Thread safe; a replayed
 * event writes the same row again.
 */
public class FollowerNumbers {

    private static final Logger log = LoggerFactory.getLogger(FollowerNumbers.class);

    /**
     * WeChat takes a customer-service message only within 48 hours of the follower's last message,
     * and giving the number was one: after that the reply goes by SMS, which always reaches the
     * number, instead of being refused on WeChat.
     */
    static final Duration WECHAT_WINDOW = Duration.ofHours(48);

    private final JdbcClient jdbc;

    public FollowerNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    public void on(CallbackNumberConfirmed confirmed) {
        ChannelIdentity citizen = confirmed.citizen();
        if (citizen.channel() != Channel.WECHAT) {
            return;
        }
        // the follower who gave the number last is the one to write to
        jdbc.sql("delete from follower_number where phone = :phone").param("phone", confirmed.phone().digits()).update();
        jdbc.sql("""
                        insert into follower_number (phone, channel, account, citizen_id, given_at)
                        values (:phone, :channel, :account, :citizen, :at)""")
                .param("phone", confirmed.phone().digits())
                .param("channel", citizen.channel().wireName())
                .param("account", citizen.account())
                .param("citizen", citizen.citizenId())
                .param("at", Utc.of(confirmed.confirmedAt()))
                .update();
        log.info("{} gave {} for a callback", citizen, confirmed.phone());
    }

    /** The WeChat follower who gave this number within WeChat's window, if one did. */
    public Optional<ChannelIdentity> weChatFollowerWhoGave(MobileNumber phone, Instant now) {
        return jdbc.sql("select account, citizen_id, given_at from follower_number where phone = :phone and channel = :channel")
                .param("phone", phone.digits())
                .param("channel", Channel.WECHAT.wireName())
                .query((rs, n) -> rs.getObject(3, OffsetDateTime.class).toInstant().isAfter(now.minus(WECHAT_WINDOW))
                        ? Optional.of(new ChannelIdentity(Channel.WECHAT, rs.getString(1), rs.getString(2)))
                        : Optional.<ChannelIdentity>empty())
                .optional()
                .flatMap(found -> found);
    }
}
