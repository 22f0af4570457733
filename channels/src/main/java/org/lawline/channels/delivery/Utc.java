package org.lawline.channels.delivery;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Every channel table's times are timestamps with time zone, bound and read as UTC instants. */
public final class Utc {

    private Utc() {
    }

    public static OffsetDateTime of(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
