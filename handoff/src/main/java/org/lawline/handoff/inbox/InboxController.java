package org.lawline.handoff.inbox;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.Clock;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.time.Instant;
import org.lawline.channels.HotlineVoicemails;
import org.lawline.channels.ReplyDeliveries;
import org.lawline.conversation.Channel;
import org.lawline.handoff.DutyLawyers;
import org.lawline.handoff.callback.CallbackRequest;
import org.lawline.handoff.duty.DutyRoster;
import org.lawline.handoff.callback.CallbackRequests;
import org.lawline.handoff.escalation.ClaimResult;
import org.lawline.handoff.escalation.DutyDesk;
import org.lawline.handoff.escalation.Escalation;
import org.lawline.handoff.escalation.Escalations;
import org.lawline.knowledge.FaqSearch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The inbox's JSON API ({@code /api/inbox/**}). Who may call what is the application's security
 * configuration; here the signed-in user's name decides whose chat it is. Citizens appear masked;
 * full numbers only on the operators' callbacks list, each read audit-logged.
 */
@RestController
@ConditionalOnWebApplication
@RequestMapping(path = "/api/inbox", produces = MediaType.APPLICATION_JSON_VALUE)
class InboxController {

    private static final Logger log = LoggerFactory.getLogger(InboxController.class);
    /** A lawyer's message fits in a few SMS-sized screens and in WeChat's 2,048-byte part twice over. */
    static final int MAX_REPLY_LENGTH = 2_000;
    private static final Set<String> OUTCOMES = Set.of("answered", "referred", "legal_aid", "other");
    private static final int CLOSED_SHOWN = 200;

    private final Escalations escalations;
    private final DutyDesk desk;
    private final ConsultationTranscript transcripts;
    private final CallbackRequests callbacks;
    private final DutyLawyers lawyers;
    private final InboxEvents events;
    private final org.springframework.beans.factory.ObjectProvider<FaqSearch> faqs;
    private final JdbcClient db;
    private final Clock clock;
    private final DutyRoster roster;
    private final org.springframework.beans.factory.ObjectProvider<HotlineVoicemails> voicemails;
    private final ReplyDeliveries deliveries;
    private final org.lawline.handoff.HandoffSettings settings;
    private final ReplyDeliveryWatch deliveryWatch;

    InboxController(Escalations escalations, DutyDesk desk, ConsultationTranscript transcripts, CallbackRequests callbacks,
                    DutyLawyers lawyers, InboxEvents events, org.springframework.beans.factory.ObjectProvider<FaqSearch> faqs, JdbcClient db,
                    Clock clock, DutyRoster roster, ReplyDeliveries deliveries, org.lawline.handoff.HandoffSettings settings,
                    org.springframework.beans.factory.ObjectProvider<HotlineVoicemails> voicemails) {
        this.roster = roster;
        this.voicemails = voicemails;
        this.settings = settings;
        this.deliveries = deliveries;
        this.deliveryWatch = new ReplyDeliveryWatch(deliveries);
        this.escalations = escalations;
        this.desk = desk;
        this.transcripts = transcripts;
        this.callbacks = callbacks;
        this.lawyers = lawyers;
        this.events = events;
        this.faqs = faqs;
        this.db = db;
        this.clock = clock;
    }

    @GetMapping("/me")
    InboxViews.Me me(Principal user, HttpServletRequest request) {
        List<String> roles = new ArrayList<>();
        for (String role : List.of("LAWYER", "OPERATOR", "ADMIN")) {
            if (request.isUserInRole(role)) {
                roles.add(role);
            }
        }
        return new InboxViews.Me(user.getName(), InboxViews.shownName(lawyers, user.getName()), roles, roster.isAway(user.getName()));
    }

    /** A lawyer steps away (or back): while away they are off the roster, and a chat may go straight to the callback. */
    @PostMapping("/me/away")
    InboxViews.Me away(@RequestBody(required = false) Map<String, Object> body, Principal user, HttpServletRequest request) {
        roster.setAway(user.getName(), body != null && Boolean.TRUE.equals(body.get("away")), clock.instant());
        log.info("{} is {}", user.getName(), roster.isAway(user.getName()) ? "away" : "back on duty");
        return me(user, request);
    }

