/**
 * The web chat channel: the city's mobile-app consultation, and a way to try LawLine without
 * WeChat. A JSON API ({@code POST/GET /api/web/messages}) in front of bot-core's
 * {@link org.lawline.conversation.Conversations}, and the chat page served at {@code /}.
 *
 * <p>Answers to a POST go back in its response; everything else sent to a web citizen (a duty
 * lawyer's reply, a notice) arrives as a {@link org.lawline.conversation.ReplyComposed} event, is
 * kept in the {@code web_message} table and is fetched by the page's polling GET.
 */
package org.lawline.channels.web;
