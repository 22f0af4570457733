/**
 * The Weibo channel: private messages and events of the city's Weibo account, pushed by the
 * fans-service platform (粉丝服务平台) to {@code GET/POST /weibo/{account}}. Before any parsing:
 * the size cap, the millisecond timestamp's window and the SHA-1 signature of the app secret,
 * timestamp and nonce, compared in constant time. Each push is claimed once through the shared
 * delivery ({@link org.lawline.channels.delivery}), answered passively when the engine is quick
 * enough, else through reply.json: {@code WeiboPlatform} is this channel's part of the delivery
 * SPI (parts under 300 characters, the 48-hour window, one reply after a mention, nothing after an
 * unfollow), {@code StrandedPushes} answers what an instance that died left.
 */
package org.lawline.channels.weibo;
