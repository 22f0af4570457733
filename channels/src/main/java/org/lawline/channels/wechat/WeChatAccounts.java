package org.lawline.channels.wechat;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;

/** The official accounts that are on, each with its crypto and its WxJava client. */
class WeChatAccounts {

    /** One account as served: settings, safe-mode cipher (when a key is set) and API client. */
    record Served(String name, WeChatSettings.Account settings, Optional<MessageCipher> cipher, WxMpService api) {
        @Override
        public String toString() {
            return "Served[" + name + "]";
        }
    }

    private final Map<String, Served> accounts;

    WeChatAccounts(WeChatSettings settings, AccessTokens tokens, Clock clock) {
        Map<String, Served> served = new LinkedHashMap<>();
        settings.enabledAccounts().forEach((name, account) -> {
            WxMpServiceImpl api = new WxMpServiceImpl();
            api.setWxMpConfigStorage(new SharedTokenConfig(account, tokens, clock, settings.tokenRefreshMargin()));
            // WxJava would sleep and retry "system busy" (-1) answers up to five times on the
            // calling thread; we record the failure instead and never loop.
            api.setMaxRetryTimes(0);
            Optional<MessageCipher> cipher = account.encrypts()
                    ? Optional.of(new MessageCipher(account.aesKeys(), account.appId()))
                    : Optional.empty();
            served.put(name, new Served(name, account, cipher, api));
        });
        this.accounts = Map.copyOf(served);
    }

    Optional<Served> find(String name) {
        return Optional.ofNullable(accounts.get(name));
    }

    Set<String> names() {
        return accounts.keySet();
    }

    boolean isEmpty() {
        return accounts.isEmpty();
    }
}
