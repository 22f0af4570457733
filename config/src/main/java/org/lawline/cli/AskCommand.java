package org.lawline.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
        awaitUnderstanding();
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

    /**
     * A one-shot answer should be the service's answer: wait for the recogniser of emergencies
     * and requests for a person, which trains in the background (about a minute the first time,
     * while sentence vectors are computed and cached).
     */
    private void awaitUnderstanding() throws InterruptedException {
        var ready = conversations.understandingReady().toCompletableFuture();
        if (ready.isDone()) {
            return;
        }
        err.println("正在准备语义识别（首次运行约需一分钟）…");
        try {
            ready.get(UNDERSTANDING_WAIT.toMinutes(), TimeUnit.MINUTES);
        } catch (ExecutionException | TimeoutException e) {
            err.println("语义识别未能就绪，本次仅按关键词识别紧急情况和转人工请求。");
        }
    }

    private static final Duration UNDERSTANDING_WAIT = Duration.ofMinutes(5);

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
