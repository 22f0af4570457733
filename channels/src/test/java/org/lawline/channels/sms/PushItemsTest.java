package org.lawline.channels.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PushItemsTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aSequenceIdAsANumberOrAsAStringIsTheSameMessage() {
        String asNumber = "{\"phone_number\":\"13800138000\",\"content\":\"你好\",\"dest_code\":\"1\",\"sequence_id\":1234567}";
        String asString = "{\"phone_number\":\"13800138000\",\"content\":\"你好\",\"dest_code\":\"1\",\"sequence_id\":\"1234567\"}";

        assertThat(PushItems.message(node(asNumber)).orElseThrow().key()).isEqualTo(PushItems.message(node(asString)).orElseThrow().key());
    }

    @Test
    void aMessageWithoutASignNameIsReadAllTheSame() {
        PushItems.MobileOriginated message = PushItems.message(node(
                "{\"phone_number\":\"13800138000\",\"send_time\":\"2026-12-04 12:00:00\",\"content\":\"欠薪\",\"dest_code\":\"1\",\"sequence_id\":7}"))
                .orElseThrow();

        assertThat(message.signName()).isEmpty();
        assertThat(message.content()).isEqualTo("欠薪");
    }

    @Test
    void aReceiptNamingOnlyItsBizIdIsRead() {
        PushItems.DeliveryReceipt receipt = PushItems.receipt(node(
                "{\"phone_number\":\"13800138000\",\"success\":true,\"biz_id\":\"900619746936498440^0\"}")).orElseThrow();

        assertThat(receipt.bizId()).contains("900619746936498440^0");
        assertThat(receipt.outId()).isEmpty();
        assertThat(receipt.success()).isTrue();
    }

    @Test
    void anItemWithoutAMobileNumberIsSkippedNotTheBatch() {
        PushItems.Batch<PushItems.MobileOriginated> batch = new PushItems(json).messages(node(
                "[{\"phone_number\":\"12345\",\"content\":\"x\",\"sequence_id\":1},"
                        + "{\"phone_number\":\"13800138000\",\"content\":\"y\",\"sequence_id\":2}]"));

        assertThat(batch.items()).hasSize(1);
        assertThat(batch.skipped()).isEqualTo(1);
    }

    private JsonNode node(String text) {
        return json.readTree(text);
    }
}
