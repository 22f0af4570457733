package org.lawline.channels.hotline;

import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The hotline voicemail intake's settings ({@code lawline.hotline}).
 *
 * @param secret  the key the hotline system signs its calls with ({@code LAWLINE_HOTLINE_SECRET});
 *                the intake answers 404 while it is blank (never printed)
 * @param window  how far a call's timestamp may be from our clock: a captured call replayed later is refused
 * @param maxBody the largest body read; a voicemail's transcript is a few hundred characters
 */
@ConfigurationProperties("lawline.hotline")
record HotlineSettings(
        String secret,
        @DefaultValue("300s") Duration window,
        @DefaultValue("64KB") DataSize maxBody) {

    HotlineSettings {
        Objects.requireNonNull(window, "lawline.hotline.window");
        Objects.requireNonNull(maxBody, "lawline.hotline.max-body");
        if (secret != null && !secret.isBlank() && secret.length() < 16) {
            throw new IllegalArgumentException("lawline.hotline.secret (LAWLINE_HOTLINE_SECRET) must be at least 16 characters");
        }
    }

    boolean enabled() {
        return secret != null && !secret.isBlank();
    }

    @Override
    public String toString() {
        return "HotlineSettings[window=" + window + ", maxBody=" + maxBody + ", secret=****]";
    }
}
