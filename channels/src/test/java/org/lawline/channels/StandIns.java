package org.lawline.channels;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;

/** WireMock servers standing in for the platforms' APIs: one per platform and test JVM, on a free port of the loopback. */
public final class StandIns {

    private StandIns() {
    }

    /** A started server, stopped when the JVM ends. */
    public static WireMockServer start() {
        WireMockServer server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }

    public static String baseUrl(WireMockServer server) {
        return "http://127.0.0.1:" + server.port();
    }
}
