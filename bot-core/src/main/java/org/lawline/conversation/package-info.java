/**
 * The conversation engine's public API: {@link org.lawline.conversation.Conversations} turns an
 * {@link org.lawline.conversation.InboundMessage} into a {@link org.lawline.conversation.Reply},
 * and announces it with events ({@link org.lawline.conversation.ReplyComposed},
 * {@link org.lawline.conversation.EscalationRequested},
 * {@link org.lawline.conversation.EscalationCancelled}) that channels and handoff listen to.
 * {@link org.lawline.conversation.ConversationConfiguration} wires it.
 *
 * <p>Depends only on the knowledge base's API ({@code org.lawline.knowledge}). Knows no channel
 * and no HTTP. Subpackages are internal: {@code dialog} (routing, policy, reply texts, the
 * engine), {@code state} (conversation stores).
 */
package org.lawline.conversation;
