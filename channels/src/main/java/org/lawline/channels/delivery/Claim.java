package org.lawline.channels.delivery;

/** The outcome of claiming an inbound message. */
public sealed interface Claim {

    /** This caller answers the message; it must then finish the ticket (answered, answered later) or release it. */
    record Won(ClaimTicket ticket) implements Claim {
    }

    /** Already answered synchronously: send this answer again. */
    record Answered(String answer) implements Claim {
    }

    /** Being answered elsewhere right now, or answered some other way: answer nothing new. */
    record Taken() implements Claim {
    }
}
