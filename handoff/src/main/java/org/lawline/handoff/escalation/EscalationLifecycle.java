package org.lawline.handoff.escalation;

import java.time.Clock;
import java.time.Instant;
import org.lawline.conversation.CitizenWroteToLawyer;
import org.lawline.conversation.ConsultationRated;
import org.lawline.conversation.EscalationCancelled;
import org.lawline.conversation.EscalationRequested;
import org.lawline.handoff.HandoffSettings;
import org.lawline.handoff.duty.DutyRoster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;

/**
 * The conversation engine's events, as handoff sees them: a request queues the chat and arms its
 * pickup timer (due at once when nobody is on duty, so the citizen hears of the callback straight
 * away rather than after the timeout); 取消 takes it out of the queue; the citizen's messages to a
 * lawyer refresh the inbox.
 */
class EscalationLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EscalationLifecycle.class);

    private final Escalations escalations;
    private final PickupTimers timers;
    private final DutyRoster roster;
    private final HandoffSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EscalationLifecycle(Escalations escalations, PickupTimers timers, DutyRoster roster, HandoffSettings settings,
                        ApplicationEventPublisher events, Clock clock) {
        this.escalations = escalations;
        this.timers = timers;
        this.roster = roster;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    public void on(EscalationRequested request) {
        Instant requestedAt = request.requestedAt();
        boolean staffed = roster.anyoneOnDutyAt(requestedAt);
        Instant due = staffed ? requestedAt.plus(settings.pickupTimeout()) : requestedAt;
        escalations.open(request, due).ifPresentOrElse(escalation -> {
            timers.schedule(escalation.id(), escalation.dueAt());
            events.publishEvent(new EscalationChanged(escalation.id()));
            log.info("Escalation {} queued for {} ({}){}", escalation.id(), request.citizen(), request.reason(),
                    staffed ? "" : ": nobody on duty, straight to the callback");
        }, () -> log.info("Escalation for {} is already open", request.citizen()));
    }

    @EventListener
    public void on(EscalationCancelled cancelled) {
        escalations.cancel(cancelled.citizen(), clock.instant()).ifPresent(escalation -> {
            timers.cancel(escalation.id());
            events.publishEvent(new EscalationChanged(escalation.id()));
            log.info("Escalation {} cancelled by the citizen", escalation.id());
        });
    }

    @EventListener
    public void on(CitizenWroteToLawyer wrote) {
        escalations.openFor(wrote.citizen()).ifPresent(escalation -> events.publishEvent(new EscalationChanged(escalation.id())));
    }

    /** The citizen rated the consultation the lawyer closed: kept on its escalation, shown in the inbox. */
    @EventListener
    public void on(ConsultationRated rated) {
        escalations.rate(rated.conversation(), rated.rating().name(), rated.ratedAt()).ifPresent(id -> {
            log.info("Escalation {} rated {} by the citizen", id, rated.rating());
            events.publishEvent(new EscalationChanged(id));
        });
    }
}
