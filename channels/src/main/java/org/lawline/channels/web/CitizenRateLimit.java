package org.lawline.channels.web;

/** How many messages one web citizen may send a minute, across instances when Redis is there. */
final class CitizenRateLimit {

    private final RateLimiter limiter;
    private final int perMinute;

    CitizenRateLimit(RateLimiter limiter, int perMinute) {
        this.limiter = limiter;
        this.perMinute = perMinute;
    }

    /** @throws TooManyRequests when this citizen has sent their allowance this minute */
    void take(String citizenId) {
        RateLimiter.Verdict verdict = limiter.take("citizen:" + citizenId, perMinute);
        if (!verdict.allowed()) {
            throw new TooManyRequests(verdict.retryAfterSeconds());
        }
    }
}
