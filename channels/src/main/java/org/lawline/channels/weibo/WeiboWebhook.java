package org.lawline.channels.weibo;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The fans-service platform's webhook for each account. {@code GET} verifies the URL (echostr);
 * {@code POST} brings pushes. Before a byte of a body is read: the account must be on, the
 * declared size within the cap, the timestamp — in milliseconds — within the window, and the
 * signature (the app secret's) right, compared in constant time. Then the body is read up to the
 * cap and parsed. Refusals: 404 unknown account, 403 signature or timestamp, 413 too large, 400
 * not a push; a push is otherwise acknowledged with 200, its passive reply as JSON or empty.
 */
@RestController
@RequestMapping("/weibo/{account}")
class WeiboWebhook {

    private static final Logger log = LoggerFactory.getLogger(WeiboWebhook.class);
    private static final MediaType PLAIN = new MediaType("text", "plain", StandardCharsets.UTF_8);
    private static final int MAX_NONCE = 64;
    private static final int MAX_ECHOSTR = 128;

    private final long toleranceMillis;
    private final int maxBody;
    private final WeiboAccounts accounts;
    private final PushTurns turns;
    private final Clock clock;

    WeiboWebhook(WeiboAccounts accounts, PushTurns turns, Clock clock, WeiboSettings settings) {
        toleranceMillis = settings.timestampTolerance().toMillis();
        maxBody = Math.toIntExact(settings.maxBody().toBytes());
        this.accounts = accounts;
        this.turns = turns;
        this.clock = clock;
    }

    @GetMapping
    ResponseEntity<String> verify(@PathVariable String account, HttpServletRequest request) {
        WeiboAccounts.Served served = served(account);
        Map<String, String> query = query(request);
        authenticate(served, query);
        String echostr = query.getOrDefault("echostr", "");
        if (echostr.isEmpty() || echostr.length() > MAX_ECHOSTR) {
            throw new Refusal(HttpStatus.BAD_REQUEST, "echostr missing or too long");
        }
        log.info("Weibo verified the webhook of {}", account);
        return ResponseEntity.ok().contentType(PLAIN).body(echostr);
    }

    @PostMapping
    ResponseEntity<String> push(@PathVariable String account, HttpServletRequest request) throws IOException {
        long arrived = System.nanoTime();
        WeiboAccounts.Served served = served(account);
        if (request.getContentLengthLong() > maxBody) {
            throw new Refusal(HttpStatus.PAYLOAD_TOO_LARGE, "declared body over " + maxBody + " bytes");
        }
        authenticate(served, query(request));
        byte[] body = capped(request.getInputStream());
        Push push = PushParser.parse(account, body);
        PushTurns.Outcome outcome = turns.take(push, new String(body, StandardCharsets.UTF_8), arrived);
        if (outcome instanceof PushTurns.Outcome.Passive passive) {
            String reply = ReplyJson.passive(served.settings().uid(), push.follower().citizenId(), passive.text());
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(reply);
        }
        if (outcome instanceof PushTurns.Outcome.Busy) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(PLAIN).body("");
        }
        return ResponseEntity.ok().contentType(PLAIN).body("");
    }

    private WeiboAccounts.Served served(String account) {
        return accounts.find(account).orElseThrow(() -> new Refusal(HttpStatus.NOT_FOUND, "no Weibo account " + account));
    }

    /** The window first (cheap), then the signature; neither says which failed. */
    private void authenticate(WeiboAccounts.Served served, Map<String, String> query) {
        String signature = query.get("signature");
        String timestamp = query.get("timestamp");
        String nonce = query.get("nonce");
        if (signature == null || timestamp == null || nonce == null || nonce.length() > MAX_NONCE) {
            throw new Refusal(HttpStatus.FORBIDDEN, "signature, timestamp or nonce missing");
        }
        long millis;
        try {
            millis = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw new Refusal(HttpStatus.FORBIDDEN, "timestamp is not a number");
        }
        // Weibo counts milliseconds: a timestamp in seconds lands in January 1970 and is refused
        if (Math.abs(clock.millis() - millis) > toleranceMillis) {
            throw new Refusal(HttpStatus.FORBIDDEN, "timestamp outside " + toleranceMillis / 1000 + " s of our clock");
        }
        if (!PushSignature.verifies(signature, served.settings().appSecret(), timestamp, nonce)) {
            throw new Refusal(HttpStatus.FORBIDDEN, "signature does not match");
        }
    }

    /**
     * The query string's own parameters. {@code getParameter} would also read a form-encoded
     * body, uncapped and before the signature is checked.
     */
    private static Map<String, String> query(HttpServletRequest request) {
        Map<String, String> query = new HashMap<>();
        String raw = request.getQueryString();
        if (raw == null) {
            return query;
        }
        for (String pair : raw.split("&", 16)) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            try {
                query.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException malformed) {
                // a broken escape: the parameter is treated as absent
            }
        }
        return query;
    }

    /** Reads the body, but never more than the cap: a body without a declared length is counted as it comes. */
    private byte[] capped(InputStream in) throws IOException {
        byte[] body = in.readNBytes(maxBody + 1);
        if (body.length > maxBody) {
            throw new Refusal(HttpStatus.PAYLOAD_TOO_LARGE, "body over " + maxBody + " bytes");
        }
        return body;
    }

    @ExceptionHandler(Refusal.class)
    ResponseEntity<String> refused(Refusal refusal) {
        log.info("Refused a Weibo webhook call: {} {}", refusal.status.value(), refusal.getMessage());
        ResponseEntity.BodyBuilder response = ResponseEntity.status(refusal.status).contentType(PLAIN);
        if (refusal.status == HttpStatus.PAYLOAD_TOO_LARGE || refusal.status == HttpStatus.FORBIDDEN) {
            // the rest of the body stays unread: the connection cannot be reused
            response.header(HttpHeaders.CONNECTION, "close");
        }
        return response.body(refusal.status.getReasonPhrase());
    }

    @ExceptionHandler(PushParser.MalformedPush.class)
    ResponseEntity<String> malformed(PushParser.MalformedPush malformed) {
        return refused(new Refusal(HttpStatus.BAD_REQUEST, "not a Weibo push: " + malformed.getMessage()));
    }

    /** A call refused before or while it was read; the reason is for our log only. */
    static final class Refusal extends RuntimeException {
        private final HttpStatus status;

        Refusal(HttpStatus status, String reason) {
            super(reason, null, false, false);
            this.status = status;
        }
    }
}
