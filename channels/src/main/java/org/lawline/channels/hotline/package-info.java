/**
 * The 12348 hotline's voicemails, answered in writing: {@code POST /api/hotline/voicemails}
 * (signed by the hotline system with HMAC-SHA256, a 300-second window, idempotent by the
 * voicemail's id) keeps each voicemail with the knowledge base's suggested answer and puts the
 * caller in the duty lawyers' waiting queue on the {@code hotline} channel. The lawyer's reply
 * leaves through the shared outbox; the SMS channel is the hotline channel's platform, so it
 * reaches the caller's number by SMS.
 */
package org.lawline.channels.hotline;
