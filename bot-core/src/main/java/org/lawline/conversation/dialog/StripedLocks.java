package org.lawline.conversation.dialog;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A fixed set of locks shared out by key, so that the messages of one conversation are handled
 * one at a time without a lock object per citizen. Two conversations may share a stripe; they
 * then wait on each other briefly, which is harmless.
 *
 * <p>Fair locks: a conversation's messages are handled in the order their threads arrived.
 * This serialises within one JVM only; across instances, the turns of the shared store
 * ({@code RedisConversationTurns}) do, and this lock keeps a JVM's own messages from racing each
 * other to Redis.
 */
final class StripedLocks {

    private final Lock[] stripes;

    StripedLocks(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("Need at least one stripe, got " + count);
        }
        stripes = new Lock[count];
        for (int i = 0; i < count; i++) {
            stripes[i] = new ReentrantLock(true);
        }
    }

    Lock of(String key) {
        return stripes[Math.floorMod(key.hashCode(), stripes.length)];
    }
}
