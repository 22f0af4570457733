package org.lawline.channels.web;

class InProcessRateLimiterTest extends RateLimiterContract {

    @Override
    RateLimiter limiter() {
        return new RateLimiter.InProcess(clock);
    }
}
