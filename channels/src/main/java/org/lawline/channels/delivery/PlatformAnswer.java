package org.lawline.channels.delivery;

import java.util.Optional;

/** What a platform answered to one part we sent. */
public sealed interface PlatformAnswer {

    /** Taken; {@code platformId} is the platform's id for it, when it gives one (a later report names it). */
    record Accepted(Optional<String> platformId) implements PlatformAnswer {
    }

    /** Refused for the citizen's sake (window or allowance closed, unsubscribed): the citizen has to write again. */
    record Refused(String reason) implements PlatformAnswer {
    }

    /** Anything else: the platform unreachable, an error code, a bad credential. */
    record Failed(String reason) implements PlatformAnswer {
    }

    static PlatformAnswer accepted() {
        return new Accepted(Optional.empty());
    }
}
