package org.lawline.conversation;

import java.time.Instant;

/**
 * The duty lawyer closed the consultation: the conversation is over, and the citizen's next
 * message starts a new one with the bot.
 */
public record ConversationClosed(ChannelIdentity citizen, String lawyerId, Instant closedAt) {
}
