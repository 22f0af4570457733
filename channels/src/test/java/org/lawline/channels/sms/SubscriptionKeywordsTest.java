package org.lawline.channels.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SubscriptionKeywordsTest {

    @Test
    void tdTAndRAndTuidingStopPublicityWhateverTheCaseAndPunctuation() {
        for (String stop : new String[] {"TD", "td", " T ", "r", "退订", "退订。", "TD！"}) {
            assertThat(SubscriptionKeywords.of(stop)).as(stop).contains(SubscriptionKeywords.UNSUBSCRIBE);
        }
    }

    @Test
    void dingyueAndHuifuResumeIt() {
        assertThat(SubscriptionKeywords.of("订阅")).contains(SubscriptionKeywords.RESUBSCRIBE);
        assertThat(SubscriptionKeywords.of("恢复")).contains(SubscriptionKeywords.RESUBSCRIBE);
    }

    @Test
    void theWordsInsideAQuestionAreNoRequest() {
        assertThat(SubscriptionKeywords.of("T恤店老板拖欠工资怎么办")).isEqualTo(Optional.empty());
        assertThat(SubscriptionKeywords.of("我想退订健身卡但商家不退钱")).isEqualTo(Optional.empty());
    }
}
