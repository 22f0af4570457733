/**
 * The conversation engine's public API: {@link org.lawline.conversation.Conversations} turns an
 * {@link org.lawline.conversation.InboundMessage} into a {@link org.lawline.conversation.Reply},
 * takes handoff's commands ({@code lawyerClaimed}, {@code lawyerClosed}, {@code pickupTimedOut}),
 * and announces what happened with events that channels and handoff listen to:
 * {@link org.lawline.conversation.ReplyComposed} (every message to a citizen),
 * {@link org.lawline.conversation.EscalationRequested},
 * {@link org.lawline.conversation.EscalationCancelled},
 * {@link org.lawline.conversation.CitizenWroteToLawyer} (the bot is silent while a lawyer holds the chat),
 * {@link org.lawline.conversation.CallbackNumberConfirmed},
 * {@link org.lawline.conversation.ConversationClosed} and
 * {@link org.lawline.conversation.ConsultationRated} (the citizen's 满意 / 不满意 after the close).
 * {@link org.lawline.conversation.ConversationConfiguration} wires it; its settings are
 * {@link org.lawline.conversation.DialogSettings}, {@link org.lawline.conversation.ConversationStoreSettings},
 * {@link org.lawline.conversation.LegalAidSettings} and {@link org.lawline.conversation.TranscriptSettings}.
 *
 * <p>Depends only on the knowledge base's API ({@code org.lawline.knowledge}). Knows no channel
 * and no HTTP. Subpackages are internal: {@code dialog} (routing, the state machine, its guards
 * and actions, reply texts, the engine), {@code state} (conversation stores and turn-taking),
 * {@code transcript} (the journal and its writer).
 */
package org.lawline.conversation;
