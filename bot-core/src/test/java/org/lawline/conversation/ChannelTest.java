package org.lawline.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChannelTest {

    @Test
    void everyChannelReadsBackFromItsWireName() {
        for (Channel channel : Channel.values()) {
            assertThat(Channel.of(channel.wireName())).isEqualTo(channel);
        }
        assertThat(Channel.of("WeChat")).isEqualTo(Channel.WECHAT);
    }

    @Test
    void keysKeepTheNamesTheyHadWhenChannelsWereStrings() {
        assertThat(new ChannelIdentity(Channel.WECHAT, "gh_lawline", "oUser1234567890").key()).isEqualTo("wechat:gh_lawline:oUser1234567890");
        assertThat(new ChannelIdentity(Channel.SMS, "12348", "13800138000").key()).isEqualTo("sms:12348:13800138000");
    }

    @Test
    void rowsTheCommandLineWroteUnderItsOwnNameReadAsTheWeb() {
        assertThat(Channel.of("cli")).isEqualTo(Channel.WEB);
    }

    @Test
    void aNameNoChannelHasIsRefused() {
        assertThatThrownBy(() -> Channel.of("fax")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fax");
    }
}
