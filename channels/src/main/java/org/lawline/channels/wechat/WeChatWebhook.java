package org.lawline.channels.wechat;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * WeChat's webhook for each account: {@code GET} verifies the URL (echostr), {@code POST} brings
 * messages and events. Before any byte of a body is parsed: the account must be on, the body
 * within the cap, the timestamp within the tolerance and the signature right (compared in
 * constant time). An account with an EncodingAESKey is in safe mode whatever the caller says: a
 * message not encrypted and signed with msg_signature is refused (403) unread. In safe mode the
 * envelope is then parsed for its ciphertext, whose msg_signature is checked before it is decrypted. Replies go back in the response (passive reply) or, when
 * late, as customer-service messages; an empty answer is "success".
 */
@RestController
@RequestMapping("/wechat/{account}")
class WeChatWebhook {

    private static final Logger log = LoggerFactory.getLogger(WeChatWebhook.class);
    private static final String NOTHING = "success";
    private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);
    private static final MediaType XML = new MediaType("application", "xml", StandardCharsets.UTF_8);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WeChatAccounts accounts;
    private final Exchange exchange;
    private final Clock clock;
    private final Duration timestampTolerance;
    private final int maxBody;

    WeChatWebhook(WeChatAccounts accounts, Exchange exchange, Clock clock, WeChatSettings settings) {
        this.accounts = accounts;
        this.exchange = exchange;
        this.clock = clock;
        this.timestampTolerance = settings.timestampTolerance();
        this.maxBody = (int) settings.maxBody().toBytes();
    }

    @GetMapping
    ResponseEntity<String> verify(@PathVariable String account,
                                  @RequestParam(required = false) String signature,
                                  @RequestParam(required = false) String timestamp,
                                  @RequestParam(required = false) String nonce,
                                  @RequestParam(required = false) String echostr) {
        WeChatAccounts.Served served = served(account);
        checkSigned(served, signature, timestamp, nonce);
        if (echostr == null || echostr.isEmpty() || echostr.length() > 128) {
            throw new Refused(HttpStatus.BAD_REQUEST, "echostr missing");
        }
        log.info("WeChat verified the webhook of {}", account);
        return ResponseEntity.ok().contentType(TEXT).body(echostr);
    }

    @PostMapping
    ResponseEntity<String> receive(@PathVariable String account, HttpServletRequest request) throws IOException {
        long started = System.nanoTime();
        // From the query string itself: getParameter would read a form-encoded body, uncapped
        // and before the signature is checked.
        MultiValueMap<String, String> query = UriComponentsBuilder.newInstance().query(request.getQueryString()).build().getQueryParams();
        String signature = param(query, "signature");
        String timestamp = param(query, "timestamp");
        String nonce = param(query, "nonce");
        String encryptType = param(query, "encrypt_type");
        String msgSignature = param(query, "msg_signature");
        WeChatAccounts.Served served = served(account);
        if (request.getContentLengthLong() > maxBody) {
            throw new Refused(HttpStatus.PAYLOAD_TOO_LARGE, "body over " + maxBody + " bytes");
        }
        checkSigned(served, signature, timestamp, nonce);
        // The mode is the account's, never the caller's: the plain signature covers only token,
        // timestamp and nonce, so a plain call to an account with a key could carry any body.
        boolean safeMode = served.cipher().isPresent();
        if (safeMode && (!"aes".equalsIgnoreCase(encryptType) || msgSignature == null)) {
            throw new Refused(HttpStatus.FORBIDDEN, "account is in safe mode: plain or unsigned message refused");
        }
        if (!safeMode && encryptType != null && !"raw".equalsIgnoreCase(encryptType)) {
            throw new Refused(HttpStatus.BAD_REQUEST, "encrypted message but no EncodingAESKey configured");
        }
        byte[] body = readAtMost(request.getInputStream(), maxBody);
        WeChatXml.Fields fields = safeMode
                ? decrypt(served, timestamp, nonce, msgSignature, body)
                : WeChatXml.parse(body);
        Inbound inbound = Inbound.of(account, fields);
        Optional<String> reply = exchange.handle(inbound, WeChatXml.write(fields), started);
        if (reply.isEmpty()) {
            return ResponseEntity.ok().contentType(TEXT).body(NOTHING);
        }
        String xml = WeChatXml.textReply(inbound.citizen().citizenId(), inbound.accountId(),
                clock.instant().getEpochSecond(), reply.get());
        return ResponseEntity.ok().contentType(XML).body(safeMode ? encrypt(served, xml) : xml);
    }

    private static String param(MultiValueMap<String, String> query, String name) {
        String value = query.getFirst(name);
        try {
            return value == null ? null : URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    private WeChatAccounts.Served served(String account) {
        return accounts.find(account).orElseThrow(() -> new Refused(HttpStatus.NOT_FOUND, "no such account"));
    }

    private void checkSigned(WeChatAccounts.Served served, String signature, String timestamp, String nonce) {
        if (signature == null || timestamp == null || nonce == null || nonce.length() > 64) {
            throw new Refused(HttpStatus.FORBIDDEN, "signature, timestamp or nonce missing");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw new Refused(HttpStatus.FORBIDDEN, "timestamp not a number");
        }
        if (Math.abs(clock.instant().getEpochSecond() - seconds) > timestampTolerance.toSeconds()) {
            throw new Refused(HttpStatus.FORBIDDEN, "timestamp outside " + timestampTolerance.toSeconds() + " s");
        }
        if (!Signatures.matches(signature, served.settings().token(), timestamp, nonce)) {
            throw new Refused(HttpStatus.FORBIDDEN, "bad signature");
        }
    }

    private WeChatXml.Fields decrypt(WeChatAccounts.Served served, String timestamp, String nonce, String msgSignature, byte[] body) {
        MessageCipher cipher = served.cipher().orElseThrow();
        String encrypted = WeChatXml.parse(body).get("Encrypt")
                .orElseThrow(() -> new Refused(HttpStatus.BAD_REQUEST, "no Encrypt element"));
        if (!Signatures.matches(msgSignature, served.settings().token(), timestamp, nonce, encrypted)) {
            throw new Refused(HttpStatus.FORBIDDEN, "bad msg_signature");
        }
        return WeChatXml.parse(cipher.decrypt(encrypted).getBytes(StandardCharsets.UTF_8));
    }

    private String encrypt(WeChatAccounts.Served served, String xml) {
        MessageCipher cipher = served.cipher().orElseThrow();
        String encrypted = cipher.encrypt(xml);
        long timestamp = clock.instant().getEpochSecond();
        String nonce = HexFormat.of().formatHex(randomBytes());
        String signature = Signatures.sign(served.settings().token(), Long.toString(timestamp), nonce, encrypted);
        return WeChatXml.encryptedReply(encrypted, signature, timestamp, nonce);
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** Reads at most {@code max} bytes; one more means the body is too large. */
    private static byte[] readAtMost(InputStream in, int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(max, 8192));
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer, 0, Math.min(buffer.length, max + 1 - out.size()))) > 0) {
            out.write(buffer, 0, n);
            if (out.size() > max) {
                throw new Refused(HttpStatus.PAYLOAD_TOO_LARGE, "body over " + max + " bytes");
            }
        }
        return out.toByteArray();
    }

    @ExceptionHandler(Refused.class)
    ResponseEntity<String> refused(Refused refused) {
        log.info("Refused a WeChat webhook call: {} {}", refused.status.value(), refused.getMessage());
        ResponseEntity.BodyBuilder response = ResponseEntity.status(refused.status).contentType(TEXT);
        if (refused.status == HttpStatus.PAYLOAD_TOO_LARGE) {
            // The client may still be sending: close rather than read the rest.
            response.header(HttpHeaders.CONNECTION, "close");
        }
        return response.body(refused.status.getReasonPhrase());
    }

    @ExceptionHandler(WeChatXml.InvalidXml.class)
    ResponseEntity<String> invalid(WeChatXml.InvalidXml invalid) {
        return refused(new Refused(HttpStatus.BAD_REQUEST, "invalid XML: " + invalid.getMessage()));
    }

    @ExceptionHandler(MessageCipher.UndecryptableMessage.class)
    ResponseEntity<String> undecryptable(MessageCipher.UndecryptableMessage undecryptable) {
        return refused(new Refused(HttpStatus.BAD_REQUEST, "cannot decrypt: " + undecryptable.getMessage()));
    }

    /** A call refused before or while reading it; the message is for our log, never the caller. */
    static final class Refused extends RuntimeException {
        final HttpStatus status;

        Refused(HttpStatus status, String reason) {
            super(reason, null, false, false);
            this.status = status;
        }
    }
}
