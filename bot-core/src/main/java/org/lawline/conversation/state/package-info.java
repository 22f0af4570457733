/**
 * Internal: where conversation state lives between messages — in this process, or in Redis so
 * that every instance shares it (both pass the same contract test) — and how a conversation's
 * turns are taken one at a time: {@code StoreTurns} within one process,
 * {@code RedisConversationTurns} (a lease in Redis) across instances, {@code PausingTurns} to stop
 * asking a failing Redis for a moment.
 */
package org.lawline.conversation.state;
