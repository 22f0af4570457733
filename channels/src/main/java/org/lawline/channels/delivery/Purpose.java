package org.lawline.channels.delivery;

/** Why a message goes to a citizen; platforms allow each under different rules. */
public enum Purpose {
    /** The answer to a message of the citizen's, later than a synchronous reply could wait. */
    REPLY,
    /** A message the citizen did not just ask for: a duty lawyer's reply, a system message. */
    PUSH,
    /** A notice on a platform's own terms (a WeChat template message): sent once, never again. */
    NOTICE,
    /** Law education and campaigns: held back at night (the 08:00–21:00 rule). */
    PUBLICITY
}
