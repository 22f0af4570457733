package org.lawline.channels.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The reasons the platforms record, as a duty lawyer reads them. */
class RefusalTextsTest {

    @Test
    void weChatsClosedWindowTellsTheLawyerTheCitizenHasToWriteFirst() {
        assertThat(RefusalTexts.forPeople(PartState.NOT_DELIVERED, Optional.of("not delivered: the citizen has to write again (WeChat errcode 45015)")))
                .startsWith("未送达").contains("48 小时").contains("再发消息");
        assertThat(RefusalTexts.forPeople(PartState.NOT_DELIVERED, Optional.of("not delivered: the citizen has to write again (48-hour window closed)")))
                .contains("48 小时");
    }

    @Test
    void aSpentAllowanceADailyCapAndAnUnfollowEachSayWhatHappened() {
        assertThat(RefusalTexts.forPeople(PartState.NOT_DELIVERED, Optional.of("not delivered: the citizen has to write again (WeChat errcode 45047)")))
                .contains("用完");
        assertThat(RefusalTexts.forPeople(PartState.NOT_DELIVERED, Optional.of("not delivered: the daily cap of 10 messages to this number is reached")))
                .contains("上限");
        assertThat(RefusalTexts.forPeople(PartState.NOT_DELIVERED, Optional.of("not delivered: the follower unfollowed the account")))
                .contains("取消关注");
    }

    @Test
    void aFailureIsToldApartFromARefusal() {
        assertThat(RefusalTexts.forPeople(PartState.FAILED, Optional.of("WeChat errcode 40001"))).contains("发送失败");
        assertThat(RefusalTexts.forPeople(PartState.NOT_DELIVERED, Optional.empty())).contains("拒收");
    }
}
