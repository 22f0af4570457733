package org.lawline.channels.web;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The web chat's settings.
 *
 * @param sessionKey                  the key that signs the web citizens' session tokens, shared by
 *                                    every instance ({@code LAWLINE_WEB_SESSION_KEY}, at least 32
 *                                    characters); blank: a key is generated once and kept in the
 *                                    database, where every instance finds it
 * @param rateLimitPerMinute          messages one citizen may send a minute
 *                                    ({@code LAWLINE_RATE_LIMIT_PER_MINUTE}): a person types a few
 * @param rateLimitPerAddressPerMinute new sessions and messages from one client address a minute
 *                                    ({@code LAWLINE_RATE_LIMIT_PER_ADDRESS_PER_MINUTE}); higher than
 *                                    the citizen's, as an office or a mobile carrier's NAT puts many
 *                                    citizens behind one address
 * @param trustedProxies              addresses of our own reverse proxies ({@code LAWLINE_TRUSTED_PROXIES},
 *                                    comma-separated): only from these is X-Forwarded-For believed
 * @param rateLimitKeyPrefix          prefix of the rate limits' Redis keys
 * @param partnerKeys                 partner apps that sign their requests, by name: the key each
 *                                    shares with us ({@code app}: {@code LAWLINE_PARTNER_KEY}); blank
 *                                    is off, else at least 32 characters
 */
@ConfigurationProperties("lawline.web")
record WebChatSettings(
        String sessionKey,
        @DefaultValue("30") int rateLimitPerMinute,
        @DefaultValue("120") int rateLimitPerAddressPerMinute,
        @DefaultValue List<String> trustedProxies,
        @DefaultValue("lawline:web:rate:") String rateLimitKeyPrefix,
        @DefaultValue Map<String, String> partnerKeys) {

    static final int MIN_SESSION_KEY_LENGTH = 32;

    WebChatSettings {
        sessionKey = sessionKey == null ? "" : sessionKey.strip();
        if (!sessionKey.isEmpty() && sessionKey.length() < MIN_SESSION_KEY_LENGTH) {
            throw new IllegalArgumentException("lawline.web.session-key (LAWLINE_WEB_SESSION_KEY) must be at least "
                    + MIN_SESSION_KEY_LENGTH + " characters, got " + sessionKey.length());
        }
        if (rateLimitPerMinute < 1) {
            throw new IllegalArgumentException("lawline.web.rate-limit-per-minute (LAWLINE_RATE_LIMIT_PER_MINUTE) must be positive, got "
                    + rateLimitPerMinute);
        }
        if (rateLimitPerAddressPerMinute < 1) {
            throw new IllegalArgumentException("lawline.web.rate-limit-per-address-per-minute (LAWLINE_RATE_LIMIT_PER_ADDRESS_PER_MINUTE)"
                    + " must be positive, got " + rateLimitPerAddressPerMinute);
        }
        trustedProxies = trustedProxies == null ? List.of()
                : trustedProxies.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
        rateLimitKeyPrefix = rateLimitKeyPrefix == null || rateLimitKeyPrefix.isBlank() ? "lawline:web:rate:" : rateLimitKeyPrefix;
        partnerKeys = partnerKeys == null ? Map.of() : Map.copyOf(partnerKeys);
        partnerKeys.forEach((name, key) -> {
            if (!name.matches("[a-z][a-z0-9]{0,15}")) {
                throw new IllegalArgumentException("lawline.web.partner-keys: the partner name '" + name
                        + "' must be lower-case letters and digits (it starts its citizens' ids)");
            }
            if (key != null && !key.isBlank() && key.strip().length() < MIN_SESSION_KEY_LENGTH) {
                throw new IllegalArgumentException("lawline.web.partner-keys." + name + " must be at least "
                        + MIN_SESSION_KEY_LENGTH + " characters");
            }
        });
    }

    /** The defaults, with this session key: for code that builds settings by hand. */
    static WebChatSettings withSessionKey(String sessionKey) {
        return new WebChatSettings(sessionKey, 30, 120, List.of(), "lawline:web:rate:", Map.of());
    }

    /** Never print the key. */
    @Override
    public String toString() {
        return "WebChatSettings[sessionKey=" + (sessionKey.isEmpty() ? "generated" : "****")
                + ", rateLimitPerMinute=" + rateLimitPerMinute + ", rateLimitPerAddressPerMinute=" + rateLimitPerAddressPerMinute
                + ", trustedProxies=" + trustedProxies + ", partners=" + partnerKeys.keySet() + "]";
    }
}
