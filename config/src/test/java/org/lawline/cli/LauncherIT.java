package org.lawline.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged application as a citizen's question reaches it from the command line: a separate
 * JVM, no server running, its own embedded database under a fresh LAWLINE_HOME.
 */
class LauncherIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path JAR = Path.of("target", "lawline.jar");

    @TempDir
    static Path home;

    @BeforeAll
    static void theJarIsBuilt() {
        assertThat(JAR).as("the verify phase packages target/lawline.jar before integration tests").exists();
    }

    @Test
    void askJsonAnswersWithoutARunningServer() throws Exception {
        Result r = run(null, "ask", "--json", "老板拖欠工资三个月不发怎么办");

        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode reply = JSON.readTree(r.out());
        assertThat(reply.get("kind").asString()).isEqualTo("answer");
        assertThat(reply.get("entryId").asString()).startsWith("ll-wage-");
        assertThat(reply.get("score").isNumber()).isTrue();
        assertThat(reply.get("citations")).isNotEmpty();
        assertThat(reply.get("text").asString()).contains("工资");
    }

    @Test
    void askJsonWithoutAQuestionAnswersEveryLineOfStandardInput() throws Exception {
        Result r = run("老板拖欠工资三个月不发怎么办\n\n转人工\n你好\n", "ask", "--json");

        assertThat(r.exit()).as(r.err()).isZero();
        List<String> kinds = new ArrayList<>();
        for (String line : r.out().strip().split("\n")) {
            kinds.add(JSON.readTree(line).get("kind").asString());
        }
        assertThat(kinds).containsExactly("answer", "handoff", "greeting");
    }

    @Test
    void importKeepsGoodRowsAndReportsBadOnesByLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("entries.jsonl");
        Files.writeString(file, """
                {"id": "imp-1", "question": "个体工商户欠的债由谁来还", "answer": "个人经营的个体工商户，债务以个人财产承担。家庭经营的，以家庭财产承担；无法区分的，也以家庭财产承担。", "category": "民法总则", "law_refs": ["中华人民共和国民法典第五十六条"]}
                {"id": "imp-2", "question": "缺少答案的行"}
                not json at all
                {"id": "imp-3", "question": "邻居家的树枝伸到我家院子怎么办", "answer": "相邻各方应当互相提供便利。可以先协商修剪，协商不成申请人民调解。", "category": "相邻关系", "law_refs": []}
                """, StandardCharsets.UTF_8);

        Result r = run(null, "import", file.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("2 条已导入").contains("2 行被拒绝").contains("第 2 行").contains("第 3 行");

        Result asked = run(null, "ask", "--json", "个体工商户的债务谁来承担");
        assertThat(JSON.readTree(asked.out()).get("entryId").asString()).isEqualTo("imp-1");
    }

    @Test
    void wechatMenuIsPushedThroughTheConfiguredApi() throws Exception {
        WireMockServer wechat = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        wechat.start();
        try {
            wechat.stubFor(get(urlPathEqualTo("/cgi-bin/token"))
                    .willReturn(okJson("{\"access_token\":\"ACCESS\",\"expires_in\":7200}")));
            wechat.stubFor(post(urlPathEqualTo("/cgi-bin/menu/create"))
                    .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));

            Result r = run(null, Map.of(
                    "LAWLINE_WECHAT_APP_ID", "wx0123456789abcdef",
                    "LAWLINE_WECHAT_SECRET", "secret",
                    "LAWLINE_WECHAT_TOKEN", "token",
                    "LAWLINE_WECHAT_API_BASE_URL", wechat.baseUrl()),
                    "wechat", "menu", "--account", "default");

            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).contains("菜单已推送");
            wechat.verify(1, postRequestedFor(urlPathEqualTo("/cgi-bin/menu/create"))
                    .withQueryParam("access_token", equalTo("ACCESS"))
                    .withRequestBody(containing("常见问题")));
        } finally {
            wechat.stop();
        }
    }

    @Test
    void wechatMenuForAnUnknownAccountFails() throws Exception {
        Result r = run(null, "wechat", "menu", "--account", "county");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("county");
    }

    @Test
    void userAddWorksOnANewDatabaseAndReadsThePasswordFromStandardInput(@TempDir Path freshHome) throws Exception {
        Map<String, String> fresh = Map.of("LAWLINE_HOME", freshHome.toString());
        String password = "一个足够长的密码2026";

        Result added = run(password + "\n", fresh, "user", "add", "zhang", "--role", "LAWYER", "--display-name", "张律师");
        assertThat(added.exit()).as(added.err()).isZero();
        assertThat(added.out()).contains("zhang");
        assertThat(added.out() + added.err()).doesNotContain(password);

        Result again = run("another long password\n", fresh, "user", "add", "zhang", "--role", "LAWYER");
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("zhang");

        Result tooShort = run("123456789\n", fresh, "user", "add", "li", "--role", "OPERATOR");
        assertThat(tooShort.exit()).isEqualTo(1);
        assertThat(tooShort.err()).contains("10");

        Result disabled = run(null, fresh, "user", "disable", "zhang");
        assertThat(disabled.exit()).as(disabled.err()).isZero();
        assertThat(run(null, fresh, "user", "disable", "nobody").exit()).isEqualTo(1);
    }

    @Test
    void purgeRunsOnTheEmbeddedDatabaseAndPrintsALinePerKindOfRecord(@TempDir Path freshHome) throws Exception {
        Map<String, String> fresh = Map.of("LAWLINE_HOME", freshHome.toString());

        Result purged = run(null, fresh, "purge");
        assertThat(purged.exit()).as(purged.err()).isZero();
        assertThat(purged.out()).startsWith("purge: records before ").contains("(retention P180D)")
                .contains("\nconversation_turn 0\n", "\noutbound_part 0\n", "\nescalation 0\n", "\ncallback_request 0\n")
                .endsWith("total 0\n");

        Result citizen = run(null, fresh, "purge", "--citizen", "sms:13800138000");
        assertThat(citizen.exit()).as(citizen.err()).isZero();
        assertThat(citizen.out()).startsWith("purge: citizen sms:13****00\n").doesNotContain("13800138000");
    }

    @Test
    void purgeRunsOnAConfiguredPostgres() throws Exception {
        String schema = "lawline_purge_cli_" + java.util.UUID.randomUUID().toString().replace("-", "");
        String url = org.lawline.storage.PostgresTestDatabase.URL;
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, org.lawline.storage.PostgresTestDatabase.USER, "")) {
            c.createStatement().execute("create schema " + schema);
            try {
                Result purged = run(null, Map.of("LAWLINE_DATABASE_URL", url + "?currentSchema=" + schema,
                        "LAWLINE_DATABASE_USER", org.lawline.storage.PostgresTestDatabase.USER, "LAWLINE_RETENTION", "P30D"), "purge");
                assertThat(purged.exit()).as(purged.err()).isZero();
                assertThat(purged.out()).contains("(retention P30D)", "\nconversation_turn 0\n").endsWith("total 0\n");
            } finally {
                c.createStatement().execute("drop schema if exists " + schema + " cascade");
            }
        }
    }

    @Test
    void purgeWithAnUnknownFlagExitsWithUsage() throws Exception {
        Result r = run(null, "purge", "--everything");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--everything").contains("用法");
    }

    @Test
    void unknownCommandExitsWithUsage() throws Exception {
        Result r = run(null, "asq", "问题");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("用法");
    }

    private static Result run(String stdin, String... args) throws IOException, InterruptedException {
        return run(stdin, Map.of(), args);
    }

    private static Result run(String stdin, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("LAWLINE_HOME", home.toString());
        pb.environment().remove("LAWLINE_DATABASE_URL");
        pb.environment().remove("LAWLINE_REDIS_URL");
        pb.environment().putAll(env);
        Path out = Files.createTempFile(home, "out", ".txt");
        Path err = Files.createTempFile(home, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        try (var in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the command finishes").isTrue();
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    record Result(int exit, String out, String err) {
    }
}
