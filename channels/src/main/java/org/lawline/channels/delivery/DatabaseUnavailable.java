package org.lawline.channels.delivery;

/**
 * The database did not answer within the wait a citizen's message can afford, or failed as a
 * database that is down or unreachable fails. Nothing is known to have been written.
 */
public class DatabaseUnavailable extends RuntimeException {

    DatabaseUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
