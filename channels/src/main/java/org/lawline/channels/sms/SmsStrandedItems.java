package org.lawline.channels.sms;

import java.util.Optional;
import org.lawline.channels.delivery.ClaimTicket;
import org.lawline.channels.delivery.InboundClaims;
import org.lawline.channels.delivery.StrandedAnswers;
import org.lawline.channels.delivery.StrandedClaim;
import org.lawline.conversation.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finishes a pushed item whose instance died (or had no worker free) after the push was answered:
 * the platform will not push it again, so the reconciler hands it here, from the item kept with
 * its claim. A message is answered by SMS as it would have been; a receipt is applied.
 */
record SmsStrandedItems(SmsInbound inbound, InboundClaims claims, JsonMapper json) implements StrandedAnswers {

    private static final Logger log = LoggerFactory.getLogger(SmsStrandedItems.class);

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public boolean answer(StrandedClaim claim, ClaimTicket ticket) {
        JsonNode payload;
        try {
            payload = json.readTree(claim.payload());
        } catch (JacksonException e) {
            payload = json.createObjectNode();
        }
        JsonNode item = payload.path("item");
        if (SmsInbound.MESSAGE.equals(payload.path("kind").asString(""))) {
            Optional<PushItems.MobileOriginated> message = PushItems.message(item);
            if (message.isPresent()) {
                inbound.answer(ticket, message.get(), claim.receivedAt());
                return true;
            }
        } else if (SmsInbound.RECEIPT.equals(payload.path("kind").asString(""))) {
            Optional<PushItems.DeliveryReceipt> receipt = PushItems.receipt(item);
            if (receipt.isPresent()) {
                inbound.apply(ticket, receipt.get());
                return false;
            }
        }
        claims.answeredLater(ticket, java.time.Instant.now());
        log.warn("Claim {} of {} kept an unreadable item; closed without an answer", claim.id(), claim.citizen());
        return false;
    }
}
