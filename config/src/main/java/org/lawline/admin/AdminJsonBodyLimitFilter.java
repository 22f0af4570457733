package org.lawline.admin;

import jakarta.servlet.http.HttpServletRequest;
import org.lawline.channels.BodyLimitFilter;

/**
 * Caps the JSON bodies of the admin API (everything but the import, which has its own, larger
 * cap) before the JSON parser sees them, as the web chat's are capped.
 */
final class AdminJsonBodyLimitFilter extends BodyLimitFilter {

    static final String IMPORT_PATH = "/api/admin/import";

    AdminJsonBodyLimitFilter(long maxBytes) {
        super(maxBytes, "请求内容过大（上限" + (Math.min(maxBytes, Integer.MAX_VALUE - 1) / 1024) + "KB）");
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length()).startsWith(IMPORT_PATH);
    }
}
