package org.lawline.handoff.callback;

/** The operators' list changed: a callback joined, was called, or was cancelled. */
public record CallbackChanged(long callbackId) {
}
