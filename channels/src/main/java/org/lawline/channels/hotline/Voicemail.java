package org.lawline.channels.hotline;

import java.net.URI;
import java.time.Instant;
import org.lawline.conversation.MobileNumber;

/**
 * A voicemail left on the 12348 hotline, as its system hands it over: the caller's number, when,
 * the text its own speech recognition made of it, and where the recording is.
 */
record Voicemail(String id, MobileNumber caller, Instant receivedAt, String text, URI recordingUrl) {

    /** The caller's words and number stay out of logs. */
    @Override
    public String toString() {
        return "Voicemail[id=" + id + ", caller=" + caller + ", receivedAt=" + receivedAt + ", length=" + text.length() + "]";
    }
}
