package org.lawline.handoff.inbox;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.lettuce.core.RedisConnectionException;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lawline.conversation.ConversationStoreUnavailable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

class StaffApiOutagesTest {

    /** A staff endpoint whose storage fails as each kind of outage makes it fail. */
    @RestController
    static class ClaimingWhileStorageIsOut {
        @PostMapping("/api/inbox/conversations/{outage}/claim")
        String claim(@PathVariable String outage) {
            Supplier<RuntimeException> failure = switch (outage) {
                case "database" -> () -> new DataAccessResourceFailureException("Connection to 127.0.0.1:5432 refused");
                case "redis" -> () -> new RedisConnectionException("Unable to connect to 127.0.0.1:6379");
                case "conversations" -> () -> new ConversationStoreUnavailable("turns paused", new RuntimeException());
                default -> () -> new IllegalStateException("a bug, not an outage");
            };
            throw failure.get();
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new ClaimingWhileStorageIsOut())
            .setControllerAdvice(new StaffApiOutages()).build();

    @ParameterizedTest
    @ValueSource(strings = {"database", "redis", "conversations"})
    void aStaffRequestThatFindsItsStorageOutIsToldToRetryInChinese(String outage) throws Exception {
        mvc.perform(post("/api/inbox/conversations/" + outage + "/claim"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", StaffApiOutages.RETRY_AFTER_SECONDS))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.error").value(StaffApiOutages.MESSAGE))
                // nothing of the failure's own text reaches the page
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("127.0.0.1"))));
    }

    @org.junit.jupiter.api.Test
    void aBugIsNotPassedOffAsAnOutage() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> mvc.perform(post("/api/inbox/conversations/bug/claim")))
                .hasRootCauseInstanceOf(IllegalStateException.class);
    }
}
