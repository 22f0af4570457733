package org.lawline.admin;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.lawline.knowledge.ImportFailed;
import org.lawline.knowledge.ImportTooLarge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** Every failure of the admin API as {@code {"error": "…"}} in Chinese; never a stack trace. */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = EntryAdminController.class)
class AdminErrors {

    private static final Logger log = LoggerFactory.getLogger(AdminErrors.class);

    record AdminError(String error) {
    }

    @ExceptionHandler(InvalidAdminRequest.class)
    ResponseEntity<AdminError> invalid(InvalidAdminRequest e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(EntryNotFound.class)
    ResponseEntity<AdminError> notFound(EntryNotFound e) {
        return error(HttpStatus.NOT_FOUND, e.getMessage());
    }

    /**
     * Sent and flushed at once, with the connection to be closed: the server would otherwise
     * hold the answer until it had swallowed the unread body, and a client still sending it
     * would see only a reset.
     */
    @ExceptionHandler(UploadTooLarge.class)
    void tooLarge(UploadTooLarge e, HttpServletResponse response) throws IOException {
        refuseAtOnce(e.getMessage(), response);
    }

    /** A body with no declared length that went past the cap while being imported. */
    @ExceptionHandler(ImportTooLarge.class)
    void importTooLarge(ImportTooLarge e, HttpServletResponse response) throws IOException {
        refuseAtOnce(new UploadTooLarge(e.maxBytes()).getMessage(), response);
    }

    private static void refuseAtOnce(String message, HttpServletResponse response) throws IOException {
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        response.setHeader(HttpHeaders.CONNECTION, "close");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // our own message, without quotes or backslashes
        response.getWriter().write("{\"error\":\"" + message + "\"}");
        response.flushBuffer();
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<AdminError> multipartTooLarge(MaxUploadSizeExceededException e) {
        return error(HttpStatus.CONTENT_TOO_LARGE, "上传文件过大");
    }

    @ExceptionHandler(ImportFailed.class)
    ResponseEntity<AdminError> importFailed(ImportFailed e) {
        return error(HttpStatus.BAD_REQUEST, "导入失败：" + e.getMessage());
    }

    // the parser's own message names Java types and positions
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<AdminError> unreadable(HttpMessageNotReadableException e) {
        return error(HttpStatus.BAD_REQUEST, "请求体不是有效的 JSON 条目");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<AdminError> unexpected(Exception e) {
        if (e instanceof ErrorResponse response && response.getStatusCode().is4xxClientError()) {
            return error(response.getStatusCode(), "请求无效");
        }
        log.error("Admin API request failed", e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "系统出错，请稍后再试");
    }

    private static ResponseEntity<AdminError> error(HttpStatusCode status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(new AdminError(message));
    }
}