    /** The lawyers on duty now, whom a chat may be transferred to (the page leaves out the one asking). */
    @GetMapping("/lawyers")
    InboxViews.Lawyers lawyersOnDuty() {
        return new InboxViews.Lawyers(roster.onDutyAt(clock.instant()).stream()
                .map(lawyer -> new InboxViews.LawyerView(lawyer.username(), lawyer.displayName())).toList());
    }

    @GetMapping("/conversations")
    ResponseEntity<?> conversations(@RequestParam(defaultValue = "waiting") String status, @RequestParam Map<String, String> query,
                                    Principal user) {
        Optional<Escalations.ClosedSearch> search = Optional.empty();
        if (status.equals("closed")) {
            try {
                search = Optional.of(ClosedSearchParameters.parse(query, settings.zone(), CLOSED_SHOWN));
            } catch (IllegalArgumentException refused) {
                return ResponseEntity.badRequest().body(new InboxViews.Error(refused.getMessage()));
            }
        }
        List<Escalation> shown = switch (status) {
            case "waiting" -> waitingAndTimedOut();
            case "mine" -> escalations.heldBy(user.getName());
            case "closed" -> escalations.closed(search.orElseThrow());
            default -> null;
        };
        if (shown == null) {
            return ResponseEntity.badRequest().body(new InboxViews.Error("status 只能是 waiting、mine 或 closed"));
        }
        return ResponseEntity.ok(new InboxViews.Conversations(shown.stream().map(this::summary).toList()));
    }

    /** Waiting chats and timed-out ones a lawyer may still take over from the callback, oldest first. */
    private List<Escalation> waitingAndTimedOut() {
        List<Escalation> all = new ArrayList<>(escalations.waiting());
        all.addAll(escalations.timedOut());
        all.sort(java.util.Comparator.comparing(Escalation::requestedAt).thenComparingLong(Escalation::id));
        return all;
    }

    @GetMapping("/conversations/{id}")
    ResponseEntity<?> conversation(@PathVariable long id) {
        return escalations.find(id).<ResponseEntity<?>>map(e -> ResponseEntity.ok(detail(e))).orElseGet(InboxController::notFound);
    }

    @PostMapping("/conversations/{id}/claim")
    ResponseEntity<?> claim(@PathVariable long id, Principal user) {
        ClaimResult result = desk.claim(id, user.getName());
        if (result instanceof ClaimResult.Claimed claimed) {
            return ResponseEntity.ok(detail(claimed.escalation()));
        }
        if (result instanceof ClaimResult.HeldBy held) {
            String name = InboxViews.shownName(lawyers, held.lawyer());
            return ResponseEntity.status(HttpStatus.CONFLICT).body(new InboxViews.ClaimRefused(name + " 已接手这个会话", name));
        }
        return escalations.find(id).isPresent()
                ? ResponseEntity.status(HttpStatus.CONFLICT).body(new InboxViews.ClaimRefused("会话已结束或已取消", null))
                : notFound();
    }

    @PostMapping("/conversations/{id}/messages")
    ResponseEntity<?> message(@PathVariable long id, @RequestBody(required = false) Map<String, Object> body, Principal user) {
        String text = body == null || !(body.get("text") instanceof String s) ? "" : s.strip();
        if (text.isEmpty()) {
            return ResponseEntity.badRequest().body(new InboxViews.Error("回复内容不能为空"));
        }
        if (text.codePointCount(0, text.length()) > MAX_REPLY_LENGTH) {
            return ResponseEntity.badRequest().body(new InboxViews.Error("回复不能超过 " + MAX_REPLY_LENGTH + " 个字"));
        }
        DutyDesk.Replied replied = desk.reply(id, user.getName(), text);
        return switch (replied.outcome()) {
            // recorded in the outbox as the desk published it; the channel's workers send it
            case DONE -> ResponseEntity.status(HttpStatus.ACCEPTED).body(deliveryWatch.settle(replied.replyId().orElseThrow()));
            case NOT_YOURS -> ResponseEntity.status(HttpStatus.CONFLICT).body(new InboxViews.Error("只有接手这个会话的律师可以回复"));
            case NOT_FOUND -> notFound();
        };
    }

