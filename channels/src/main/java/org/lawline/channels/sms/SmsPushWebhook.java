package org.lawline.channels.sms;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.BiPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The platform's pushes for each gateway: {@code POST /sms/{gateway}/inbound} (citizens'
 * messages) and {@code POST /sms/{gateway}/receipts} (delivery receipts), JSON arrays answered
 * {@code {"code": 0, "msg": "接收成功"}} as soon as every item is claimed, well inside the
 * platform's 700 ms; the work happens afterwards on the channel's workers. A {@code GET} on the
 * same URLs is the platform's check before it saves them: {@code {"code": 0, "msg": "成功"}}.
 *
 * <p>The platform cannot sign a push, so the URL carries a secret: {@code ?token=}, compared in
 * constant time before anything else is read (wrong or missing: 403). The body is read up to the
 * cap, never further, before it is parsed. A push that could not be claimed (the database away)
 * is answered 500, so the platform pushes it again.
 */
@RestController
@RequestMapping("/sms/{gateway}")
class SmsPushWebhook {

    private static final Logger log = LoggerFactory.getLogger(SmsPushWebhook.class);

    /** The body the platform reads: {@code code} 0 is success; the field order is the platform's own. */
    record PushAnswer(int code, String msg) {
    }

    static final PushAnswer RECEIVED = new PushAnswer(0, "接收成功");
    static final PushAnswer CHECKED = new PushAnswer(0, "成功");

    private final SmsGateways gateways;
    private final SmsInbound inbound;
    private final PushItems items;
    private final int maxPush;

    SmsPushWebhook(SmsGateways gateways, SmsInbound inbound, PushItems items, SmsSettings settings) {
        this.gateways = gateways;
        this.inbound = inbound;
        this.items = items;
        this.maxPush = (int) settings.maxPush().toBytes();
    }

    @GetMapping({"/inbound", "/receipts"})
    ResponseEntity<PushAnswer> check(@PathVariable String gateway, @RequestParam(required = false) String token) {
        SmsGateways.Served served = served(gateway, token);
        log.info("The SMS platform checked the push URL of gateway {}", served.name());
        return ResponseEntity.ok(CHECKED);
    }

    @PostMapping("/inbound")
    ResponseEntity<PushAnswer> messages(@PathVariable String gateway, @RequestParam(required = false) String token,
                                                 HttpServletRequest request) throws IOException {
        SmsGateways.Served served = served(gateway, token);
        JsonNode array = array(request);
        PushItems.Batch<PushItems.MobileOriginated> batch = items.messages(array);
        return claimAll(served, batch, inbound::accept, "message");
    }

    @PostMapping("/receipts")
    ResponseEntity<PushAnswer> receipts(@PathVariable String gateway, @RequestParam(required = false) String token,
                                                 HttpServletRequest request) throws IOException {
        SmsGateways.Served served = served(gateway, token);
        JsonNode array = array(request);
        PushItems.Batch<PushItems.DeliveryReceipt> batch = items.receipts(array);
        return claimAll(served, batch, inbound::accept, "receipt");
    }

    private <T> ResponseEntity<PushAnswer> claimAll(SmsGateways.Served served, PushItems.Batch<T> batch,
                                                             BiPredicate<String, T> accept, String what) {
        int fresh = 0;
        for (T item : batch.items()) {
            if (accept.test(served.name(), item)) {
                fresh++;
            }
        }
        log.info("SMS push on {}: {} {}(s), {} new, {} seen before, {} unreadable", served.name(), batch.items().size(), what, fresh,
                batch.items().size() - fresh, batch.skipped());
        return ResponseEntity.ok(RECEIVED);
    }

    private SmsGateways.Served served(String gateway, String token) {
        SmsGateways.Served served = gateways.find(gateway).orElseThrow(() -> new PushRefused(HttpStatus.NOT_FOUND, "no such gateway"));
        if (!served.acceptsToken(token)) {
            log.warn("SMS push on {} refused: {} token", served.name(), token == null ? "no" : "a wrong");
            throw new PushRefused(HttpStatus.FORBIDDEN, "token");
        }
        return served;
    }

    /** The body, read to the cap and no further, then parsed. */
    private JsonNode array(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxPush) {
            throw new PushRefused(HttpStatus.CONTENT_TOO_LARGE, "push over " + maxPush + " bytes");
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(maxPush + 1);
        }
        if (body.length > maxPush) {
            throw new PushRefused(HttpStatus.CONTENT_TOO_LARGE, "push over " + maxPush + " bytes");
        }
        try {
            return items.array(body);
        } catch (PushItems.InvalidPush e) {
            throw new PushRefused(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    @ExceptionHandler(PushRefused.class)
    ResponseEntity<PushAnswer> refused(PushRefused refused) {
        return ResponseEntity.status(refused.status).body(new PushAnswer(refused.status.value(), refused.getMessage()));
    }

    /** A push turned away before its items were read. */
    static final class PushRefused extends RuntimeException {

        private final HttpStatus status;

        PushRefused(HttpStatus status, String why) {
            super(why, null, false, false);
            this.status = status;
        }
    }
}
