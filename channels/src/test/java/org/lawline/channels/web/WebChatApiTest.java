package org.lawline.channels.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lawline.channels.ScriptedConversations;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.DialogState;
import org.lawline.conversation.InboundMessage;
import org.lawline.conversation.Reply;
import org.lawline.conversation.ConversationId;
import org.lawline.conversation.EventId;
import org.lawline.conversation.ReplyComposed;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

@WebChatSpringTest
class WebChatApiTest {

    private static final String ISO_INSTANT = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z";

    @Autowired MockMvc mvc;
    @Autowired ScriptedConversations conversations;
    @Autowired ApplicationEventPublisher events;
    @Autowired JsonMapper json;
    @LocalServerPort int port;

    /** Each test its own citizen, from a session of its own: the database is shared by the cached context. */
    private String citizen;
    private String token;

    @BeforeEach
    void freshCitizenAndEngine() throws Exception {
        conversations.reset();
        var session = WebSessionsTest.open(mvc, json);
        citizen = session.citizenId();
        token = session.token();
    }

    @Test
    void answerCarriesKindTextStateAndCitationsAsAgreed() throws Exception {
        conversations.answerWith(m -> Replies.wageAnswer());

        postText("  老板拖欠工资怎么办 ")
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.kind").value("answer"))
                .andExpect(jsonPath("$.text").value(Replies.WAGE_ANSWER))
                .andExpect(jsonPath("$.state").value("BOT"))
                .andExpect(jsonPath("$.citations", hasSize(2)))
                .andExpect(jsonPath("$.citations[0].id").value("art:劳动合同法第三十条"))
                .andExpect(jsonPath("$.citations[0].law").value("中华人民共和国劳动合同法"))
                .andExpect(jsonPath("$.citations[0].article").value("第三十条"))
                .andExpect(jsonPath("$.citations[0].title").value("《劳动合同法》第三十条"))
                .andExpect(jsonPath("$.entryId").value("faq-wage-001"))
                .andExpect(jsonPath("$.score").value(0.87))
                .andExpect(jsonPath("$.choices", hasSize(0)));

        InboundMessage asked = conversations.received().get(0);
        assertThat(asked.from()).isEqualTo(new ChannelIdentity(Channel.WEB, "default", citizen));
        assertThat(asked.text()).isEqualTo("老板拖欠工资怎么办");
        assertThat(UUID.fromString(asked.messageId())).isNotNull();
    }

