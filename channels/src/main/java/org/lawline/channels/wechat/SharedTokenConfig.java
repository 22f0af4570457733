package org.lawline.channels.wechat;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.locks.Lock;
import me.chanjar.weixin.common.bean.WxAccessToken;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;

/**
 * WxJava's view of one account, with the access_token held in {@link AccessTokens} instead of in
 * this object, so that every instance uses and refreshes the same token. A token is treated as
 * expired {@code refreshMargin} early, so that no call leaves with one about to lapse.
 */
class SharedTokenConfig extends WxMpDefaultConfigImpl {

    private static final long serialVersionUID = 1L;

    private final transient AccessTokens tokens;
    private final transient Clock clock;
    private final Duration refreshMargin;
    private final transient Lock lock;

    SharedTokenConfig(WeChatSettings.Account account, AccessTokens tokens, Clock clock, Duration refreshMargin) {
        this.tokens = tokens;
        this.clock = clock;
        this.refreshMargin = refreshMargin;
        this.lock = tokens.refreshLock(account.appId());
        setAppId(account.appId());
        setSecret(account.secret());
        setToken(account.token());
        setAesKey(account.aesKey());
        WxMpHostConfig hosts = new WxMpHostConfig();
        hosts.setApiHost(account.apiBaseUrl());
        setHostConfig(hosts);
    }

    @Override
    public String getAccessToken() {
        return tokens.current(getAppId()).map(AccessTokens.Token::value).orElse(null);
    }

    @Override
    public boolean isAccessTokenExpired() {
        return tokens.current(getAppId())
                .map(token -> !clock.instant().isBefore(token.expiresAt().minus(refreshMargin)))
                .orElse(true);
    }

    @Override
    public void expireAccessToken() {
        tokens.forget(getAppId(), getAccessToken());
    }

    @Override
    public synchronized void updateAccessToken(WxAccessToken accessToken) {
        updateAccessToken(accessToken.getAccessToken(), accessToken.getExpiresIn());
    }

    @Override
    public synchronized void updateAccessToken(String accessToken, int expiresInSeconds) {
        tokens.store(getAppId(), new AccessTokens.Token(accessToken, clock.instant().plusSeconds(expiresInSeconds)));
    }

    @Override
    public long getExpiresTime() {
        return tokens.current(getAppId()).map(token -> token.expiresAt().toEpochMilli()).orElse(0L);
    }

    @Override
    public Lock getAccessTokenLock() {
        return lock;
    }

    @Override
    public String toString() {
        return "SharedTokenConfig[appId=" + getAppId() + "]";
    }
}
