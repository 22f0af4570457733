/**
 * Retention and deletion on request: {@link org.lawline.retention.PersonalDataPurges} runs every
 * module's {@link org.lawline.conversation.PersonalDataPurge} — the daily job (once across
 * instances) and {@code ./lawline purge}. {@code LAWLINE_RETENTION} sets how long records keep
 * their free text and phone numbers.
 */
package org.lawline.retention;
