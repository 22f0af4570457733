package org.lawline.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.Conversations;
import org.lawline.conversation.InboundMessage;
import org.lawline.conversation.Reply;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./lawline ask}: one question from the arguments, or one question per line of standard
 * input. Each question is a conversation of its own, so a list of questions is checked
 * independently of its order.
 */
final class AskCommand {

    private final Conversations conversations;
    private final PrintStream out;
    private final PrintStream err;
    private final JsonMapper json = JsonMapper.builder().build();

    AskCommand(ApplicationContext context, PrintStream out, PrintStream err) {
        this.conversations = context.getBean(Conversations.class);
        this.out = out;
        this.err = err;
    }

    int run(Command.Ask ask) throws Exception {
        if (ask.question().isPresent()) {
            print(answer(ask.question().get()), ask.json());
            return 0;
        }
        if (System.console() != null) {
            err.println("请每行输入一个问题，Ctrl-D 结束：");
        }
        var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (!line.isBlank()) {
                print(answer(line.strip()), ask.json());
            }
        }
        return 0;
    }

    private Reply answer(String question) {
        ChannelIdentity asker = new ChannelIdentity(Channel.WEB, "cli", "cli-" + UUID.randomUUID());
        return conversations.handle(new InboundMessage(asker, UUID.randomUUID().toString(), question, Instant.now()));
    }

    private void print(Reply reply, boolean asJson) {
        if (asJson) {
            out.println(json.writeValueAsString(ReplyJson.of(reply)));
        } else {
            out.println(reply.text());
            out.println();
        }
    }
}