    @Test
    void replyWithoutAnEntryHasNullEntryIdAndScore() throws Exception {
        postText("你好")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("no_answer"))
                .andExpect(jsonPath("$.entryId").value(nullValue()))
                .andExpect(jsonPath("$.score").value(nullValue()))
                .andExpect(jsonPath("$.citations", hasSize(0)));
    }

    @Test
    void choicesCarryTheirNumberedOptions() throws Exception {
        conversations.answerWith(m -> Replies.divorceChoices());

        postText("离婚孩子归谁")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("choices"))
                .andExpect(jsonPath("$.state").value("CLARIFYING"))
                .andExpect(jsonPath("$.text").value(containsString("1. 离婚后孩子的抚养权归谁")))
                .andExpect(jsonPath("$.choices", hasSize(3)))
                .andExpect(jsonPath("$.choices[1].number").value(2))
                .andExpect(jsonPath("$.choices[1].question").value("离婚后抚养费怎么算"))
                .andExpect(jsonPath("$.citations", hasSize(0)));
    }

    @Test
    void emptyMessageIsRejectedWithAMessage() throws Exception {
        postText(" \n\t ")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.error").value("消息不能为空"));
        postJson("{\"citizenId\": \"" + citizen + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("消息不能为空"));
        assertThat(conversations.received()).isEmpty();
    }

    @Test
    void messageOfTenThousandCharactersIsRejectedWithTheLimit() throws Exception {
        postText("a".repeat(10_000))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("消息过长，请控制在2000字以内"));
        assertThat(conversations.received()).isEmpty();
    }

    @Test
    void tenThousandChineseCharactersAreStoppedByTheBodyCapWithTheSameLimit() throws Exception {
        // 30 KB of UTF-8: the body cap answers first, and its message names the same limit.
        postText("法".repeat(10_000))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.error").value(containsString("2000字")));
        assertThat(conversations.received()).isEmpty();
    }

    @Test
    void messageOfTwoThousandCharactersIsAcceptedCountingAnEmojiAsOne() throws Exception {
        postText("😀".repeat(2000)).andExpect(status().isOk());
        postText("😀".repeat(2001)).andExpect(status().isBadRequest());
        assertThat(conversations.received()).hasSize(1);
    }

    @Test
    void bodyOfOneHundredKilobytesIsRefusedBeforeParsing() throws Exception {
        byte[] body = ("{\"citizenId\": \"" + citizen + "\", \"text\": \"" + "a".repeat(100 * 1024) + "\"}")
                .getBytes(StandardCharsets.UTF_8);

        mvc.perform(post("/api/web/messages").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.error").value(containsString("16KB")));
        assertThat(conversations.received()).isEmpty();
    }

    @Test
    void streamedBodyPastTheCapIsRefusedOverRealHttp() throws Exception {
        byte[] body = ("{\"citizenId\": \"" + citizen + "\", \"text\": \"" + "a".repeat(40 * 1024) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        // ofInputStream has no length: the body goes chunked, without a Content-Length to check.
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/web/messages"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json.readTree(response.body()).get("error").asString()).contains("16KB");
        assertThat(conversations.received()).isEmpty();
    }

    @Test
    void invalidJsonIsRejectedWithJsonAndNoStackTrace() throws Exception {
        String body = postJson("{\"citizenId\": \"" + citizen + "\", \"text\": ")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.error").value(WebChatErrors.UNREADABLE_BODY))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).doesNotContain("Exception", "at org.", "tools.jackson", "line:");

        postJson("{\"citizenId\": \"" + citizen + "\", \"text\": {\"nested\": true}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(WebChatErrors.UNREADABLE_BODY));
        postJson("").andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value(WebChatErrors.UNREADABLE_BODY));
        postJson("null").andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").exists());
    }

    @Test
    void wrongContentTypeIsRejectedWithJson() throws Exception {
        mvc.perform(post("/api/web/messages").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.TEXT_PLAIN).content("老板拖欠工资怎么办"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.error").value(WebChatErrors.NOT_JSON));
    }

    @Test
    void missingCitizenIdIsRejected() throws Exception {
        postJson("{\"text\": \"你好\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(WebMessageRequest.INVALID_CITIZEN_ID));
        assertThat(conversations.received()).isEmpty();
    }

    @Test
    void citizenIdOutsideTheAllowedCharactersOrLengthIsRejected() throws Exception {
        for (String id : new String[] {"", "a b", "<script>", "张三", "a".repeat(65), "../etc"}) {
            postJson(json.writeValueAsString(new WebMessageRequest(id, "你好", null)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.error").value(WebMessageRequest.INVALID_CITIZEN_ID));
        }
        postJson(json.writeValueAsString(new WebMessageRequest(citizen, "你好", null))).andExpect(status().isOk());
    }

    @Test
    void onlyEmojiIsPassedToTheEngine() throws Exception {
        postText("😀🙏👍").andExpect(status().isOk()).andExpect(jsonPath("$.kind").value("no_answer"));
        assertThat(conversations.receivedTexts()).containsExactly("😀🙏👍");
    }

    @Test
    void scriptTagsArePassedToTheEngineAsText() throws Exception {
        postText(Replies.XSS).andExpect(status().isOk());
        assertThat(conversations.receivedTexts()).containsExactly(Replies.XSS);
    }

    @Test
    void engineFailureIsAnsweredWithoutDetails() throws Exception {
        conversations.answerWith(m -> {
            throw new IllegalStateException("secret detail from the engine");
        });

        String body = postText("你好")
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.error").value("系统繁忙，请稍后再试"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).doesNotContain("secret", "Exception");
    }

    @Test
    void repeatedMessageIdIsAnsweredOnceWithTheFirstAnswer() throws Exception {
        conversations.answerWith(m -> Replies.wageAnswer());
        String request = json.writeValueAsString(new WebMessageRequest(citizen, "老板拖欠工资怎么办", "m-1"));
        String first = postJson(request).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        conversations.answerWith(m -> new Reply.NoAnswer("第二次回答", DialogState.BOT));
        String second = postJson(request).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(json.readTree(second)).isEqualTo(json.readTree(first));
        assertThat(conversations.received()).hasSize(1);
    }

    @Test
    void sameMessageIdFromAnotherCitizenIsAnotherMessage() throws Exception {
        postJson(json.writeValueAsString(new WebMessageRequest(citizen, "你好", "m-1"))).andExpect(status().isOk());
        var other = WebSessionsTest.open(mvc, json);
        mvc.perform(post("/api/web/messages").header("Authorization", "Bearer " + other.token())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(new WebMessageRequest(other.citizenId(), "你好", "m-1"))))
                .andExpect(status().isOk());
        assertThat(conversations.received()).hasSize(2);
    }

    @Test
    void messageIdThatFailedCanBeRetried() throws Exception {
        String request = json.writeValueAsString(new WebMessageRequest(citizen, "你好", "m-2"));
        conversations.answerWith(m -> {
            throw new IllegalStateException("engine down");
        });
        postJson(request).andExpect(status().isInternalServerError());

        conversations.answerWith(m -> Replies.wageAnswer());
        postJson(request).andExpect(status().isOk()).andExpect(jsonPath("$.kind").value("answer"));
    }

    @Test
    void theThirtyFirstMessageOfACitizenInAMinuteIs429WithRetryAfterAndTheEngineIsNotAsked() throws Exception {
        // The limit counts whole minutes: start where 31 quick requests cannot straddle two.
        long intoMinute = System.currentTimeMillis() % 60_000;
        if (intoMinute > 50_000) {
            Thread.sleep(60_000 - intoMinute + 50);
        }
        for (int i = 0; i < 30; i++) {
            postText("问题 " + i).andExpect(status().isOk());
        }
        var refused = postText("第三十一个问题").andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.error", matchesPattern("发送过于频繁，请\\d+秒后再试")))
                .andReturn().getResponse();

        assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isBetween(1L, 60L);
        assertThat(conversations.received()).hasSize(30);
        // another citizen is not held back by this one
        var other = WebSessionsTest.open(mvc, json);
        mvc.perform(post("/api/web/messages").header("Authorization", "Bearer " + other.token())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(new WebMessageRequest(other.citizenId(), "你好", null))))
                .andExpect(status().isOk());
    }

    @Test
    void invalidMessageIdIsRejected() throws Exception {
        postJson(json.writeValueAsString(new WebMessageRequest(citizen, "你好", "a b")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(WebMessageRequest.INVALID_MESSAGE_ID));
    }

    @Test
    void laterMessagesAreThoseComposedOutsideAPostForThisWebCitizen() throws Exception {
        ChannelIdentity web = new ChannelIdentity(Channel.WEB, "default", citizen);
        Instant sent = Instant.parse("2026-11-29T09:10:11Z");
        events.publishEvent(new ReplyComposed(EventId.next(), ConversationId.next(), web, Optional.empty(), new Reply.Handoff("律师：您好，我是值班律师王律师。", DialogState.WITH_LAWYER), sent));
        events.publishEvent(new ReplyComposed(EventId.next(), ConversationId.next(), web, Optional.of("m-9"), new Reply.NoAnswer("这是对某条消息的直接回答", DialogState.BOT), sent));
        events.publishEvent(new ReplyComposed(EventId.next(), ConversationId.next(), new ChannelIdentity(Channel.WECHAT, "default", citizen), Optional.empty(),
                new Reply.NoAnswer("微信上的消息", DialogState.BOT), sent));
        events.publishEvent(new ReplyComposed(EventId.next(), ConversationId.next(), web, Optional.empty(), new Reply.Greeting("您的法律援助申请已受理。", DialogState.BOT), sent.plusSeconds(5)));
        // A POST's own answer (the engine publishes it with inReplyTo) is not repeated by the GET.
        postText("你好").andExpect(status().isOk());

        String page = getLater(null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.messages", hasSize(2)))
                .andExpect(jsonPath("$.messages[0].kind").value("handoff"))
                .andExpect(jsonPath("$.messages[0].text").value("律师：您好，我是值班律师王律师。"))
                .andExpect(jsonPath("$.messages[0].sentAt").value("2026-11-29T09:10:11Z"))
                .andExpect(jsonPath("$.messages[1].kind").value("greeting"))
                .andExpect(jsonPath("$.messages[1].text").value("您的法律援助申请已受理。"))
                .andExpect(jsonPath("$.messages[1].sentAt", matchesPattern(ISO_INSTANT)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        long first = json.readTree(page).get("messages").get(0).get("id").asLong();
        long second = json.readTree(page).get("messages").get(1).get("id").asLong();
        assertThat(second).isGreaterThan(first);
        assertThat(json.readTree(page).get("next").asLong()).isEqualTo(second);

        getLater(String.valueOf(first))
                .andExpect(jsonPath("$.messages", hasSize(1)))
                .andExpect(jsonPath("$.messages[0].id").value(second));
        getLater(String.valueOf(second))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.messages", hasSize(0)))
                .andExpect(jsonPath("$.next").value(second));
    }

    @Test
    void laterMessagesTellTheConversationsStateNow() throws Exception {
        conversations.putState(new ChannelIdentity(Channel.WEB, "default", citizen), DialogState.QUEUED);
        getLater(null).andExpect(status().isOk()).andExpect(jsonPath("$.state").value("QUEUED"));
    }

    @Test
    void laterMessagesComeFiftyAtATime() throws Exception {
        ChannelIdentity web = new ChannelIdentity(Channel.WEB, "default", citizen);
        for (int i = 0; i < 55; i++) {
            events.publishEvent(new ReplyComposed(EventId.next(), ConversationId.next(), web, Optional.empty(), new Reply.Greeting("通知 " + i, DialogState.BOT), Instant.now()));
        }
        String page = getLater(null).andExpect(jsonPath("$.messages", hasSize(50)))
                .andExpect(jsonPath("$.messages[49].text").value("通知 49"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        getLater(json.readTree(page).get("next").asString())
                .andExpect(jsonPath("$.messages", hasSize(5)))
                .andExpect(jsonPath("$.messages[0].text").value("通知 50"));
    }

    @Test
    void laterMessagesNeedAValidCitizenIdAndCursor() throws Exception {
        mvc.perform(get("/api/web/messages").header("Authorization", "Bearer " + token))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(WebMessageRequest.INVALID_CITIZEN_ID));
        for (String after : new String[] {"-1", "abc", "1e3", "99999999999999999999"}) {
            getLater(after).andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value(WebChatController.INVALID_AFTER));
        }
    }

    @Test
    void unknownPathsAndMethodsUnderTheApiAreAnsweredInJson() throws Exception {
        mvc.perform(get("/api/web/nothing-here").accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.error").value(WebChatFallbackController.NOT_FOUND));
        mvc.perform(put("/api/web/messages").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(jsonPath("$.error").value(WebChatFallbackController.METHOD_NOT_ALLOWED));
    }

    @Test
    void pageAndApiCarrySecurityHeaders() throws Exception {
        for (String path : new String[] {"/", "/index.html", "/web-chat.js", "/web-chat.css"}) {
            mvc.perform(get(path).accept(MediaType.TEXT_HTML, MediaType.ALL))
                    .andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"));
        }
        getLater(null)
                .andExpect(header().string("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"))
                .andExpect(header().string("Cache-Control", "no-store"));
    }

    @Test
    void everyResponseCarriesTheBaselineHeadersAndHstsOnlyOverTls() throws Exception {
        for (var request : new org.springframework.test.web.servlet.RequestBuilder[] {
                post("/wechat/default"), get("/api/admin/entries"), get("/error"), get("/nothing-here"),
                post("/api/web/messages")}) {
            mvc.perform(request)
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                    .andExpect(header().string("X-Frame-Options", "DENY"))
                    .andExpect(header().string("Referrer-Policy", "no-referrer"))
                    .andExpect(header().doesNotExist("Strict-Transport-Security"));
        }
        mvc.perform(get("/wechat/default")).andExpect(header().string("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"));
        mvc.perform(get("/").secure(true))
                .andExpect(header().string("Strict-Transport-Security", "max-age=31536000; includeSubDomains"));
    }

    @Test
    void pageIsServedWithItsTitleAndNothingFromElsewhere() throws Exception {
        // The page declares <meta charset="utf-8">; the response itself need not name one.
        String page = mvc.perform(get("/index.html"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("LawLine 法律咨询", "web-chat.js", "web-chat.css").doesNotContain("http://", "https://");
    }

    private ResultActions postText(String text) throws Exception {
        return postJson(json.writeValueAsString(new WebMessageRequest(citizen, text, null)));
    }

    private ResultActions postJson(String body) throws Exception {
        return mvc.perform(post("/api/web/messages").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions getLater(String after) throws Exception {
        var request = get("/api/web/messages").param("citizenId", citizen).header("Authorization", "Bearer " + token);
        if (after != null) {
            request.param("after", after);
        }
        return mvc.perform(request);
    }
}