    @PostMapping("/conversations/{id}/transfer")
    ResponseEntity<?> transfer(@PathVariable long id, @RequestBody(required = false) Map<String, Object> body, Principal user) {
        String to = body == null || !(body.get("to") instanceof String s) ? "" : s.strip();
        if (to.length() > 64 || roster.onDutyAt(clock.instant()).stream().noneMatch(lawyer -> lawyer.username().equals(to))) {
            return ResponseEntity.badRequest().body(new InboxViews.Error("这位律师现在不在岗，不能转交"));
        }
        if (to.equals(user.getName())) {
            return ResponseEntity.badRequest().body(new InboxViews.Error("不能转交给自己"));
        }
        return switch (desk.transfer(id, user.getName(), to)) {
            case DONE -> ResponseEntity.ok(detail(escalations.find(id).orElseThrow()));
            case NOT_YOURS -> ResponseEntity.status(HttpStatus.CONFLICT).body(new InboxViews.Error("只有接手这个会话的律师可以转交"));
            case NOT_FOUND -> notFound();
        };
    }

    @PostMapping("/conversations/{id}/close")
    ResponseEntity<?> close(@PathVariable long id, @RequestBody(required = false) Map<String, Object> body, Principal user) {
        String outcome = body == null || !(body.get("outcome") instanceof String s) ? "" : s;
        if (!OUTCOMES.contains(outcome)) {
            return ResponseEntity.badRequest().body(new InboxViews.Error("outcome 只能是 answered、referred、legal_aid 或 other"));
        }
        Optional<String> note = body.get("note") instanceof String s && !s.isBlank() ? Optional.of(s.strip()) : Optional.empty();
        if (note.map(String::length).orElse(0) > 500) {
            return ResponseEntity.badRequest().body(new InboxViews.Error("备注不能超过 500 个字"));
        }
        return switch (desk.close(id, user.getName(), outcome, note)) {
            case DONE -> ResponseEntity.ok(detail(escalations.find(id).orElseThrow()));
            case NOT_YOURS -> ResponseEntity.status(HttpStatus.CONFLICT).body(new InboxViews.Error("只有接手这个会话的律师可以结束它"));
            case NOT_FOUND -> notFound();
        };
    }

    @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events() {
        return events.open();
    }

    @GetMapping("/callbacks")
    ResponseEntity<?> callbacks(@RequestParam(defaultValue = "pending") String status, Principal user) {
        List<CallbackRequest> shown = switch (status) {
            case "pending" -> callbacks.pending();
            case "done" -> callbacks.done(CLOSED_SHOWN);
            default -> null;
        };
        if (shown == null) {
            return ResponseEntity.badRequest().body(new InboxViews.Error("status 只能是 pending 或 done"));
        }
        audit(user.getName(), shown);
        return ResponseEntity.ok(new InboxViews.Callbacks(shown.stream().map(c -> new InboxViews.CallbackView(c.id(), c.escalationId(),
                c.phone().digits(), InboxViews.time(c.requestedAt()), InboxViews.time(c.dueBy()), c.status().name().toLowerCase(),
                c.attempts(), c.citizen().channel().wireName(), voicemailBehind(c).orElse(null))).toList()));
    }

    /** A callback on the hotline channel was opened by a voicemail: the operator sees it before calling. */
    private Optional<InboxViews.VoicemailView> voicemailBehind(CallbackRequest callback) {
        return voicemailOpening(callback.citizen().channel(), callback.escalationId());
    }

    /** The voicemail that opened a hotline consultation: what the lawyer answers, and the operator calls back about. */
    private Optional<InboxViews.VoicemailView> voicemailOpening(Channel channel, long escalationId) {
        HotlineVoicemails kept = voicemails.getIfAvailable();
        if (kept == null || channel != Channel.HOTLINE) {
            return Optional.empty();
        }
        return kept.openedBy(escalations.consultationOf(escalationId))
                .map(v -> new InboxViews.VoicemailView(v.id(), InboxViews.time(v.receivedAt()), v.text(), InboxViews.link(v.recordingUrl()),
                        v.suggestedAnswer().orElse(null)));
    }

