package org.lawline.channels.delivery;

/** Where an inbound claim stands. */
public enum ClaimStatus {
    /** Its owner is working on the answer. */
    ANSWERING,
    /** Answered synchronously; a repeated delivery gets the same answer again. */
    ANSWERED,
    /** Answered some other way (a message sent later), or with nothing: a repeat gets nothing. */
    ANSWERED_LATER,
    /** Taken over by a reconciler from an instance that died answering it; never taken over again. */
    RECOVERING
}
