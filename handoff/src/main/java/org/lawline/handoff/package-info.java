/**
 * Handoff to people: the escalation queue, the pickup timer, the duty roster, 12348 callbacks
 * and the duty-lawyer inbox. Listens to bot-core's events; never called by bot-core.
 */
package org.lawline.handoff;
