package org.lawline.conversation;

import java.time.Instant;

/** A citizen's chat should go to the duty lawyer on shift. */
public record EscalationRequested(ChannelIdentity citizen, Reason reason, Instant requestedAt) {

    public enum Reason {
        /** The citizen asked for a person (人工 / 律师 / 转人工). */
        ASKED_FOR_PERSON,
        /** The bot failed to answer twice in a row. */
        REPEATED_MISSES
    }
}
