package org.lawline.channels.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.lawline.channels.StandIns;

/**
 * WireMock in the place of Aliyun's SMS API (dysmsapi), answering {@code SendSms} as its API
 * reference documents it: {@code {"Code":"OK","Message":"OK","BizId":…,"RequestId":…}}, a BizId
 * of its own for each call; errors with their documented codes when a test asks for them.
 */
final class AliyunStub {

    static final WireMockServer SERVER = StandIns.start();

    /** The SendSms calls made for one number, each as its form parameters. */
    static List<Map<String, String>> sendsTo(String phoneNumber) {
        return SERVER.findAll(postRequestedFor(urlPathEqualTo("/"))).stream()
                .map(AliyunStub::form)
                .filter(form -> phoneNumber.equals(form.get("PhoneNumbers")))
                .toList();
    }

    /** Every call accepted, with a BizId of its own. */
    static void acceptEverySend() {
        SERVER.resetAll();
        SERVER.stubFor(post(urlPathEqualTo("/")).willReturn(okJson("""
                {"Code":"OK","Message":"OK","BizId":"{{randomValue length=15 type='NUMERIC'}}^0","RequestId":"{{randomValue type='UUID'}}"}""")
                .withTransformers("response-template")));
    }

    static Map<String, String> form(LoggedRequest request) {
        Map<String, String> form = new TreeMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    private AliyunStub() {
    }
}
