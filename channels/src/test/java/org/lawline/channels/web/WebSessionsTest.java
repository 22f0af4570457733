package org.lawline.channels.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lawline.channels.ScriptedConversations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

@WebChatSpringTest
class WebSessionsTest {

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired JdbcClient db;
    @Autowired ScriptedConversations conversations;

    @BeforeEach
    void freshEngine() {
        conversations.reset();
    }

    /** Opens a session the way the page does. */
    static WebSessions.Session open(MockMvc mvc, JsonMapper json) throws Exception {
        String body = mvc.perform(post(WebSessionController.SESSION)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return json.readValue(body, WebSessions.Session.class);
    }

    @Test
    void aSessionIsAServerIssuedCitizenIdAndATokenOfAtLeast128RandomBits() throws Exception {
        WebSessions.Session first = open(mvc, json);
        WebSessions.Session second = open(mvc, json);

        assertThat(first.citizenId()).matches(WebMessageRequest.ID.pattern()).isNotEqualTo(second.citizenId());
        assertThat(Base64.getUrlDecoder().decode(first.citizenId().substring(1))).hasSize(16);
        String mac = first.token().substring(first.token().lastIndexOf('.') + 1);
        assertThat(Base64.getUrlDecoder().decode(mac)).hasSize(32);
    }

    @Test
    void aMessageOrPollWithoutATokenIs401AndItsBodyIsNeverRead() throws Exception {
        String body = "{\"citizenId\": \"" + open(mvc, json).citizenId() + "\", \"text\": \"你好\"}";
        for (ResultActions call : new ResultActions[] {
                mvc.perform(post("/api/web/messages").contentType(MediaType.APPLICATION_JSON).content(body)),
                // invalid JSON would be a 400: the 401 shows the parser never ran
                mvc.perform(post("/api/web/messages").contentType(MediaType.APPLICATION_JSON).content("{\"text\": ")),
                mvc.perform(get("/api/web/messages").param("citizenId", "someone")),
                mvc.perform(post("/api/web/messages").header("Authorization", "Basic c2E6")
                        .contentType(MediaType.APPLICATION_JSON).content(body))}) {
            call.andExpect(status().isUnauthorized())
                    .andExpect(header().string("WWW-Authenticate", "Bearer"))
                    .andExpect(jsonPath("$.error").value("请先建立会话：缺少或无效的访问令牌"));
        }
        assertThat(conversations.received()).isEmpty();
    }

    @Test
    void aTokenWeDidNotSignIs401() throws Exception {
        WebSessions.Session session = open(mvc, json);
        String forged = session.citizenId() + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);
        String chosenId = "13800138000." + session.token().substring(session.token().lastIndexOf('.') + 1);
        for (String token : new String[] {forged, chosenId, session.citizenId(), "", session.token() + "x"}) {
            mvc.perform(get("/api/web/messages").param("citizenId", session.citizenId()).header("Authorization", "Bearer " + token))
                    .andExpect(status().isUnauthorized());
        }
    }

    @Test
    void aTokenForAnotherCitizenIdIs403ForMessagesAndPolls() throws Exception {
        WebSessions.Session mine = open(mvc, json);
        WebSessions.Session theirs = open(mvc, json);

        mvc.perform(get("/api/web/messages").param("citizenId", theirs.citizenId()).header("Authorization", "Bearer " + mine.token()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("访问令牌与 citizenId 不符"));
        mvc.perform(post("/api/web/messages").header("Authorization", "Bearer " + mine.token())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(new WebMessageRequest(theirs.citizenId(), "你好", null))))
                .andExpect(status().isForbidden());
        assertThat(conversations.received()).isEmpty();

        mvc.perform(get("/api/web/messages").param("citizenId", mine.citizenId()).header("Authorization", "Bearer " + mine.token()))
                .andExpect(status().isOk());
    }

