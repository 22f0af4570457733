/**
 * Delivery, once for every channel: the inbound claims that answer each message once
 * ({@link org.lawline.channels.delivery.InboundClaims}, Redis {@code SET NX} in front of the
 * unique key of {@code inbound_claim}, fenced by a version), the outbox that records and sends
 * every part ({@link org.lawline.channels.delivery.Outbox}, {@code outbound_part}), the reconciler
 * that finishes what a dead instance left, and the building blocks of a platform's may-we-send-now
 * (reply windows and allowances, daily caps per number, quiet hours for publicity), subscribers and the
 * notice router.
 *
 * <p>A channel plugs in through a small SPI: {@link org.lawline.channels.delivery.ChannelPlatform}
 * (send one part and what the platform answered, the part limit, may-we-send-now),
 * {@link org.lawline.channels.delivery.StrandedAnswers} (answer a message whose instance died) and
 * {@link org.lawline.channels.delivery.NoticeForms} (a platform's own form for notices). A channel
 * package holds only what is its platform's own: webhook, parsing, signatures, crypto, tokens,
 * menus, templates.
 */
package org.lawline.channels.delivery;
