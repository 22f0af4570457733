package org.lawline.channels.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lawline.channels.ScriptedConversations;
import org.lawline.conversation.OfficeDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /api/web/offices/nearest}: the offices nearest a position the citizen agreed to share. */
@WebChatSpringTest
class WebOfficesApiTest {

    @Autowired MockMvc mvc;
    @Autowired ScriptedConversations conversations;
    @Autowired JsonMapper json;

    private String citizen;
    private String token;

    @BeforeEach
    void freshCitizen() throws Exception {
        conversations.reset();
        var session = WebSessionsTest.open(mvc, json);
        citizen = session.citizenId();
        token = session.token();
    }

    @Test
    void aPositionIsAnsweredWithTheNearestOfficesTheirDetailsAndMapLinks() throws Exception {
        // beside the West Lake district's legal-aid centre
        postPosition("{\"citizenId\":\"" + citizen + "\",\"latitude\":30.2775,\"longitude\":120.136}", "Bearer " + token)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("offices"))
                .andExpect(jsonPath("$.state").value("BOT"))
                .andExpect(jsonPath("$.text", startsWith("离您最近的法律服务机构")))
                .andExpect(jsonPath("$.offices", hasSize(OfficeDirectory.NEAREST)))
                .andExpect(jsonPath("$.offices[0].name").value("杭州市西湖区法律援助中心"))
                .andExpect(jsonPath("$.offices[0].kind").value("法律援助中心"))
                .andExpect(jsonPath("$.offices[0].district").value("西湖区"))
                .andExpect(jsonPath("$.offices[0].address").value("杭州市西湖区文三路198号"))
                .andExpect(jsonPath("$.offices[0].phone").value("0571-87968148"))
                .andExpect(jsonPath("$.offices[0].hours", containsString("周一至周五")))
                .andExpect(jsonPath("$.offices[0].mapUrl", startsWith("https://uri.amap.com/marker?position=120.136500,30.277200&name=")));
    }

    @Test
    void withoutASessionThePositionIsNotRead() throws Exception {
        postPosition("{\"citizenId\":\"" + citizen + "\",\"latitude\":30.2775,\"longitude\":120.136}", null)
                .andExpect(status().isUnauthorized());
    }

    @Test
    void anotherCitizensIdIsRefused() throws Exception {
        postPosition("{\"citizenId\":\"someone-else\",\"latitude\":30.2775,\"longitude\":120.136}", "Bearer " + token)
                .andExpect(status().isForbidden());
    }

    @Test
    void aPositionOffTheGlobeOrMissingIsA400WithTheReason() throws Exception {
        for (String position : new String[] {"\"latitude\":91,\"longitude\":120", "\"latitude\":30,\"longitude\":-181",
                "\"latitude\":30", "\"latitude\":\"北纬30度\",\"longitude\":120"}) {
            postPosition("{\"citizenId\":\"" + citizen + "\"," + position + "}", "Bearer " + token)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.error").isNotEmpty());
        }
    }

    private ResultActions postPosition(String body, String authorization) throws Exception {
        var request = post(WebOfficesController.NEAREST).contentType(MediaType.APPLICATION_JSON).content(body);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return mvc.perform(request);
    }
}
