/**
 * The web chat channel: the city's mobile-app consultation, and a way to try LawLine without
 * WeChat. A JSON API ({@code POST/GET /api/web/messages}) in front of bot-core's
 * {@link org.lawline.conversation.Conversations}, and the chat page served at {@code /}.
 *
 * <p>Answers to a POST go back in its response; everything else sent to a web citizen (a duty
 * lawyer's reply, a notice) leaves through the shared outbox ({@link org.lawline.channels.delivery}),
 * whose platform here, {@code WebMailbox}, keeps it in the {@code web_message} table until the
 * page's polling GET fetches it. A repeated POST is recognised by the shared inbound claims.
 */
package org.lawline.channels.web;
