package org.lawline.channels.delivery;

/**
 * A write the database missed while it was down, kept in Redis until it is back: a claim's
 * outcome ({@code CLAIM}), or the text of an answer to record in the outbox and send ({@code REST}:
 * the parts after a passive reply, or an answer that could not wait).
 *
 * @param type      {@code CLAIM} or {@code REST}
 * @param status    the claim's {@link ClaimStatus} name ({@code CLAIM})
 * @param text      the synchronous answer ({@code CLAIM}, may be null) or the message to send ({@code REST})
 * @param at        epoch milliseconds of the outcome
 */
record HeldWrite(String type, String channel, String account, String citizenId, String key, String kind, String status, String text,
                 long receivedAt, long at) {

    static final String CLAIM = "CLAIM";
    static final String REST = "REST";

    @Override
    public String toString() {
        return "HeldWrite[type=" + type + ", channel=" + channel + ", status=" + status + "]";
    }
}
