package org.lawline.channels;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.lawline.conversation.ChannelIdentity;

/**
 * Something LawLine tells a citizen on its own initiative: a callback is scheduled, a legal-aid
 * case moved. {@link #text()} is the whole message as a chat message; {@link #fields()} fill the
 * template of a channel that needs one (WeChat's template messages: {@code first},
 * {@code keyword1} …, {@code remark}).
 */
public record Notice(ChannelIdentity to, Kind kind, String text, Map<String, String> fields) {

    public enum Kind {
        CALLBACK_CONFIRMED("callback-confirmed"),
        CASE_PROGRESS("case-progress");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        /** The name under which an account configures its template id. */
        public String key() {
            return key;
        }
    }

    public Notice {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        fields = fields == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(fields));
    }

    @Override
    public String toString() {
        return "Notice[to=" + to + ", kind=" + kind + ", length=" + text.length() + "]";
    }
}
