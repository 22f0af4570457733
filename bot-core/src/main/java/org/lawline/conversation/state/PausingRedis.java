package org.lawline.conversation.state;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One circuit breaker for every Redis command of the process: after a failure every command, in
 * whichever module, fails at once for {@code retryAfter}; then one command alone tries Redis again
 * while the others still fail at once, until it succeeds (Redis is back) or fails (another pause).
 * So a Redis that hangs rather than refuses costs one command timeout per pause instead of one per
 * caller, and the threads answering citizens, polling timers or sending replies are never all
 * waiting on it.
 *
 * <p>Only a Redis that did not answer is a failure (a timeout, a lost or refused connection); an
 * error Redis answered with ({@link RedisCommandExecutionException}: a script error, a missing
 * script) shows Redis is up. Commands pass through {@link StatefulRedisConnection#sync()} only:
 * the asynchronous and reactive views would bypass the breaker, so they are refused. Thread safe.
 */
public final class PausingRedis {

    private static final Logger log = LoggerFactory.getLogger(PausingRedis.class);

    /** What a command gets while Redis is paused: a {@link RedisException}, as any other Redis failure. */
    public static final class RedisPaused extends RedisException {
        RedisPaused() {
            super("Redis is paused after a failure");
        }
    }

    private final StatefulRedisConnection<String, String> connection;
    private final long retryAfterNanos;
    private final AtomicLong pausedUntil = new AtomicLong(System.nanoTime());
    private final AtomicBoolean failing = new AtomicBoolean();
    /** One command at a time tries a failing Redis again. */
    private final AtomicBoolean probing = new AtomicBoolean();
    private final StatefulRedisConnection<String, String> guarded;
    private final RedisCommands<String, String> commands;

    @SuppressWarnings("unchecked")
    public PausingRedis(StatefulRedisConnection<String, String> connection, Duration retryAfter) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.retryAfterNanos = Objects.requireNonNull(retryAfter, "retryAfter").toNanos();
        ClassLoader loader = PausingRedis.class.getClassLoader();
        this.commands = (RedisCommands<String, String>) Proxy.newProxyInstance(loader, new Class<?>[] {RedisCommands.class},
                this::command);
        this.guarded = (StatefulRedisConnection<String, String>) Proxy.newProxyInstance(loader,
                new Class<?>[] {StatefulRedisConnection.class}, new GuardedConnection());
    }

    /** The connection every caller uses: its {@code sync()} commands pass the breaker. */
    public StatefulRedisConnection<String, String> connection() {
        return guarded;
    }

    /** Whether commands are failing at once now, for health reports and tests. */
    public boolean paused() {
        return failing.get();
    }

    private Object command(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return method.invoke(this, args);
        }
        if (method.getName().equals("getStatefulConnection") && method.getParameterCount() == 0) {
            return guarded;
        }
        if (System.nanoTime() - pausedUntil.get() < 0) {
            throw new RedisPaused();
        }
        boolean probe = failing.get();
        if (probe && !probing.compareAndSet(false, true)) {
            throw new RedisPaused();
        }
        try {
            Object result = method.invoke(connection.sync(), args);
            recovered();
            return result;
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RedisCommandExecutionException) {
                recovered();
            } else if (cause instanceof RedisException failure) {
                pause(failure);
            }
            throw cause;
        } finally {
            if (probe) {
                probing.set(false);
            }
        }
    }

    private void pause(RedisException cause) {
        pausedUntil.set(System.nanoTime() + retryAfterNanos);
        if (failing.compareAndSet(false, true)) {
            log.warn("Redis failed ({}); every Redis command fails at once for {} ms, then one tries again",
                    cause.toString(), retryAfterNanos / 1_000_000);
        }
    }

    private void recovered() {
        if (failing.compareAndSet(true, false)) {
            log.info("Redis reachable again");
        }
    }

    /** The connection as callers see it: {@code sync()} is the guarded commands; the rest is the real connection's. */
    private final class GuardedConnection implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "sync":
                    return commands;
                case "async", "reactive":
                    throw new UnsupportedOperationException("Only sync() commands pass the Redis circuit breaker");
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "toString":
                    return "PausingRedis(" + connection + ")";
                default:
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
            }
        }
    }
}
