/**
 * Internal: where conversation state lives between messages — in this process, or in Redis so
 * that every instance shares it (both pass the same contract test) — and how a conversation's
 * turns are taken one at a time: {@code StoreTurns} within one process,
 * {@code RedisConversationTurns} (a lease in Redis) across instances — and {@code PausingRedis},
 * the one circuit breaker every Redis command of the process passes, whichever module sends it.
 */
package org.lawline.conversation.state;
