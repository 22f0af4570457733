/**
 * Internal: how the bot decides. {@code Router} classifies a message (emergency, person,
 * referral, greeting, pick, legal aid, question) before anything is searched; {@code Interpreter}
 * makes it the state machine's cue, in the light of the conversation's state;
 * {@code DialogMachine} is the dialog as a Spring StateMachine — one table of transitions, with
 * {@code DialogActions} as its actions; {@code DialogPolicy} resumes a saved conversation (idle,
 * closed, expired choices) and fires the cue; {@code EligibilityCheck} is the legal-aid pre-check;
 * {@code ReplyTexts} every sentence the citizen reads; {@code ConversationEngine} takes the turn,
 * decides, saves, publishes and records. {@code StateDiagram} draws the machine for
 * {@code bot-core/STATE-MACHINE.md}.
 */
package org.lawline.conversation.dialog;