    @PostMapping("/callbacks/{id}/outcome")
    ResponseEntity<?> callbackOutcome(@PathVariable long id, @RequestBody(required = false) Map<String, Object> body, Principal user) {
        String given = body == null || !(body.get("outcome") instanceof String s) ? "" : s;
        Optional<CallbackRequests.Outcome> outcome = switch (given) {
            case "reached" -> Optional.of(CallbackRequests.Outcome.REACHED);
            case "unreachable" -> Optional.of(CallbackRequests.Outcome.UNREACHABLE);
            case "resolved" -> Optional.of(CallbackRequests.Outcome.RESOLVED);
            default -> Optional.empty();
        };
        if (outcome.isEmpty()) {
            return ResponseEntity.badRequest().body(new InboxViews.Error("outcome 只能是 reached、unreachable 或 resolved"));
        }
        Optional<String> note = body.get("note") instanceof String s && !s.isBlank() ? Optional.of(s.strip()) : Optional.empty();
        return callbacks.record(id, outcome.get(), note, user.getName())
                .<ResponseEntity<?>>map(c -> ResponseEntity.ok(Map.of("id", c.id(), "status", c.status().name().toLowerCase(),
                        "attempts", c.attempts())))
                .orElseGet(() -> callbacks.find(id).isPresent()
                        ? ResponseEntity.status(HttpStatus.CONFLICT).body(new InboxViews.Error("这个回拨已处理"))
                        : notFound());
    }

    /** Every read of full numbers is on record: who, when, which conversation. */
    private void audit(String viewer, List<CallbackRequest> shown) {
        Timestamp now = Timestamp.from(clock.instant());
        for (CallbackRequest callback : shown) {
            db.sql("insert into phone_view_audit (viewer, escalation_id, viewed_at) values (:v, :e, :at)")
                    .param("v", viewer).param("e", callback.escalationId()).param("at", now).update();
        }
        log.info("{} viewed the phone numbers of {} callback(s)", viewer, shown.size());
    }

    private InboxViews.ConversationSummary summary(Escalation e) {
        return new InboxViews.ConversationSummary(e.id(), e.citizen().channel().wireName(), InboxViews.masked(e.citizen()),
                InboxViews.status(e.status()), InboxViews.time(e.requestedAt()),
                InboxViews.topic(Optional.ofNullable(faqs.getIfAvailable()), transcripts.lastEntry(e)).orElse(null), transcripts.lastCitizenMessage(e).orElse(null),
                e.claimedBy().map(name -> InboxViews.shownName(lawyers, name)).orElse(null), e.timedOutAt().isPresent(),
                e.status() == Escalation.Status.CLOSED ? e.outcome().orElse(null) : null,
                e.closedAt().map(InboxViews::time).orElse(null), e.rating().map(r -> r.toLowerCase(java.util.Locale.ROOT)).orElse(null));
    }

    private InboxViews.ConversationDetail detail(Escalation e) {
        InboxViews.ConversationSummary s = summary(e);
        List<InboxViews.TurnView> turns = transcripts.of(e).stream()
                .map(t -> {
                    Optional<InboxViews.Delivery> delivery = t.replyId().map(deliveryWatch::now);
                    return new InboxViews.TurnView(t.from(), t.text(), InboxViews.time(t.at()),
                            t.from().equals("lawyer") ? InboxViews.shownName(lawyers, t.by()) : t.by(),
                            delivery.map(InboxViews.Delivery::delivery).orElse(null), delivery.map(InboxViews.Delivery::reason).orElse(null));
                })
                .toList();
        return new InboxViews.ConversationDetail(s.id(), s.channel(), s.citizen(), s.status(), s.waitingSince(), s.topic(),
                s.lastMessage(), s.claimedBy(), s.timedOut(), s.outcome(), s.closedAt(), s.rating(), e.closeNote().orElse(null),
                turns, allowance(e).orElse(null),
                voicemailOpening(e.citizen().channel(), e.id()).orElse(null));
    }

    /** What the citizen's channel still allows, while the chat is open; an allowance store that is down hides it, nothing more. */
    private Optional<InboxViews.AllowanceView> allowance(Escalation e) {
        if (e.status() == Escalation.Status.CLOSED || e.status() == Escalation.Status.CANCELLED) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        try {
            return deliveries.allowance(e.citizen(), now)
                    .map(allowance -> InboxViews.allowance(e.citizen().channel().wireName(), allowance, now));
        } catch (RuntimeException unavailable) {
            log.warn("Escalation {}: the channel's allowance could not be read: {}", e.id(), unavailable.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private static ResponseEntity<?> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new InboxViews.Error("没有这个会话"));
    }
}
