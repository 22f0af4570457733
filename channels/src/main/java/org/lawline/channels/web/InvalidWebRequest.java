package org.lawline.channels.web;

/** A request the web chat API refuses with 400; the message is shown to the citizen as it is. */
class InvalidWebRequest extends RuntimeException {

    InvalidWebRequest(String citizenMessage) {
        super(citizenMessage, null, false, false);
    }
}
