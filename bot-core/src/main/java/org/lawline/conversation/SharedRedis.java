package org.lawline.conversation;

import io.lettuce.core.api.StatefulRedisConnection;
import java.util.Objects;

/**
 * The one Redis connection of this process, for every module: opened by
 * {@link ConversationConfiguration} when {@value ConversationConfiguration#REDIS_URL} is set, with
 * the strict options every caller relies on (a command timeout, commands rejected at once while
 * disconnected, a bounded request queue, TCP keepalive so a silently dropped connection is noticed),
 * and closed with the context. Other modules take it by type ({@code ObjectProvider<SharedRedis>}:
 * absent without Redis) rather than borrowing a bean by name. Thread safe, like the connection.
 */
public record SharedRedis(StatefulRedisConnection<String, String> connection) {

    public SharedRedis {
        Objects.requireNonNull(connection, "connection");
    }
}
