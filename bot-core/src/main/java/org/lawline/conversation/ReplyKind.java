package org.lawline.conversation;

import java.util.Locale;

/** What kind of reply the bot gave. {@link #wireName()} is the name in JSON output. */
public enum ReplyKind {
    ANSWER, CHOICES, HANDOFF, REFERRAL, EMERGENCY, NO_ANSWER, GREETING;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
