/**
 * Internal: how the bot decides. {@code Router} classifies a message (emergency, person,
 * referral, greeting, pick, question) before anything is searched; {@code DialogPolicy} holds the
 * transition table; {@code ReplyTexts} every sentence the citizen reads;
 * {@code ConversationEngine} loads, decides, saves and publishes.
 */
package org.lawline.conversation.dialog;
