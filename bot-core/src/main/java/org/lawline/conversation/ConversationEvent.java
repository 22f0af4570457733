package org.lawline.conversation;

import java.time.Instant;

/**
 * Something that happened in a consultation which other modules act on. Every event has an id of
 * its own (a listener's unique key: an event may be delivered more than once, never zero times
 * once published) and names the consultation and the citizen it belongs to.
 */
public sealed interface ConversationEvent
        permits ReplyComposed, EscalationRequested, EscalationCancelled, CitizenWroteToLawyer, CallbackNumberConfirmed,
        ConversationClosed, ConsultationRated {

    EventId id();

    ConversationId conversation();

    ChannelIdentity citizen();

    Instant occurredAt();
}
