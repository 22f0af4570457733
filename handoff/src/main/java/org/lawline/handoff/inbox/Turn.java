package org.lawline.handoff.inbox;

import java.time.Instant;

/**
 * One utterance of a consultation as the inbox shows it.
 *
 * @param from {@code citizen}, {@code bot} or {@code lawyer}
 * @param by   the lawyer's username, the bot's knowledge-base entry, or empty for the citizen
 */
record Turn(String from, String text, Instant at, String by) {
}
