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

    /**
     * @param outcome  how a closed consultation ended ({@code answered}, {@code referred}, {@code legal_aid}, {@code other}); null while open
     * @param closedAt when it was closed; null while open
     * @param rating   the citizen's rating after the close: {@code satisfied} (满意), {@code dissatisfied} (不满意); null until given
     */
    record ConversationSummary(long id, String channel, String citizen, String status, String waitingSince, String topic,
                               String lastMessage, String claimedBy, boolean timedOut, String outcome, String closedAt, String rating) {
    }

    /**
     * @param allowance what the citizen's channel still lets a lawyer send; null where it sets no limit (web chat) or is over
     * @param closeNote what the lawyer noted when closing it; null while open or when nothing was noted
     * @param voicemail the hotline voicemail that opened this consultation (its transcript, recording and the knowledge
     *                  base's suggested answer, for the lawyer to use or ignore); null on every other channel
     */
    record ConversationDetail(long id, String channel, String citizen, String status, String waitingSince, String topic,
                              String lastMessage, String claimedBy, boolean timedOut, String outcome, String closedAt, String rating,
                              String closeNote, List<TurnView> turns,
                              AllowanceView allowance, VoicemailView voicemail) {
    }

    /**
     * @param delivery a lawyer's message's delivery ({@code sent}, {@code queued}, {@code not_delivered}); null for others
     * @param reason   why it was not delivered, in Chinese
     */
    record TurnView(String from, String text, String at, String by, String delivery, String reason) {
    }

    /**
     * What the channel still allows, e.g. {@code 微信: 还可发 3 条, 窗口 40 小时后关闭}.
     *
     * @param messagesLeft   null where the platform counts none
     * @param windowClosesAt null where there is no window
     */
    record AllowanceView(boolean open, Integer messagesLeft, String windowClosesAt, String text) {
    }

    static final java.util.Map<String, String> CHANNEL_NAMES = java.util.Map.of(
            "web", "网页", "wechat", "微信", "weibo", "微博", "sms", "短信", "hotline", "热线短信");

    static AllowanceView allowance(String channel, org.lawline.channels.ReplyDeliveries.SendAllowance allowance, Instant now) {
        String name = CHANNEL_NAMES.getOrDefault(channel, channel);
        String text;
        if (!allowance.open()) {
            text = allowance.windowClosesAt().isPresent() || allowance.messagesLeft().isEmpty()
                    ? name + ": 本窗口可发的消息已用完, 须等群众再发消息"
                    : channel.equals("sms") || channel.equals("hotline")
                    ? name + ": 今天发往这个号码的短信已达上限"
                    : name + ": 窗口已关闭, 须等群众再发消息后才能回复";
        } else {
            List<String> parts = new java.util.ArrayList<>();
            allowance.messagesLeft().ifPresent(left -> parts.add(
                    (allowance.windowClosesAt().isEmpty() ? "今天还可发 " : "还可发 ") + left + " 条"));
            allowance.windowClosesAt().ifPresent(closes -> parts.add("窗口 " + until(now, closes) + "后关闭"));
            text = name + ": " + String.join(", ", parts);
        }
        return new AllowanceView(allowance.open(), allowance.messagesLeft().orElse(null),
                allowance.windowClosesAt().map(InboxViews::time).orElse(null), text);
    }

    /** "40 小时", or "25 分钟" in the last hour. */
    private static String until(Instant now, Instant then) {
        java.time.Duration left = java.time.Duration.between(now, then);
        return left.toHours() >= 1 ? left.toHours() + " 小时" : Math.max(1, left.toMinutes()) + " 分钟";
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

    record LawyerView(String username, String displayName) {
    }

    record Lawyers(List<LawyerView> lawyers) {
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
