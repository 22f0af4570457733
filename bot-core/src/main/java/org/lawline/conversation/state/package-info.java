/**
 * Internal: where conversation state lives between messages — in this process, or in Redis so
 * that every instance shares it. Both pass the same contract test.
 */
package org.lawline.conversation.state;
