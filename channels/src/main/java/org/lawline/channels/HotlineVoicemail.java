package org.lawline.channels;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.lawline.conversation.MobileNumber;

/**
 * A voicemail left on the 12348 hotline as its system handed it over: who called and when, the
 * text its speech recognition made of it, where the recording is, and the knowledge base's
 * suggested answer to it.
 */
public record HotlineVoicemail(String id, MobileNumber caller, Instant receivedAt, String text, URI recordingUrl,
                               Optional<String> suggestedAnswer) {

    /** The caller's words and number stay out of logs. */
    @Override
    public String toString() {
        return "HotlineVoicemail[id=" + id + ", caller=" + caller + ", receivedAt=" + receivedAt + ", length=" + text.length() + "]";
    }
}
