package org.lawline.channels.wechat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.lawline.channels.StandIns;

/**
 * WireMock in WeChat's place, one per test JVM, answering as WeChat's API documents: access_token
 * from {@code /cgi-bin/token}, {@code errcode 0} for sends unless a test says otherwise.
 */
final class WeChatStub {

    static final WireMockServer SERVER = StandIns.start();

    private WeChatStub() {
    }

    static String baseUrl() {
        return StandIns.baseUrl(SERVER);
    }

    /** Back to WeChat's happy path: a token per request, every send accepted. */
    static void reset() {
        SERVER.resetAll();
        SERVER.stubFor(get(urlPathEqualTo("/cgi-bin/token"))
                .willReturn(okJson("{\"access_token\":\"TOKEN-1\",\"expires_in\":7200}")));
        SERVER.stubFor(post(urlPathEqualTo("/cgi-bin/message/custom/send"))
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        SERVER.stubFor(post(urlPathEqualTo("/cgi-bin/message/template/send"))
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":200228332}")));
        SERVER.stubFor(post(urlPathEqualTo("/cgi-bin/menu/create"))
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        SERVER.stubFor(get(urlPathEqualTo("/secret")).willReturn(aResponse().withBody("TOP-SECRET")));
    }
}
