package org.lawline.channels.delivery;

import java.time.Instant;

/** A platform's answer to "may we send this citizen a message now?". */
public sealed interface SendPermission {

    /** Send now; the allowance, if there is one, is counted. */
    record Allowed() implements SendPermission {
    }

    /**
     * Not this message: a window closed (WeChat's and Weibo's 48 hours), an allowance or a daily
     * cap spent. The part ends NOT_DELIVERED with the reason and is never retried in a loop.
     */
    record Refused(String reason) implements SendPermission {
    }

    /** Not yet (quiet hours): the part waits, SENDING, and the reconciler sends it from then on. */
    record NotBefore(Instant when) implements SendPermission {
    }

    static SendPermission allowed() {
        return new Allowed();
    }
}
