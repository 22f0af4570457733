package org.lawline.channels.wechat;

import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.lawline.channels.delivery.ReplyWindows;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The WeChat official accounts LawLine serves and how it talks to them. An account whose app id is
 * blank is off: the application maps {@code LAWLINE_WECHAT_APP_ID} and its siblings to the
 * account {@code default}, and an unset variable must not start a channel.
 *
 * @param accounts           by name; an account is served at {@code /wechat/{name}}
 * @param replyBudget        how long a webhook waits for the engine before it answers an empty
 *                           200 and sends the reply as a customer-service message: WeChat drops
 *                           the connection at 5 s and retries, so this stays well below it
 * @param timestampTolerance a webhook call whose timestamp is further than this from our clock is
 *                           refused (limits the replay of a captured call)
 * @param maxBody            bodies above this are refused unread; WeChat's own are a few KB
 * @param keyPrefix          prefix of this channel's Redis keys (tokens, windows); the claims' are
 *                           the shared delivery's ({@code lawline.delivery.key-prefix})
 * @param tokenRefreshMargin an access_token this close to its expiry is refreshed before use
 * @param customerService    WeChat's limits on customer-service messages
 * @param workers            threads answering messages; a webhook waits on them at most replyBudget
 */
@ConfigurationProperties("lawline.wechat")
record WeChatSettings(
        @DefaultValue Map<String, Account> accounts,
        @DefaultValue("4s") Duration replyBudget,
        @DefaultValue("300s") Duration timestampTolerance,
        @DefaultValue("64KB") DataSize maxBody,
        @DefaultValue(DEFAULT_KEY_PREFIX) String keyPrefix,
        @DefaultValue("5m") Duration tokenRefreshMargin,
        @DefaultValue CustomerServiceLimits customerService,
        @DefaultValue("32") int workers) {

    static final String DEFAULT_KEY_PREFIX = "lawline:wechat:";
    static final String DEFAULT_API_BASE_URL = "https://api.weixin.qq.com";
    private static final Pattern ACCOUNT_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    WeChatSettings {
        accounts = accounts == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(accounts));
        Objects.requireNonNull(replyBudget, "lawline.wechat.reply-budget");
        Objects.requireNonNull(timestampTolerance, "lawline.wechat.timestamp-tolerance");
        Objects.requireNonNull(maxBody, "lawline.wechat.max-body");
        Objects.requireNonNull(keyPrefix, "lawline.wechat.key-prefix");
        Objects.requireNonNull(tokenRefreshMargin, "lawline.wechat.token-refresh-margin");
        customerService = customerService == null ? CustomerServiceLimits.defaults() : customerService;
        if (replyBudget.isNegative() || replyBudget.compareTo(Duration.ofMillis(4800)) > 0) {
            throw new IllegalArgumentException("lawline.wechat.reply-budget must be between 0 and 4.8s (WeChat waits 5s), got " + replyBudget);
        }
        if (timestampTolerance.isNegative() || timestampTolerance.isZero()) {
            throw new IllegalArgumentException("lawline.wechat.timestamp-tolerance must be positive, got " + timestampTolerance);
        }
        if (maxBody.toBytes() < 1024 || maxBody.toBytes() > 1024 * 1024) {
            throw new IllegalArgumentException("lawline.wechat.max-body must be between 1KB and 1MB, got " + maxBody);
        }
        if (keyPrefix.isBlank()) {
            throw new IllegalArgumentException("lawline.wechat.key-prefix must not be blank");
        }
        if (tokenRefreshMargin.isNegative() || tokenRefreshMargin.compareTo(Duration.ofMinutes(30)) > 0) {
            throw new IllegalArgumentException("lawline.wechat.token-refresh-margin must be between 0 and 30m, got " + tokenRefreshMargin);
        }
        if (workers < 1) {
            throw new IllegalArgumentException("lawline.wechat.workers must be positive, got " + workers);
        }
        accounts.forEach((name, account) -> {
            if (!ACCOUNT_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("lawline.wechat.accounts: the name '" + name
                        + "' must be lower-case letters, digits and '-' (it is part of the webhook URL)");
            }
            if (account != null && account.enabled()) {
                account.validate("lawline.wechat.accounts." + name);
            }
        });
    }

    /** The accounts that are on (app id set), by name. */
    Map<String, Account> enabledAccounts() {
        Map<String, Account> enabled = new LinkedHashMap<>();
        accounts.forEach((name, account) -> {
            if (account != null && account.enabled()) {
                enabled.put(name, account);
            }
        });
        return enabled;
    }

    /**
     * One official account. Secrets come from the environment and are never printed.
     *
     * @param appId          AppID; blank turns the account off
     * @param secret         AppSecret, for the access_token
     * @param token          the Token set on the platform; signs every webhook call
     * @param aesKey         EncodingAESKey (43 characters); blank for plain mode only
     * @param aesKeyPrevious the key before the last rotation: WeChat may still encrypt with it for
     *                       a while after the platform's setting changed
     * @param apiBaseUrl     WeChat's API host (a stub in tests)
     * @param templates      template message ids by notice kind (e.g. {@code callback-confirmed})
     * @param menuUrl        the page a VIEW button of the menu opens; blank: no such button
     */
    record Account(
            String appId,
            String secret,
            String token,
            String aesKey,
            String aesKeyPrevious,
            @DefaultValue(DEFAULT_API_BASE_URL) String apiBaseUrl,
            @DefaultValue Map<String, String> templates,
            String menuUrl) {

        private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9]{3,32}");

        Account {
            appId = strip(appId);
            secret = strip(secret);
            token = strip(token);
            aesKey = strip(aesKey);
            aesKeyPrevious = strip(aesKeyPrevious);
            apiBaseUrl = strip(apiBaseUrl).isEmpty() ? DEFAULT_API_BASE_URL : strip(apiBaseUrl);
            // A template id mapped from an unset variable is blank: no template for that kind.
            Map<String, String> ids = new LinkedHashMap<>();
            if (templates != null) {
                templates.forEach((kind, id) -> {
                    if (id != null && !id.isBlank()) {
                        ids.put(kind, id.strip());
                    }
                });
            }
            templates = Map.copyOf(ids);
            menuUrl = strip(menuUrl);
        }

        boolean enabled() {
            return !appId.isEmpty();
        }

        /** Safe mode is possible (and compatible mode): an EncodingAESKey is set. */
        boolean encrypts() {
            return !aesKey.isEmpty();
        }

        /** The keys to decrypt with, newest first. */
        List<String> aesKeys() {
            return aesKeyPrevious.isEmpty() ? List.of(aesKey) : List.of(aesKey, aesKeyPrevious);
        }

        void validate(String path) {
            if (secret.isEmpty()) {
                throw new IllegalArgumentException(path + ".secret (LAWLINE_WECHAT_SECRET) is required when the app id is set");
            }
            if (!TOKEN.matcher(token).matches()) {
                throw new IllegalArgumentException(path + ".token (LAWLINE_WECHAT_TOKEN) must be 3 to 32 letters or digits, as on the platform");
            }
            if (!aesKey.isEmpty()) {
                requireAesKey(path + ".aes-key (LAWLINE_WECHAT_AES_KEY)", aesKey);
            }
            if (!aesKeyPrevious.isEmpty()) {
                if (aesKey.isEmpty()) {
                    throw new IllegalArgumentException(path + ".aes-key-previous is set without aes-key");
                }
                requireAesKey(path + ".aes-key-previous (LAWLINE_WECHAT_AES_KEY_PREVIOUS)", aesKeyPrevious);
            }
            if (!apiBaseUrl.startsWith("https://") && !apiBaseUrl.startsWith("http://")) {
                throw new IllegalArgumentException(path + ".api-base-url (LAWLINE_WECHAT_API_BASE_URL) must be an http(s) URL");
            }
        }

        private static void requireAesKey(String what, String key) {
            // The message names the setting, never the value.
            if (key.length() != 43) {
                throw new IllegalArgumentException(what + " must be the 43 characters shown on the platform");
            }
            try {
                if (Base64.getDecoder().decode(key + "=").length != 32) {
                    throw new IllegalArgumentException(what + " does not decode to a 256-bit key");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(what + " is not a valid EncodingAESKey (base64)", e);
            }
        }

        private static String strip(String value) {
            return value == null ? "" : value.strip();
        }

        @Override
        public String toString() {
            return "Account[appId=" + appId + ", secret=" + mask(secret) + ", token=" + mask(token)
                    + ", aesKey=" + mask(aesKey) + ", aesKeyPrevious=" + mask(aesKeyPrevious)
                    + ", apiBaseUrl=" + apiBaseUrl + ", templates=" + templates.keySet() + ", menuUrl=" + menuUrl + "]";
        }

        private static String mask(String secret) {
            return secret.isEmpty() ? "(unset)" : "(set)";
        }
    }

    /**
     * WeChat's limits on customer-service messages, which WeChat changes from time to time.
     *
     * @param window          how long after a citizen's last message customer-service messages are
     *                        allowed
     * @param perWindow       how many in that window
     * @param afterPrompt     how many after a menu click or subscribe (no message of the citizen's)
     * @param promptWindow    within how long after that click or subscribe
     */
    record CustomerServiceLimits(
            @DefaultValue("48h") Duration window,
            @DefaultValue("5") int perWindow,
            @DefaultValue("3") int afterPrompt,
            @DefaultValue("1m") Duration promptWindow) {

        CustomerServiceLimits {
            Objects.requireNonNull(window, "lawline.wechat.customer-service.window");
            Objects.requireNonNull(promptWindow, "lawline.wechat.customer-service.prompt-window");
            if (window.isNegative() || window.isZero() || promptWindow.isNegative() || promptWindow.isZero()) {
                throw new IllegalArgumentException("lawline.wechat.customer-service windows must be positive");
            }
            if (perWindow < 0 || afterPrompt < 0) {
                throw new IllegalArgumentException("lawline.wechat.customer-service counts cannot be negative");
            }
        }

        ReplyWindows.Limits asWindowLimits() {
            return new ReplyWindows.Limits(window, perWindow, afterPrompt, promptWindow);
        }

        static CustomerServiceLimits defaults() {
            return new CustomerServiceLimits(Duration.ofHours(48), 5, 3, Duration.ofMinutes(1));
        }
    }
}
