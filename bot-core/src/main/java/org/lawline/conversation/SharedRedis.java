package org.lawline.conversation;

import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The one Redis connection of this process, for every module: opened by
 * {@link ConversationConfiguration} when {@value ConversationConfiguration#REDIS_URL} is set, with
 * the strict options every caller relies on (a command timeout, commands rejected at once while
 * disconnected, a bounded request queue, TCP keepalive so a silently dropped connection is noticed),
 * and closed with the context. Its {@code sync()} commands all pass one circuit breaker: after a
 * failure they fail at once for a moment, whichever module sends them. Other modules take it by
 * type ({@code ObjectProvider<SharedRedis>}: absent without Redis) rather than borrowing a bean by
 * name. Thread safe, like the connection.
 *
 * @param connection    every command, PUBLISH included
 * @param subscriptions opens a connection of the caller's own for SUBSCRIBE (a subscribed
 *                      connection takes no other command); the caller closes it
 */
public record SharedRedis(StatefulRedisConnection<String, String> connection,
                          Supplier<StatefulRedisPubSubConnection<String, String>> subscriptions) {

    public SharedRedis {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(subscriptions, "subscriptions");
    }
}
