package org.lawline.conversation.transcript;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.UUID;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.ConversationId;
import org.lawline.conversation.DialogState;

/**
 * A turn as one line of JSON in the journal. Its own type, so that the journal's format changes
 * only on purpose: a line written by this version must still be readable after an upgrade. A line
 * written before consultations had ids reads as one consultation per citizen, named after them, so
 * that the turns a crash left in the journal still go together.
 */
record JournalLine(String id, String conversation, String channel, String account, String citizen, String message, String speaker, String text,
                   String kind, String entry, Double score, Integer latency, String state, Instant at) {

    static JournalLine of(TurnRecord turn) {
        return new JournalLine(turn.id(), turn.conversation().toString(), turn.citizen().channel().wireName(), turn.citizen().account(), turn.citizen().citizenId(),
                turn.messageId().orElse(null), turn.speaker().name(), turn.text(), turn.replyKind().orElse(null),
                turn.entryId().orElse(null), turn.score().isPresent() ? turn.score().getAsDouble() : null,
                turn.latencyMs().isPresent() ? turn.latencyMs().getAsInt() : null, turn.state().name(), turn.occurredAt());
    }

    TurnRecord toTurn() {
        ChannelIdentity who = new ChannelIdentity(Channel.of(channel), account, citizen);
        ConversationId consultation = conversation != null ? ConversationId.of(conversation)
                : new ConversationId(UUID.nameUUIDFromBytes(("before-ids:" + who.key()).getBytes(StandardCharsets.UTF_8)));
        return new TurnRecord(id, consultation, who, Optional.ofNullable(message),
                TurnRecord.Speaker.valueOf(speaker), text, Optional.ofNullable(kind), Optional.ofNullable(entry),
                score == null ? OptionalDouble.empty() : OptionalDouble.of(score),
                latency == null ? OptionalInt.empty() : OptionalInt.of(latency), DialogState.valueOf(state), at);
    }
}
