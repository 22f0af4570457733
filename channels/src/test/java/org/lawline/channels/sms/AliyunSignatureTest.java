package org.lawline.channels.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The signature against the worked example of Aliyun's SMS signature document (the parameters of
 * a {@code SendSms} GET, AccessKeyId {@code testId}, secret {@code testSecret}), whose published
 * result is {@code zJDF+Lrzhj/ThnlvIToysFRq6t4=}.
 */
class AliyunSignatureTest {

    private static final Map<String, String> DOCUMENTED = Map.ofEntries(
            Map.entry("SignatureMethod", "HMAC-SHA1"),
            Map.entry("SignatureNonce", "45e25e9b-0a6f-4070-8c85-2956eda1b466"),
            Map.entry("AccessKeyId", "testId"),
            Map.entry("SignatureVersion", "1.0"),
            Map.entry("Timestamp", "2017-07-12T02:42:19Z"),
            Map.entry("Format", "XML"),
            Map.entry("Action", "SendSms"),
            Map.entry("Version", "2017-05-25"),
            Map.entry("RegionId", "cn-hangzhou"),
            Map.entry("PhoneNumbers", "15300000001"),
            Map.entry("SignName", "阿里云短信测试专用"),
            Map.entry("TemplateParam", "{\"customer\":\"test\"}"),
            Map.entry("TemplateCode", "SMS_71390007"),
            Map.entry("OutId", "123"));

    @Test
    void theDocumentedSendSmsExampleSignsToThePublishedSignature() {
        assertThat(AliyunSignature.sign("GET", new TreeMap<>(DOCUMENTED), "testSecret")).isEqualTo("zJDF+Lrzhj/ThnlvIToysFRq6t4=");
    }

    @Test
    void theCanonicalQueryIsSortedAndEncodedAsTheDocumentShowsIt() {
        String query = AliyunSignature.canonicalQuery(new TreeMap<>(DOCUMENTED));

        assertThat(query).startsWith("AccessKeyId=testId&Action=SendSms&Format=XML&OutId=123&PhoneNumbers=15300000001&RegionId=cn-hangzhou"
                + "&SignName=%E9%98%BF%E9%87%8C%E4%BA%91%E7%9F%AD%E4%BF%A1%E6%B5%8B%E8%AF%95%E4%B8%93%E7%94%A8&SignatureMethod=HMAC-SHA1");
        assertThat(query).contains("TemplateParam=%7B%22customer%22%3A%22test%22%7D").contains("Timestamp=2017-07-12T02%3A42%3A19Z");
    }

    @Test
    void spacesStarsAndTildesAreEncodedTheRfc3986Way() {
        assertThat(AliyunSignature.percentEncode("a b*c~d+e")).isEqualTo("a%20b%2Ac~d%2Be");
    }

    @Test
    void aPostIsSignedDifferentlyFromAGetOfTheSameParameters() {
        assertThat(AliyunSignature.sign("POST", new TreeMap<>(DOCUMENTED), "testSecret")).isNotEqualTo("zJDF+Lrzhj/ThnlvIToysFRq6t4=");
    }
}
