package org.lawline.channels.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.SubmitSm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lawline.channels.delivery.PlatformAnswer;
import tools.jackson.databind.json.JsonMapper;

/** The SMPP gateway against jSMPP's own server side in this JVM: binds, submits, deliveries, throttling, a lost link. */
class SmppGatewayIT {

    private final List<PushItems.MobileOriginated> messages = new CopyOnWriteArrayList<>();
    private final List<PushItems.DeliveryReceipt> receipts = new CopyOnWriteArrayList<>();
    private InProcessSmsc smsc;
    private SmppGateway gateway;

    @BeforeEach
    void bind() throws Exception {
        smsc = new InProcessSmsc();
        SmsSettings.Smsc link = new SmsSettings.Smsc("127.0.0.1", smsc.port(), "lawline", "secret", "", "12348",
                Duration.ofMillis(300), Duration.ofSeconds(5), Duration.ofMillis(200), Duration.ofSeconds(2));
        gateway = new SmppGateway("operator", link, JsonMapper.builder().build(), Duration.ofMillis(20));
        gateway.start(new SmppGateway.Receiver() {
            @Override
            public void message(String name, PushItems.MobileOriginated message) {
                messages.add(message);
            }

            @Override
            public void receipt(String name, PushItems.DeliveryReceipt receipt) {
                receipts.add(receipt);
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> gateway.isBound() && smsc.hasBoundSession());
    }

    @AfterEach
    void unbind() throws Exception {
        gateway.close();
        smsc.close();
    }

    @Test
    void bindsAsATransceiverAndKeepsTheIdleLinkAliveWithEnquireLinks() {
        assertThat(smsc.binds).containsExactly(BindType.BIND_TRX);
        await().atMost(Duration.ofSeconds(5)).until(() -> smsc.enquireLinks.get() >= 2);
    }

    @Test
    void aShortReplyIsOneUcs2SubmitWithoutAHeader() {
        PlatformAnswer answer = gateway.send("13800138000", "您好，值班律师已回复。", "41");

        assertThat(answer).isInstanceOf(PlatformAnswer.Accepted.class);
        assertThat(smsc.submitted).hasSize(1);
        SubmitSm submit = smsc.submitted.get(0);
        assertThat(submit.getDataCoding()).isEqualTo((byte) 0x08);
        assertThat(submit.getEsmClass() & 0x40).isZero();
        assertThat(submit.getDestAddress()).isEqualTo("13800138000");
        assertThat(submit.getSourceAddr()).isEqualTo("12348");
        assertThat(new String(submit.getShortMessage(), StandardCharsets.UTF_16BE)).isEqualTo("您好，值班律师已回复。");
    }

    @Test
    void aLongReplyGoesAsConcatenatedSegmentsOfSixtySevenThatJoinToTheText() {
        String reply = "劳动者可以向劳动保障监察机构投诉，也可以向劳动争议仲裁委员会申请仲裁。".repeat(4);

        PlatformAnswer answer = gateway.send("13800138000", reply, "42");

        assertThat(answer).isInstanceOf(PlatformAnswer.Accepted.class);
        assertThat(smsc.submitted).hasSize(3);
        StringBuilder joined = new StringBuilder();
        byte reference = smsc.submitted.get(0).getShortMessage()[3];
        for (int i = 0; i < 3; i++) {
            byte[] message = smsc.submitted.get(i).getShortMessage();
            assertThat(smsc.submitted.get(i).getEsmClass() & 0x40).as("UDHI").isEqualTo(0x40);
            assertThat(Arrays.copyOfRange(message, 0, 6)).containsExactly(0x05, 0x00, 0x03, reference, 3, i + 1);
            String segment = new String(message, 6, message.length - 6, StandardCharsets.UTF_16BE);
            assertThat(segment.length()).isLessThanOrEqualTo(67);
            joined.append(segment);
        }
        assertThat(joined).hasToString(reply);
    }

    @Test
    void throttlingIsSlowedDownNotDropped() {
        smsc.throttleNext.set(3);

        PlatformAnswer answer = gateway.send("13800138000", "您的回拨已安排。", "43");

        assertThat(answer).isInstanceOf(PlatformAnswer.Accepted.class);
        assertThat(smsc.submitted).hasSize(1);
        assertThat(smsc.throttleNext.get()).isZero();
    }

    @Test
    void deliverSmIsAReceiptWhenItsEsmClassSaysSoAndACitizensMessageOtherwise() throws Exception {
        PlatformAnswer answer = gateway.send("13800138000", "您好。", "44");
        String messageId = ((PlatformAnswer.Accepted) answer).platformId().orElseThrow();

        smsc.deliverMessage("8613800138000", "老板拖欠工资怎么办");
        smsc.deliverReceipt("13800138000", messageId, "UNDELIV", "001");

        await().atMost(Duration.ofSeconds(5)).until(() -> messages.size() == 1 && receipts.size() == 1);
        assertThat(messages.get(0).content()).isEqualTo("老板拖欠工资怎么办");
        assertThat(messages.get(0).from().digits()).isEqualTo("13800138000");
        assertThat(receipts.get(0).bizId()).contains(messageId);
        assertThat(receipts.get(0).success()).isFalse();
        assertThat(receipts.get(0).errCode()).isEqualTo("001");
    }

    @Test
    void aLostLinkIsBoundAgainAndPartsWaitMeanwhileInsteadOfFailing() {
        smsc.dropLink();

        await().atMost(Duration.ofSeconds(5)).until(() -> !gateway.isBound());
        assertThat(gateway.notReadyUntil(Instant.now())).isPresent();
        await().atMost(Duration.ofSeconds(10)).until(() -> gateway.isBound() && smsc.hasBoundSession());

        assertThat(smsc.binds).hasSize(2);
        assertThat(gateway.notReadyUntil(Instant.now())).isEmpty();
        assertThat(gateway.send("13800138000", "您好。", "45")).isInstanceOf(PlatformAnswer.Accepted.class);
    }
}
