package org.lawline.channels.weibo;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The Weibo accounts LawLine serves through the fans-service platform (粉丝服务平台) and the
 * platform's rules, kept here because Weibo changes them now and then. An account whose app
 * secret is blank is off: the application maps {@code LAWLINE_WEIBO_APP_SECRET} and its siblings
 * to the account {@code default}, and an unset variable must not start a channel.
 *
 * @param accounts           by name; an account is served at {@code /weibo/{name}}
 * @param replyBudget        how long a push waits for the engine before it is acknowledged empty
 *                           and the answer goes through reply.json: Weibo gives up on a push after
 *                           5 s and pushes it again
 * @param timestampTolerance a push whose (millisecond) timestamp is further than this from our
 *                           clock is refused: it limits the replay of a captured push
 * @param maxBody            bodies above this are refused unread; Weibo's pushes are well under 1 KB
 * @param keyPrefix          prefix of this channel's Redis keys (reply windows); the claims' are
 *                           the shared delivery's
 * @param replyWindow        how long after a follower's last action (a message, a follow, a menu
 *                           click) the active reply API may be used
 * @param callTimeout        how long one call of reply.json may take
 * @param refusedCodes       Weibo's error codes that mean "not to this follower now" (no quota:
 *                           outside the window, a mention already replied to, unfollowed): the
 *                           message is recorded as not delivered and never retried. Weibo's
 *                           error-code table (open.weibo.com/wiki/Error_code) has no code of its
 *                           own for the 48-hour window; the fans-service page of reply.json says a
 *                           follower's action allows "一定次数" of calls, and the table's code for
 *                           an interface's per-user allowance used up is 10024 ("User requests for
 *                           (%s) out of rate limit"), so that is the default. 20017, in the first
 *                           defaults, is documented as "you just sent similar content" (a
 *                           duplicate, not the window) and 21602 in no table we could read; both
 *                           now end FAILED with Weibo's own words. docs/weibo.md has the sources
 * @param workers            threads answering pushes and calling reply.json
 */
@ConfigurationProperties("lawline.weibo")
record WeiboSettings(
        @DefaultValue Map<String, Account> accounts,
        @DefaultValue("4s") Duration replyBudget,
        @DefaultValue("300s") Duration timestampTolerance,
        @DefaultValue("64KB") DataSize maxBody,
        @DefaultValue(DEFAULT_KEY_PREFIX) String keyPrefix,
        @DefaultValue("48h") Duration replyWindow,
        @DefaultValue("10s") Duration callTimeout,
        @DefaultValue("10024") List<Integer> refusedCodes,
        @DefaultValue("16") int workers) {

    static final String DEFAULT_KEY_PREFIX = "lawline:weibo:";
    static final String DEFAULT_API_BASE_URL = "https://m.api.weibo.com";
    private static final Pattern ACCOUNT_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    WeiboSettings {
        accounts = accounts == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(accounts));
        refusedCodes = refusedCodes == null ? List.of() : List.copyOf(refusedCodes);
        require(replyBudget, "reply-budget");
        require(timestampTolerance, "timestamp-tolerance");
        require(replyWindow, "reply-window");
        require(callTimeout, "call-timeout");
        Objects.requireNonNull(maxBody, "lawline.weibo.max-body");
        Objects.requireNonNull(keyPrefix, "lawline.weibo.key-prefix");
        if (replyBudget.compareTo(Duration.ofMillis(4800)) > 0) {
            throw new IllegalArgumentException("lawline.weibo.reply-budget must stay under 4.8s (Weibo waits 5s), got " + replyBudget);
        }
        if (maxBody.toBytes() < 1024 || maxBody.toBytes() > 1024 * 1024) {
            throw new IllegalArgumentException("lawline.weibo.max-body must be between 1KB and 1MB, got " + maxBody);
        }
        if (keyPrefix.isBlank()) {
            throw new IllegalArgumentException("lawline.weibo.key-prefix must not be blank");
        }
        if (workers < 1) {
            throw new IllegalArgumentException("lawline.weibo.workers must be positive, got " + workers);
        }
        accounts.forEach((name, account) -> {
            if (!ACCOUNT_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("lawline.weibo.accounts: '" + name
                        + "' must be lower-case letters, digits and '-' (it is part of the webhook URL)");
            }
            if (account != null && account.on()) {
                account.check("lawline.weibo.accounts." + name);
            }
        });
    }

    private static void require(Duration value, String name) {
        Objects.requireNonNull(value, "lawline.weibo." + name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("lawline.weibo." + name + " must be positive, got " + value);
        }
    }

    /** The accounts that are on (app secret set), by name. */
    Map<String, Account> accountsOn() {
        Map<String, Account> on = new LinkedHashMap<>();
        accounts.forEach((name, account) -> {
            if (account != null && account.on()) {
                on.put(name, account);
            }
        });
        return on;
    }

    Set<Integer> refusals() {
        return Set.copyOf(refusedCodes);
    }

    /**
     * One Weibo account. Secrets come from the environment and are never printed.
     *
     * @param appKey      the app key of the fans-service developer mode (for our records; Weibo
     *                    signs pushes with the secret)
     * @param appSecret   signs every push (URL verification too); blank turns the account off
     * @param accessToken the fans-service access token, for reply.json
     * @param uid         the account's own uid: the sender of a passive reply
     * @param apiBaseUrl  Weibo's API host (a stub in tests)
     */
    record Account(String appKey, String appSecret, String accessToken, String uid,
                   @DefaultValue(DEFAULT_API_BASE_URL) String apiBaseUrl) {

        private static final Pattern UID = Pattern.compile("[0-9]{1,20}");

        Account {
            appKey = blankIfNull(appKey);
            appSecret = blankIfNull(appSecret);
            accessToken = blankIfNull(accessToken);
            uid = blankIfNull(uid);
            apiBaseUrl = blankIfNull(apiBaseUrl).isEmpty() ? DEFAULT_API_BASE_URL : blankIfNull(apiBaseUrl);
            while (apiBaseUrl.endsWith("/")) {
                apiBaseUrl = apiBaseUrl.substring(0, apiBaseUrl.length() - 1);
            }
        }

        boolean on() {
            return !appSecret.isEmpty();
        }

        void check(String path) {
            if (accessToken.isEmpty()) {
                throw new IllegalArgumentException(path + ".access-token (LAWLINE_WEIBO_ACCESS_TOKEN) is required when the app secret is set");
            }
            if (!UID.matcher(uid).matches()) {
                throw new IllegalArgumentException(path + ".uid (LAWLINE_WEIBO_UID) must be the account's numeric uid");
            }
            if (!apiBaseUrl.startsWith("https://") && !apiBaseUrl.startsWith("http://")) {
                throw new IllegalArgumentException(path + ".api-base-url (LAWLINE_WEIBO_API_BASE_URL) must be an http(s) URL");
            }
        }

        private static String blankIfNull(String value) {
            return value == null ? "" : value.strip();
        }

        @Override
        public String toString() {
            return "Account[appKey=" + appKey + ", appSecret=" + (appSecret.isEmpty() ? "(unset)" : "(set)")
                    + ", accessToken=" + (accessToken.isEmpty() ? "(unset)" : "(set)") + ", uid=" + uid + ", apiBaseUrl=" + apiBaseUrl + "]";
        }
    }
}
