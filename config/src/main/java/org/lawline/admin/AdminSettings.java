package org.lawline.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the admin API, {@code lawline.admin.*}.
 *
 * @param token         the bearer token the admin API asks for; from the environment variable
 *                      {@code LAWLINE_ADMIN_TOKEN} (relaxed binding). Unset or blank, the admin API
 *                      is off and answers every request 403
 * @param maxUploadSize largest file {@code POST /api/admin/import} accepts
 */
@ConfigurationProperties("lawline.admin")
record AdminSettings(String token, @DefaultValue("10MB") DataSize maxUploadSize) {

    AdminSettings {
        token = token == null ? "" : token.strip();
        if (maxUploadSize.toBytes() <= 0) {
            throw new IllegalArgumentException("lawline.admin.max-upload-size must be positive");
        }
    }

    boolean enabled() {
        return !token.isEmpty();
    }

    /** Never prints the token: settings end up in logs and error reports. */
    @Override
    public String toString() {
        return "AdminSettings[token=" + (enabled() ? "(set)" : "(unset)") + ", maxUploadSize=" + maxUploadSize + "]";
    }
}
