package org.lawline.channels.web;

import java.util.regex.Pattern;

/**
 * The body of {@code POST /api/web/messages}.
 *
 * @param messageId optional; the page sends one per message so that a retried POST is answered once
 */
record WebMessageRequest(String citizenId, String text, String messageId) {

    /** Counted in code points: an emoji is one character to the citizen, two to Java. */
    static final int MAX_TEXT_LENGTH = 2000;

    static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    static final String EMPTY_TEXT = "消息不能为空";
    static final String TEXT_TOO_LONG = "消息过长，请控制在" + MAX_TEXT_LENGTH + "字以内";
    static final String INVALID_CITIZEN_ID = "citizenId 无效：须为1到64位字母、数字、下划线或连字符";
    static final String INVALID_MESSAGE_ID = "messageId 无效：须为1到64位字母、数字、下划线或连字符";

    /** Checks what the engine and the tables rely on; the text itself is the engine's to judge. */
    static WebMessageRequest validated(WebMessageRequest request) {
        if (request == null) {
            throw new InvalidWebRequest(WebChatErrors.UNREADABLE_BODY);
        }
        requireValidCitizenId(request.citizenId());
        if (request.messageId() != null && !ID.matcher(request.messageId()).matches()) {
            throw new InvalidWebRequest(INVALID_MESSAGE_ID);
        }
        String text = request.text();
        if (text == null || text.isBlank()) {
            throw new InvalidWebRequest(EMPTY_TEXT);
        }
        text = text.strip();
        if (text.codePointCount(0, text.length()) > MAX_TEXT_LENGTH) {
            throw new InvalidWebRequest(TEXT_TOO_LONG);
        }
        return new WebMessageRequest(request.citizenId(), text, request.messageId());
    }

    static String requireValidCitizenId(String citizenId) {
        if (citizenId == null || !ID.matcher(citizenId).matches()) {
            throw new InvalidWebRequest(INVALID_CITIZEN_ID);
        }
        return citizenId;
    }

    /** Never log the text. */
    @Override
    public String toString() {
        return "WebMessageRequest[messageId=" + messageId + ", length=" + (text == null ? 0 : text.length()) + "]";
    }
}
