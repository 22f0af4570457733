/**
 * Internal: transcripts. The engine leaves each turn with {@code Transcripts}; the default with a
 * database, {@code JournaledTranscripts}, appends it to a local journal and copies the journal
 * into the {@code conversation_turn} table from a writer thread, retrying while the database is
 * down, so a turn is neither lost nor on the path of the citizen's reply.
 */
package org.lawline.conversation.transcript;
