package org.lawline.channels.delivery;

/**
 * A claim Redis holds alone, written while the database could not be reached: what a repeat of
 * the message is told, and, once it is finished, what the database is told when it is back.
 *
 * @param status     where the claim stands ({@link ClaimStatus} name)
 * @param kind       what came, for the table; null when the claim was made in the database first
 * @param receivedAt epoch milliseconds
 * @param answer     the synchronous answer a repeat gets again, or null
 */
record HeldClaim(String status, String kind, long receivedAt, String answer) {

    /** What a repeat of the message gets. */
    Claim asRepeat() {
        return ClaimStatus.ANSWERED.name().equals(status) && answer != null ? new Claim.Answered(answer) : new Claim.Taken();
    }

    @Override
    public String toString() {
        // the answer may quote what the citizen wrote
        return "HeldClaim[status=" + status + ", kind=" + kind + "]";
    }
}
