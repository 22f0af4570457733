package org.lawline.conversation;

import java.time.Instant;
import java.util.List;

/**
 * What a module does with the personal data in the tables it owns, so that nothing is kept
 * forever: each module that keeps what citizens wrote, their ids or their phone numbers
 * implements this once, and the application finds every implementation as a bean and runs them
 * (the daily retention job, {@code ./lawline purge}). Implementations touch only their own
 * module's tables.
 *
 * <p>Both operations strip rather than delete where a report counts the record: times, channel,
 * category (the knowledge-base entry, the reply kind), status and outcome stay; free text becomes
 * empty and a citizen's id becomes {@link #PURGED}. Both are idempotent: a record already stripped
 * is not counted again, so running them twice, or on two instances at once, is harmless.
 */
public interface PersonalDataPurge {

    /** What a stripped record holds in place of the citizen's id on its channel. */
    String PURGED = "purged";

    /**
     * Records one statement of the retention purge changes at most: a database's statement
     * timeout (PostgreSQL's is seconds) must not stop the first purge of a year of records.
     */
    int BATCH = 1000;

    /**
     * Runs {@code batch} (one statement changing at most {@link #BATCH} records) until a run
     * changes fewer; the records changed in all.
     */
    static int inBatches(java.util.function.IntSupplier batch) {
        int total = 0;
        int changed;
        do {
            changed = batch.getAsInt();
            total += changed;
        } while (changed >= BATCH);
        return total;
    }

    /** {@code where id in (…the first BATCH ids of {@code table} that match {@code condition}…)}, on H2 and PostgreSQL alike. */
    static String firstBatchOf(String table, String condition) {
        return " where id in (select id from " + table + " where " + condition + " fetch first " + BATCH + " rows only)";
    }

    /**
     * Strips free text and phone numbers from the module's records older than {@code cutoff};
     * records still in use (a chat waiting for a lawyer, a part being sent) are left until they
     * are done.
     *
     * @return how many records of each kind were stripped now
     */
    List<PurgeCount> stripOlderThan(Instant cutoff);

    /**
     * Strips or deletes every record of one citizen, however recent, on the citizen's request;
     * what is still in progress for them (a pending callback, a part not yet sent) is cancelled.
     *
     * @return how many records of each kind were stripped or deleted
     */
    List<PurgeCount> forget(DataSubject citizen);
}
