/**
 * Internal: transcripts and the event journal. The engine leaves each turn with
 * {@code Transcripts}; the default with a database, {@code JournaledTranscripts}, appends it to a
 * local journal and copies the journal into the {@code conversation_turn} table from a writer
 * thread, retrying while the database is down, so a turn is neither lost nor on the path of the
 * citizen's reply. The events other modules act on take the same kind of journal
 * ({@code JournaledEvents}): a dispatcher thread hands them to their listeners in order and tries
 * a failing listener again until it succeeds, so every event arrives at least once.
 */
package org.lawline.conversation.transcript;
