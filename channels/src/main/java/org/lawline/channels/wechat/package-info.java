/**
 * The WeChat official-account channel, on WxJava (weixin-java-mp), whose types stay in this
 * package. Webhook {@code GET/POST /wechat/{account}} for each configured account (several: a city
 * and its counties): size cap, timestamp window and constant-time signature before any parsing,
 * safe-mode AES with key rotation, a parser that refuses DTDs. Each message is claimed once
 * ({@code wechat_inbound}, Redis in front), answered passively when the engine is quick enough,
 * else as a customer-service message within WeChat's allowance ({@code wechat_outbound} records
 * every push and its delivery). The access_token is shared by every instance through Redis. What an
 * instance leaves unfinished when it dies (a claim still being answered, a message still being
 * sent) is done by another instance's {@code Reconciler}, once.
 *
 * <p>The module's API for this channel is in {@code org.lawline.channels}:
 * {@link org.lawline.channels.WeChatMenus} and {@link org.lawline.channels.NoticeSender}.
 */
package org.lawline.channels.wechat;
