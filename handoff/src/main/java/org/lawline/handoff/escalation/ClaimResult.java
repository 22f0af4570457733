package org.lawline.handoff.escalation;

/** What became of a lawyer's claim. */
public sealed interface ClaimResult {

    /** The lawyer holds the chat now; {@code afterTimeout} when the callback had already taken over. */
    record Claimed(Escalation escalation, boolean afterTimeout) implements ClaimResult {
    }

    /** Someone else holds it. */
    record HeldBy(String lawyer) implements ClaimResult {
    }

    /** Cancelled, closed or unknown: nothing to claim. */
    record NotOpen() implements ClaimResult {
    }
}
