package org.lawline.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the admin API, {@code lawline.admin.*}.
 *
 * @param token                the bearer token the admin API asks for; from the environment variable
 *                             {@code LAWLINE_ADMIN_TOKEN} (relaxed binding). Unset or blank, the admin API
 *                             is off and answers every request 403; set, it must have at least 32
 *                             characters, or the application does not start
 * @param maxUploadSize        largest file {@code POST /api/admin/import} accepts, as a body or a
 *                             multipart part
 * @param maxJsonBody          largest JSON body of the other admin requests (an entry is a few KB)
 * @param failedTokenAttempts  wrong tokens one address may send a minute before it is answered 429
 *                             without its token being looked at
 */
@ConfigurationProperties("lawline.admin")
record AdminSettings(String token, @DefaultValue("10MB") DataSize maxUploadSize, @DefaultValue("64KB") DataSize maxJsonBody,
                     @DefaultValue("10") int failedTokenAttempts) {

    /** 32 characters: 190 bits or more of a random token, beyond any guessing through an HTTP API. */
    static final int MIN_TOKEN_LENGTH = 32;

    AdminSettings {
        token = token == null ? "" : token.strip();
        if (!token.isEmpty() && token.length() < MIN_TOKEN_LENGTH) {
            throw new IllegalArgumentException("lawline.admin.token (LAWLINE_ADMIN_TOKEN) must have at least "
                    + MIN_TOKEN_LENGTH + " characters, got " + token.length() + "; use a long random value");
        }
        if (maxUploadSize.toBytes() <= 0) {
            throw new IllegalArgumentException("lawline.admin.max-upload-size must be positive");
        }
        if (maxJsonBody.toBytes() <= 0) {
            throw new IllegalArgumentException("lawline.admin.max-json-body must be positive");
        }
        if (failedTokenAttempts < 1) {
            throw new IllegalArgumentException("lawline.admin.failed-token-attempts must be positive");
        }
    }

    /** The defaults with this token and upload cap (a static factory: a second constructor would confuse binding). */
    static AdminSettings of(String token, DataSize maxUploadSize) {
        return new AdminSettings(token, maxUploadSize, DataSize.ofKilobytes(64), 10);
    }

    boolean enabled() {
        return !token.isEmpty();
    }

    /** Never prints the token: settings end up in logs and error reports. */
    @Override
    public String toString() {
        return "AdminSettings[token=" + (enabled() ? "(set)" : "(unset)") + ", maxUploadSize=" + maxUploadSize
                + ", maxJsonBody=" + maxJsonBody + ", failedTokenAttempts=" + failedTokenAttempts + "]";
    }
}
