package org.lawline.channels.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lawline.channels.ScriptedConversations;
import org.lawline.conversation.AnswerFeedback;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/web/feedback}: 有用 / 没用 on one of the citizen's own answers, closed like the
 * rest of the web chat, kept with the answer's transcript turn (bot-core's tables and writer).
 */
@WebChatSpringTest
class WebFeedbackApiTest {

    @Autowired MockMvc mvc;
    @Autowired ScriptedConversations conversations;
    @Autowired JsonMapper json;
    @Autowired JdbcTemplate sql;

    private String citizen;
    private String token;

    @BeforeEach
    void freshCitizenWithAnAnswer() throws Exception {
        conversations.reset();
        conversations.answerWith(m -> Replies.wageAnswer());
        var session = WebSessionsTest.open(mvc, json);
        citizen = session.citizenId();
        token = session.token();
    }

    @Test
    void anAnswerNamesItsTurnAndAVerdictOnItIsKeptWithThatTurn() throws Exception {
        String turnId = ask();

        feedback(token, citizen, turnId, "useful")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.turnId").value(turnId))
                .andExpect(jsonPath("$.verdict").value("useful"));

        var kept = sql.queryForMap("select f.verdict, f.citizen_id, t.entry_id from turn_feedback f"
                + " join conversation_turn t on t.id = f.turn_id where f.turn_id = ?", turnId);
        assertThat(kept.get("verdict")).isEqualTo("USEFUL");
        assertThat(kept.get("citizen_id")).isEqualTo(citizen);
        assertThat(kept.get("entry_id")).isEqualTo("faq-wage-001");
        assertThat(sql.queryForObject("select count(*) from turn_feedback where turn_id = ? and given_at is not null",
                Integer.class, turnId)).isEqualTo(1);
    }

    @Test
    void aRetriedVerdictIsAnsweredAlikeAndKeptOnce() throws Exception {
        String turnId = ask();

        feedback(token, citizen, turnId, "not_useful").andExpect(status().isOk());
        feedback(token, citizen, turnId, "not_useful").andExpect(status().isOk()).andExpect(jsonPath("$.verdict").value("not_useful"));

        assertThat(sql.queryForList("select verdict from turn_feedback where turn_id = ?", String.class, turnId))
                .containsExactly("NOT_USEFUL");
    }

    @Test
    void withoutAValidTokenNothingIsReadOrKept() throws Exception {
        String turnId = ask();

        mvc.perform(post(WebFeedbackController.FEEDBACK).contentType(MediaType.APPLICATION_JSON)
                        .content(body(citizen, turnId, "useful")))
                .andExpect(status().isUnauthorized());
        feedback("not-a-token", citizen, turnId, "useful").andExpect(status().isUnauthorized());

        assertThat(sql.queryForObject("select count(*) from turn_feedback where turn_id = ?", Integer.class, turnId)).isZero();
    }

    @Test
    void anotherCitizensAnswerCannotBeJudged() throws Exception {
        String theirTurn = ask();
        var other = WebSessionsTest.open(mvc, json);

        // with their own id in the body: that answer is not theirs
        feedback(other.token(), other.citizenId(), theirTurn, "not_useful").andExpect(status().isNotFound());
        // with the owner's id in the body: not their session
        feedback(other.token(), citizen, theirTurn, "not_useful").andExpect(status().isForbidden());

        assertThat(sql.queryForObject("select count(*) from turn_feedback where turn_id = ?", Integer.class, theirTurn)).isZero();
    }

    @Test
    void badIdsAndVerdictsAreRefusedWithAMessageAndUnknownTurnsAreNotFound() throws Exception {
        String turnId = ask();

        feedback(token, citizen, "../../etc", "useful").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(WebFeedbackController.INVALID_TURN_ID));
        feedback(token, citizen, turnId, "great").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(WebFeedbackController.INVALID_VERDICT));
        feedback(token, "bad id!", turnId, "useful").andExpect(status().isBadRequest());
        mvc.perform(post(WebFeedbackController.FEEDBACK).header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content("{not json")).andExpect(status().isBadRequest());
        feedback(token, citizen, UUID.randomUUID().toString(), "useful").andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value(WebFeedbackController.NO_SUCH_ANSWER));
        // the citizen's own message is no answer
        String asked = await().atMost(Duration.ofSeconds(10)).until(() -> sql.queryForList(
                "select id from conversation_turn where citizen_id = ? and speaker = 'CITIZEN'", String.class, citizen), ids -> !ids.isEmpty())
                .get(0);
        feedback(token, citizen, asked, "useful").andExpect(status().isNotFound());
    }

    /** Asks a question as the page does; returns the answer's turn id, once the transcript holds the turn. */
    private String ask() throws Exception {
        String response = mvc.perform(post(WebChatController.MESSAGES).header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(new WebMessageRequest(citizen, "老板拖欠工资怎么办", null))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String turnId = json.readTree(response).get("turnId").asString();
        String messageId = conversations.receivedFrom(citizen).get(0).messageId();
        assertThat(turnId).isEqualTo(AnswerFeedback.turnAnswering(new ChannelIdentity(Channel.WEB, "default", citizen), messageId));
        return turnId;
    }

    private ResultActions feedback(String bearer, String citizenId, String turnId, String verdict) throws Exception {
        return mvc.perform(post(WebFeedbackController.FEEDBACK).header("Authorization", "Bearer " + bearer)
                .contentType(MediaType.APPLICATION_JSON).content(body(citizenId, turnId, verdict)));
    }

    private String body(String citizenId, String turnId, String verdict) {
        return json.writeValueAsString(new WebFeedbackController.FeedbackRequest(citizenId, turnId, verdict));
    }
}
