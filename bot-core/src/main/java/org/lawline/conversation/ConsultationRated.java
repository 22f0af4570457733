package org.lawline.conversation;

import java.time.Instant;
import java.util.Objects;

/**
 * The citizen rated the consultation a lawyer had just closed (满意 / 不满意), as the closing
 * message invited them to. Names the closed consultation, not the one the citizen's next message
 * starts.
 */
public record ConsultationRated(EventId id, ConversationId conversation, ChannelIdentity citizen, Rating rating,
                                Instant ratedAt) implements ConversationEvent {

    public enum Rating {
        /** 满意 */
        SATISFIED,
        /** 不满意 */
        DISSATISFIED
    }

    public ConsultationRated {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(citizen, "citizen");
        Objects.requireNonNull(rating, "rating");
        Objects.requireNonNull(ratedAt, "ratedAt");
    }

    @Override
    public Instant occurredAt() {
        return ratedAt;
    }
}
