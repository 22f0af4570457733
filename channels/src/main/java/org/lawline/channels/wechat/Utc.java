package org.lawline.channels.wechat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Our timestamp columns are without time zone: always UTC, whatever the JVM's zone. */
final class Utc {

    private Utc() {
    }

    static LocalDateTime of(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(LocalDateTime utc) {
        return utc.toInstant(ZoneOffset.UTC);
    }
}
