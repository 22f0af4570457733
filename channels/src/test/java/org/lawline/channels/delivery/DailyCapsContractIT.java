package org.lawline.channels.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lawline.channels.SharedInfrastructure;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;

/** The in-process and the Redis daily cap count alike, by Beijing's calendar days. */
class DailyCapsContractIT {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private SharedInfrastructure shared;

    private DailyCaps caps(String kind) throws Exception {
        if (kind.equals("redis")) {
            shared = new SharedInfrastructure(SharedInfrastructure.Database.H2);
            return new DailyCaps.InRedis(shared.redis, shared.keyPrefix, 3, BEIJING);
        }
        return new DailyCaps.InProcess(3, BEIJING);
    }

    @AfterEach
    void stop() throws Exception {
        if (shared != null) {
            shared.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"in-process", "redis"})
    void aNumberGetsItsDailyCapAndAFreshOneTheNextDay(String kind) throws Exception {
        DailyCaps caps = caps(kind);
        ChannelIdentity number = new ChannelIdentity(Channel.SMS, "12348", "1380013" + (kind.length() * 1000 + 8));
        // 15:30Z is 23:30 in Beijing; 16:30Z is already the next day there
        Instant lateEvening = Instant.parse("2026-12-04T15:30:00Z");
        for (int i = 0; i < 3; i++) {
            assertThat(caps.take(number, lateEvening.plusSeconds(i))).isTrue();
        }
        assertThat(caps.take(number, lateEvening.plusSeconds(10))).isFalse();
        assertThat(caps.take(number, Instant.parse("2026-12-04T16:30:00Z"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"in-process", "redis"})
    void whatIsLeftOfTheDayIsToldWithoutTakingAny(String kind) throws Exception {
        DailyCaps caps = caps(kind);
        ChannelIdentity number = new ChannelIdentity(Channel.SMS, "12348", "1390013" + (kind.length() * 1000 + 9));
        Instant noon = Instant.parse("2026-12-04T04:00:00Z");
        assertThat(caps.left(number, noon)).isEqualTo(3);
        caps.take(number, noon);
        assertThat(caps.left(number, noon.plusSeconds(1))).isEqualTo(2);
        assertThat(caps.left(number, noon.plusSeconds(2))).as("asking takes nothing").isEqualTo(2);
        caps.take(number, noon.plusSeconds(3));
        caps.take(number, noon.plusSeconds(4));
        assertThat(caps.left(number, noon.plusSeconds(5))).isZero();
        assertThat(caps.left(number, Instant.parse("2026-12-04T16:30:00Z"))).as("the next day in Beijing").isEqualTo(3);
    }
}
