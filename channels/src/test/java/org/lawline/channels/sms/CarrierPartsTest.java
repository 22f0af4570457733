package org.lawline.channels.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CarrierPartsTest {

    @Test
    void seventyCharactersGoAsOneMessage() {
        String text = "劳".repeat(70);

        assertThat(CarrierParts.split(text)).containsExactly(text);
        assertThat(CarrierParts.count(text)).isEqualTo(1);
    }

    @Test
    void seventyOneCharactersGoAsTwoPartsOfAtMostSixtySeven() {
        List<String> parts = CarrierParts.split("劳".repeat(71));

        assertThat(parts).hasSize(2);
        assertThat(parts.get(0)).hasSize(67);
        assertThat(parts.get(1)).hasSize(4);
        assertThat(CarrierParts.count("劳".repeat(71))).isEqualTo(2);
    }

    @Test
    void longRepliesAreCountedInPartsOfSixtySeven() {
        assertThat(CarrierParts.count("劳".repeat(134))).isEqualTo(2);
        assertThat(CarrierParts.count("劳".repeat(135))).isEqualTo(3);
    }

    @Test
    void aLongReplyIsCutAtSentenceEndsWhereItCan() {
        String first = "用人单位拖欠工资的，劳动者可以向劳动保障监察机构投诉。";
        String second = "也可以向劳动争议仲裁委员会申请仲裁，仲裁不收费。";
        String third = "申请仲裁的时效期间为一年，从知道或者应当知道其权利被侵害之日起计算。";

        List<String> parts = CarrierParts.split(first + second + third);

        assertThat(parts).allSatisfy(part -> assertThat(part.length()).isLessThanOrEqualTo(67));
        assertThat(parts).containsExactly(first + second, third);
    }
}
