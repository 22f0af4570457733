package org.lawline.channels.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The web chat's settings.
 *
 * @param sessionKey the key that signs the web citizens' session tokens, shared by every instance
 *                   ({@code LAWLINE_WEB_SESSION_KEY}, at least 32 characters); blank: a key is
 *                   generated once and kept in the database, where every instance finds it
 */
@ConfigurationProperties("lawline.web")
record WebChatSettings(String sessionKey) {

    static final int MIN_SESSION_KEY_LENGTH = 32;

    WebChatSettings {
        sessionKey = sessionKey == null ? "" : sessionKey.strip();
        if (!sessionKey.isEmpty() && sessionKey.length() < MIN_SESSION_KEY_LENGTH) {
            throw new IllegalArgumentException("lawline.web.session-key (LAWLINE_WEB_SESSION_KEY) must be at least "
                    + MIN_SESSION_KEY_LENGTH + " characters, got " + sessionKey.length());
        }
    }

    /** Never print the key. */
    @Override
    public String toString() {
        return "WebChatSettings[sessionKey=" + (sessionKey.isEmpty() ? "generated" : "****") + "]";
    }
}
