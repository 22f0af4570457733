package org.lawline.admin;

/** A request the admin API refuses with 400; the message says in Chinese what to fix. */
final class InvalidAdminRequest extends RuntimeException {

    InvalidAdminRequest(String message) {
        super(message, null, false, false);
    }
}
