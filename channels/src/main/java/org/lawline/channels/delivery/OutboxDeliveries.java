package org.lawline.channels.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lawline.channels.ReplyDeliveries;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.EventId;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link ReplyDeliveries} read from the outbox's parts (a reply is recorded under its id) and
 * from each channel's platform rules. Thread safe.
 */
class OutboxDeliveries implements ReplyDeliveries {

    private final JdbcClient jdbc;
    private final Map<Channel, ChannelPlatform> platforms;

    OutboxDeliveries(JdbcClient jdbc, List<ChannelPlatform> platforms) {
        this.jdbc = jdbc;
        this.platforms = Platforms.byChannel(platforms);
    }

    private record PartOutcome(PartState state, String reason) {
    }

    @Override
    public Optional<ReplyDelivery> of(EventId replyId) {
        List<PartOutcome> parts = jdbc.sql("select state, reason from outbound_part where message_id = :id order by part_no")
                .param("id", replyId.toString())
                .query((rs, n) -> new PartOutcome(PartState.valueOf(rs.getString(1)), rs.getString(2)))
                .list();
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        // the first part that did not go out decides, as it did for the outbox
        for (PartOutcome part : parts) {
            if (part.state() == PartState.NOT_DELIVERED || part.state() == PartState.FAILED) {
                Optional<String> detail = Optional.ofNullable(part.reason());
                return Optional.of(new ReplyDelivery(State.NOT_DELIVERED, Optional.of(RefusalTexts.forPeople(part.state(), detail)),
                        detail));
            }
        }
        boolean allSent = parts.stream().allMatch(part -> part.state() == PartState.SENT);
        return Optional.of(new ReplyDelivery(allSent ? State.SENT : State.QUEUED, Optional.empty(), Optional.empty()));
    }

    @Override
    public Optional<SendAllowance> allowance(ChannelIdentity citizen, Instant now) {
        return Optional.ofNullable(platforms.get(citizen.channel())).flatMap(platform -> platform.allowance(citizen, now));
    }
}
