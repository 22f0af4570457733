package org.lawline.channels.delivery;

/** Where one part of an outbound message stands. */
public enum PartState {
    SENDING,
    /** Left SENDING by an instance that died or had no worker free; being sent again, once. */
    RETRYING,
    SENT,
    /** The platform's window or allowance was closed: the citizen has to write again. */
    NOT_DELIVERED,
    FAILED
}