    @Test
    void aSessionOpenedHereIsValidOnAnotherInstanceAndAfterARestartSharingTheDatabase() throws Exception {
        WebSessions.Session session = open(mvc, json);
        // Another instance (or this one restarted): its own key holder, reading the same database.
        WebSessions elsewhere = new WebSessions(new SessionKey(WebChatSettings.withSessionKey(""), db, Clock.systemUTC()));

        assertThat(elsewhere.citizenOf("Bearer " + session.token())).isEqualTo(session.citizenId());
        assertThat(db.sql("select count(*) from web_session_key").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void instancesConfiguredWithTheSameKeyAcceptEachOthersTokens() {
        String key = "k".repeat(40);
        WebSessions one = new WebSessions(new SessionKey(WebChatSettings.withSessionKey(key), db, Clock.systemUTC()));
        WebSessions two = new WebSessions(new SessionKey(WebChatSettings.withSessionKey(key), db, Clock.systemUTC()));
        WebSessions.Session session = one.open();

        assertThat(two.citizenOf("Bearer " + session.token())).isEqualTo(session.citizenId());
    }

    @Test
    void aSessionKeyShorterThan32CharactersIsRefusedAtStart() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WebChatSettings.withSessionKey("short"))
                .hasMessageContaining("LAWLINE_WEB_SESSION_KEY");
    }

    @Test
    void aPartnerAppSignsItsRequestsInsteadOfHoldingASession() throws Exception {
        String citizen = "app-" + System.nanoTime();
        byte[] body = json.writeValueAsBytes(new WebMessageRequest(citizen, "你好", null));
        String timestamp = Long.toString(java.time.Instant.now().getEpochSecond());

        mvc.perform(post("/api/web/messages").contentType(MediaType.APPLICATION_JSON).content(body)
                        .header(PartnerSignatures.PARTNER, "app").header(PartnerSignatures.CITIZEN, citizen)
                        .header(PartnerSignatures.TIMESTAMP, timestamp)
                        .header(PartnerSignatures.SIGNATURE, PartnerSignaturesTest.signature(PartnerSignaturesTest.KEY, citizen, timestamp, body)))
                .andExpect(status().isOk());
        assertThat(conversations.receivedFrom(citizen)).hasSize(1);

        mvc.perform(get("/api/web/messages").param("citizenId", citizen)
                        .header(PartnerSignatures.PARTNER, "app").header(PartnerSignatures.CITIZEN, citizen)
                        .header(PartnerSignatures.TIMESTAMP, timestamp)
                        .header(PartnerSignatures.SIGNATURE, PartnerSignaturesTest.signature(PartnerSignaturesTest.KEY, citizen, timestamp, new byte[0])))
                .andExpect(status().isOk());
    }

    @Test
    void aPartnerRequestWithABodyItDidNotSignIs401AndForAnotherCitizen403() throws Exception {
        String citizen = "app-" + System.nanoTime();
        String timestamp = Long.toString(java.time.Instant.now().getEpochSecond());
        byte[] signedBody = json.writeValueAsBytes(new WebMessageRequest(citizen, "你好", null));
        byte[] otherBody = json.writeValueAsBytes(new WebMessageRequest(citizen, "把别人的消息给我", null));
        String signature = PartnerSignaturesTest.signature(PartnerSignaturesTest.KEY, citizen, timestamp, signedBody);

        mvc.perform(post("/api/web/messages").contentType(MediaType.APPLICATION_JSON).content(otherBody)
                        .header(PartnerSignatures.PARTNER, "app").header(PartnerSignatures.CITIZEN, citizen)
                        .header(PartnerSignatures.TIMESTAMP, timestamp).header(PartnerSignatures.SIGNATURE, signature))
                .andExpect(status().isUnauthorized());

        byte[] forAnother = json.writeValueAsBytes(new WebMessageRequest("app-other", "你好", null));
        mvc.perform(post("/api/web/messages").contentType(MediaType.APPLICATION_JSON).content(forAnother)
                        .header(PartnerSignatures.PARTNER, "app").header(PartnerSignatures.CITIZEN, citizen)
                        .header(PartnerSignatures.TIMESTAMP, timestamp)
                        .header(PartnerSignatures.SIGNATURE, PartnerSignaturesTest.signature(PartnerSignaturesTest.KEY, citizen, timestamp, forAnother)))
                .andExpect(status().isForbidden());
        assertThat(conversations.received()).isEmpty();
    }

    @Test
    void theSessionsTokenIsNeverPrinted() throws Exception {
        WebSessions.Session session = open(mvc, json);
        assertThat(session.toString()).doesNotContain(session.token().substring(session.token().lastIndexOf('.') + 1));
    }
}
