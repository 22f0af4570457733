/**
 * The WeChat official-account channel, on WxJava (weixin-java-mp), whose types stay in this
 * package. Webhook {@code GET/POST /wechat/{account}} for each configured account (several: a city
 * and its counties): size cap, timestamp window and constant-time signature before any parsing,
 * safe-mode AES with key rotation, a parser that refuses DTDs. Each message is claimed once through
 * the shared delivery ({@link org.lawline.channels.delivery}), answered passively when the engine
 * is quick enough, else as a customer-service message: {@code WeChatPlatform} is this channel's
 * part of the delivery SPI (2048-byte parts, the 48-hour window and its allowance),
 * {@code StrandedMessages} answers what an instance that died left, {@code WeChatTemplates} sends
 * template notices. The access_token is shared by every instance through Redis.
 *
 * <p>The module's API for this channel is in {@code org.lawline.channels}:
 * {@link org.lawline.channels.WeChatMenus} and {@link org.lawline.channels.NoticeSender}.
 */
package org.lawline.channels.wechat;
