package org.lawline.channels.hotline;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.ConversationId;
import org.lawline.conversation.EscalationRequested;
import org.lawline.conversation.EventId;
import org.lawline.conversation.MobileNumber;
import org.lawline.knowledge.FaqMatch;
import org.lawline.knowledge.FaqSearch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/hotline/voicemails} from the 12348 hotline system: a voicemail left after
 * hours, with the text its speech recognition made of it. Signed (see {@link CallSignature}):
 * a bad signature or a timestamp outside the window is 401, before the body is parsed. A new
 * voicemail is 202: it is kept with the knowledge base's suggested answer, and the caller joins
 * the duty lawyers' waiting queue on the {@code hotline} channel, whose replies go to the
 * caller's number by SMS. The same id again is 200 and changes nothing.
 */
@RestController
class VoicemailIntake {

    private static final Logger log = LoggerFactory.getLogger(VoicemailIntake.class);

    /** The hotline is one account: the 12348 line of this city. */
    static final String ACCOUNT = "12348";

    record Taken(String id, String status) {
    }

    private final HotlineSettings settings;
    private final Voicemails voicemails;
    private final Optional<FaqSearch> knowledge;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;

    VoicemailIntake(HotlineSettings settings, Voicemails voicemails, Optional<FaqSearch> knowledge, ApplicationEventPublisher events,
                    JsonMapper json, Clock clock) {
        this.settings = settings;
        this.voicemails = voicemails;
        this.knowledge = knowledge;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /** The caller as a citizen of the hotline channel: the number is the identity and where replies go. */
    static ChannelIdentity caller(MobileNumber number) {
        return new ChannelIdentity(Channel.HOTLINE, ACCOUNT, number.digits(), Optional.of(number));
    }

    @PostMapping("/api/hotline/voicemails")
    ResponseEntity<Taken> take(@RequestHeader(name = "X-LawLine-Timestamp", required = false) String timestamp,
                               @RequestHeader(name = "X-LawLine-Signature", required = false) String signature,
                               HttpServletRequest request) throws IOException {
        if (!settings.enabled()) {
            throw new Refused(HttpStatus.NOT_FOUND, "the voicemail intake is off");
        }
        byte[] body = body(request);
        Instant now = clock.instant();
        if (!new CallSignature(settings.secret(), settings.window()).verifies(timestamp, signature, body, now)) {
            log.warn("A voicemail call was refused: bad signature or a timestamp outside the window");
            throw new Refused(HttpStatus.UNAUTHORIZED, "signature");
        }
        Voicemail voicemail = parse(body);
        Optional<Voicemails.Suggestion> suggestion = suggest(voicemail.text());
        // a voicemail is a consultation of its own: it never went through the bot's conversation
        ConversationId consultation = ConversationId.next();
        if (!voicemails.add(voicemail, consultation, suggestion, now)) {
            log.info("Voicemail {} was taken in before; nothing new", voicemail.id());
            return ResponseEntity.ok(new Taken(voicemail.id(), "seen"));
        }
        events.publishEvent(new EscalationRequested(EventId.next(), consultation, caller(voicemail.caller()),
                EscalationRequested.Reason.ASKED_FOR_PERSON, now));
        log.info("{} taken in for the duty lawyers{}", voicemail, suggestion.isPresent() ? ", with a suggested answer" : "");
        return ResponseEntity.accepted().body(new Taken(voicemail.id(), "queued"));
    }

    private Optional<Voicemails.Suggestion> suggest(String text) {
        if (knowledge.isEmpty() || text.isBlank()) {
            return Optional.empty();
        }
        List<FaqMatch> matches = knowledge.get().search(text, 1);
        return matches.stream().findFirst().map(match -> new Voicemails.Suggestion(match.entry().id(), match.entry().answer()));
    }

    private Voicemail parse(byte[] body) {
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JacksonException e) {
            throw new Refused(HttpStatus.BAD_REQUEST, "not JSON");
        }
        String id = node.path("id").asString("");
        Optional<MobileNumber> caller = MobileNumber.parse(node.path("callerNumber").asString(""));
        if (id.isBlank() || id.length() > 64 || caller.isEmpty()) {
            throw new Refused(HttpStatus.BAD_REQUEST, "id and a mainland mobile callerNumber are required");
        }
        try {
            return new Voicemail(id, caller.get(), Instant.parse(node.path("receivedAt").asString("")), node.path("text").asString(""),
                    URI.create(node.path("recordingUrl").asString("")));
        } catch (RuntimeException e) {
            throw new Refused(HttpStatus.BAD_REQUEST, "receivedAt (ISO-8601 instant) and recordingUrl are required");
        }
    }

    private byte[] body(HttpServletRequest request) throws IOException {
        int max = (int) settings.maxBody().toBytes();
        if (request.getContentLengthLong() > max) {
            throw new Refused(HttpStatus.CONTENT_TOO_LARGE, "body over " + max + " bytes");
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(max + 1);
            if (body.length > max) {
                throw new Refused(HttpStatus.CONTENT_TOO_LARGE, "body over " + max + " bytes");
            }
            return body;
        }
    }

    @ExceptionHandler(Refused.class)
    ResponseEntity<String> refused(Refused refused) {
        return ResponseEntity.status(refused.status).body(refused.getMessage());
    }

    /** A call turned away, with its status. */
    static final class Refused extends RuntimeException {

        private final HttpStatus status;

        Refused(HttpStatus status, String why) {
            super(why, null, false, false);
            this.status = status;
        }
    }
}
