package org.lawline.handoff.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.MobileNumber;
import org.lawline.handoff.DutyLawyers;
import org.lawline.handoff.escalation.Escalation;
import org.lawline.knowledge.FaqEntry;
import org.lawline.knowledge.FaqSearch;

/** The JSON the inbox API answers with; names as the issue fixes them. */
final class InboxViews {

    private InboxViews() {
    }

    record ConversationSummary(long id, String channel, String citizen, String status, String waitingSince, String topic,
                               String lastMessage, String claimedBy, boolean timedOut) {
    }

    record ConversationDetail(long id, String channel, String citizen, String status, String waitingSince, String topic,
                              String lastMessage, String claimedBy, boolean timedOut, List<TurnView> turns) {
    }

    record TurnView(String from, String text, String at, String by) {
    }

    record Conversations(List<ConversationSummary> conversations) {
    }

    record Error(String error) {
    }

    record ClaimRefused(String error, String claimedBy) {
    }

    record Delivery(String delivery, String reason) {
    }

    record CallbackView(long id, long conversationId, String phone, String requestedAt, String dueBy, String status, int attempts,
                        String channel, VoicemailView voicemail) {
    }

    /**
     * The voicemail behind a callback on the {@code hotline} channel, what the operator needs
     * before calling: when it was left, what the caller said, the recording, and the knowledge
     * base's suggested answer; {@code null} on a callback that no voicemail opened.
     */
    record VoicemailView(String id, String receivedAt, String text, String recordingUrl, String suggestedAnswer) {
    }

    record Callbacks(List<CallbackView> callbacks) {
    }

    record Me(String username, String displayName, List<String> roles, boolean away) {
    }

    /** The API's status: a timed-out chat a lawyer may still claim reads as waiting. */
    static String status(Escalation.Status status) {
        return switch (status) {
            case WAITING, TIMED_OUT -> "waiting";
            case CLAIMED -> "claimed";
            case CLOSED, CANCELLED -> "closed";
        };
    }

    /** What a lawyer sees of the citizen: a masked number (138****5678) or a masked channel id. */
    static String masked(ChannelIdentity citizen) {
        return citizen.phone().map(MobileNumber::masked).orElseGet(() -> {
            String id = citizen.citizenId();
            return id.length() <= 4 ? "****" : id.substring(0, 2) + "****" + id.substring(id.length() - 2);
        });
    }

    /** A link the page may show: http or https only, so that a stored URL can never run script when clicked. */
    static String link(java.net.URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        return scheme.equals("https") || scheme.equals("http") ? uri.toString() : null;
    }

    static String time(Instant instant) {
        return instant.toString();
    }

    static String shownName(DutyLawyers lawyers, String username) {
        return lawyers.find(username).map(DutyLawyers.DutyLawyer::displayName).orElse(username);
    }

    static Optional<String> topic(Optional<FaqSearch> faqs, Optional<String> entryId) {
        return faqs.flatMap(search -> entryId.flatMap(search::find)).map(FaqEntry::category);
    }
}
