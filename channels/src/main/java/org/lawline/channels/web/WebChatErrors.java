package org.lawline.channels.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every failure of the web chat API as {@code {"error": "…"}} in Chinese: the page shows it to the
 * citizen as it is. Never a stack trace, an exception message or a whitelabel page.
 */
// First among advices: a catch-all advice elsewhere must not answer for the web chat. Scoped to
// our controllers, so being first changes nothing for anyone else's.
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = {WebChatController.class, WebOfficesController.class, WebSessionController.class,
        WebChatFallbackController.class, WebFeedbackController.class})
class WebChatErrors {

    static final String UNREADABLE_BODY = "请求格式不正确，请发送 JSON，例如 {\"citizenId\": \"…\", \"text\": \"…\"}";
    static final String NOT_JSON = "请求格式不正确，Content-Type 须为 application/json";
    static final String BAD_REQUEST = "请求无效";
    static final String BUSY = "系统繁忙，请稍后再试";

    private static final Logger log = LoggerFactory.getLogger(WebChatErrors.class);

    @ExceptionHandler(InvalidWebRequest.class)
    ResponseEntity<WebChatError> invalid(InvalidWebRequest e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(WebSessions.NotYourCitizenId.class)
    ResponseEntity<WebChatError> notYours(WebSessions.NotYourCitizenId e) {
        return error(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(WebFeedbackController.NoSuchAnswer.class)
    ResponseEntity<WebChatError> noSuchAnswer(WebFeedbackController.NoSuchAnswer e) {
        return error(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(TooManyRequests.class)
    ResponseEntity<WebChatError> tooMany(TooManyRequests e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", Long.toString(e.retryAfterSeconds))
                .contentType(MediaType.APPLICATION_JSON).body(new WebChatError(e.getMessage()));
    }

    @ExceptionHandler(MessageInProgress.class)
    ResponseEntity<WebChatError> inProgress(MessageInProgress e) {
        return error(HttpStatus.CONFLICT, e.getMessage());
    }

    // The exception's own message names Java types and parser positions: not for citizens.
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<WebChatError> unreadable(HttpMessageNotReadableException e) {
        log.debug("Unreadable web chat request", e);
        return error(HttpStatus.BAD_REQUEST, UNREADABLE_BODY);
    }

    /** 400 rather than 415: the mobile app treats every 4xx alike and shows the message. */
    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<WebChatError> notJson(HttpMediaTypeNotSupportedException e) {
        return error(HttpStatus.BAD_REQUEST, NOT_JSON);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<WebChatError> unexpected(Exception e) {
        if (e instanceof ErrorResponse response && response.getStatusCode().is4xxClientError()) {
            return error(response.getStatusCode(), BAD_REQUEST);
        }
        log.error("Web chat request failed", e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, BUSY);
    }

    // A preset content type skips content negotiation, so an odd Accept header cannot turn the
    // error into a 406 with an empty body.
    static ResponseEntity<WebChatError> error(HttpStatusCode status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(new WebChatError(message));
    }
}
