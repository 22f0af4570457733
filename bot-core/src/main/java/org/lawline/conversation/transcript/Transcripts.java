package org.lawline.conversation.transcript;

/**
 * Where the engine leaves each turn to be stored. {@link #record} is on the path of a citizen's
 * reply, so it must return in microseconds and never throw; storing happens elsewhere.
 */
public interface Transcripts {

    /** Keeps nothing: for an engine without a database (tests, the benchmark). */
    Transcripts NONE = turn -> { };

    /** Takes the turn for storing; never blocks on the database, never throws. */
    void record(TurnRecord turn);
}
