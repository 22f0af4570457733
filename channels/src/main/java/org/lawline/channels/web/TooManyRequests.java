package org.lawline.channels.web;

/** Over a rate limit: 429 with Retry-After and a message the page shows as it is. */
class TooManyRequests extends RuntimeException {

    final long retryAfterSeconds;

    TooManyRequests(long retryAfterSeconds) {
        super(message(retryAfterSeconds), null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static String message(long retryAfterSeconds) {
        return "发送过于频繁，请" + retryAfterSeconds + "秒后再试";
    }
}
