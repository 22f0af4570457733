package org.lawline.channels.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Answers what no web chat endpoint matches (an unknown path under /api/web/, a method the
 * messages endpoint lacks) in the API's JSON. Without it Spring would fail during handler lookup,
 * where no controller advice of ours is asked, and Boot's error page would answer instead.
 */
@RestController
class WebChatFallbackController {

    static final String NOT_FOUND = "接口不存在";
    static final String METHOD_NOT_ALLOWED = "不支持该请求方法";

    // The most general pattern: Spring prefers every more specific mapping to it.
    @RequestMapping("/api/web/**")
    ResponseEntity<WebChatError> unmatched(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals(WebChatController.MESSAGES) || path.equals(WebOfficesController.NEAREST)) {
            return WebChatErrors.error(HttpStatus.METHOD_NOT_ALLOWED, METHOD_NOT_ALLOWED);
        }
        return WebChatErrors.error(HttpStatus.NOT_FOUND, NOT_FOUND);
    }
}
