package org.lawline.channels.delivery;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;

/**
 * Database calls on the path of a citizen's answer (claims, and what a channel's client reads
 * while it waits, such as the web chat's mailbox), each given at most {@code wait}. The pool's
 * and the driver's timeouts end a call to a database that is down, but only after seconds (a
 * frozen server holds an open connection until the socket timeout); a webhook that must answer
 * within WeChat's five seconds cannot spend them. So each call runs on a thread of a small pool of
 * its own, and its caller stops waiting after {@code wait}: the call then counts as failed, though
 * it may still finish, and callers must be ready for that (the claims' write-back is). After a
 * call that timed out or failed as an unreachable database fails, calls fail at once for
 * {@code pause}, so that a database that is down costs one wait per pause, not one per message.
 * Any other failure (a duplicate key) reaches the caller as it was thrown. Thread safe.
 */
public final class BoundedDatabase {

    private static final Logger log = LoggerFactory.getLogger(BoundedDatabase.class);

    /** Calls stuck on a frozen database hold a thread until the socket timeout; past this many, callers fail at once. */
    private static final int MOST_CALLS_AT_ONCE = 16;

    private final Duration wait;
    private final Duration pause;
    private final ThreadPoolExecutor calls;
    private final AtomicLong downUntilNanos = new AtomicLong(System.nanoTime());
    private volatile boolean down;

    public BoundedDatabase(Duration wait, Duration pause) {
        this.wait = wait;
        this.pause = pause;
        AtomicInteger threads = new AtomicInteger();
        this.calls = new ThreadPoolExecutor(0, MOST_CALLS_AT_ONCE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
            Thread thread = new Thread(task, "claims-database-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * The call's result, or {@link DatabaseUnavailable} when the database did not answer within
     * the wait, failed as an unreachable one fails, or did so lately.
     */
    public <T> T call(Supplier<T> call) {
        if (down && System.nanoTime() - downUntilNanos.get() < 0) {
            throw new DatabaseUnavailable("The database failed lately; not asked again until the pause is over", null);
        }
        CompletableFuture<T> result;
        try {
            result = CompletableFuture.supplyAsync(call, calls);
        } catch (RejectedExecutionException busy) {
            throw failed(new DatabaseUnavailable("Every database call of this instance is waiting on the database", busy));
        }
        try {
            T value = result.get(wait.toNanos(), TimeUnit.NANOSECONDS);
            if (down) {
                down = false;
                log.info("The database answers again");
            }
            return value;
        } catch (TimeoutException slow) {
            throw failed(new DatabaseUnavailable("The database did not answer within " + wait.toMillis() + " ms", slow));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (unreachable(cause)) {
                throw failed(new DatabaseUnavailable("The database failed as an unreachable one fails", cause));
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new DatabaseUnavailable("Interrupted waiting for the database", interrupted);
        }
    }

    /** Whether the database is taken to be down now (a call failed within the pause). */
    public boolean down() {
        return down && System.nanoTime() - downUntilNanos.get() < 0;
    }

    private DatabaseUnavailable failed(DatabaseUnavailable e) {
        downUntilNanos.set(System.nanoTime() + pause.toNanos());
        if (!down) {
            log.warn("Database calls for claims fail fast for {}: {}", pause, e.getMessage());
        }
        down = true;
        return e;
    }

    private static boolean unreachable(Throwable failure) {
        if (failure instanceof DataAccessResourceFailureException || failure instanceof TransientDataAccessException
                || failure instanceof RecoverableDataAccessException) {
            return true;
        }
        if (failure instanceof UncategorizedSQLException uncategorized && uncategorized.getSQLException() != null) {
            return connectionState(uncategorized.getSQLException());
        }
        return false;
    }

    /** SQLSTATE class 08: connection exception; 57: the server ended the statement (a timeout, a shutdown). */
    private static boolean connectionState(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("57"));
    }
}
