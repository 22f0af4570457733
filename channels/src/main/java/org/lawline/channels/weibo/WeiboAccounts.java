package org.lawline.channels.weibo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The Weibo accounts that are on, by the name in their webhook's path. */
final class WeiboAccounts {

    record Served(String name, WeiboSettings.Account settings) {
        @Override
        public String toString() {
            return "Served[" + name + "]";
        }
    }

    private final Map<String, Served> served;

    WeiboAccounts(WeiboSettings settings) {
        Map<String, Served> on = new LinkedHashMap<>();
        settings.accountsOn().forEach((name, account) -> on.put(name, new Served(name, account)));
        this.served = Map.copyOf(on);
    }

    Optional<Served> find(String name) {
        return Optional.ofNullable(served.get(name));
    }

    Set<String> names() {
        return served.keySet();
    }
}
