package org.lawline.channels.web;

/** Every error of the web chat API: {@code {"error": "…"}}, a message the page shows as it is. */
record WebChatError(String error) {
}
