package org.lawline.admin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Caps the JSON bodies of the admin API (everything but the import, which has its own, larger
 * cap) before the JSON parser sees them: a declared length over the cap is refused unread, a
 * streamed body as soon as it passes it. The body is buffered (at most the cap) and handed on.
 */
final class AdminJsonBodyLimitFilter extends org.springframework.web.filter.OncePerRequestFilter {

    static final String IMPORT_PATH = "/api/admin/import";

    private final int maxBytes;

    AdminJsonBodyLimitFilter(long maxBytes) {
        this.maxBytes = (int) Math.min(maxBytes, Integer.MAX_VALUE - 1);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length()).startsWith(IMPORT_PATH);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            refuse(response);
            return;
        }
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        InputStream in = request.getInputStream();
        byte[] buffer = new byte[4096];
        int n;
        while (read.size() <= maxBytes && (n = in.read(buffer, 0, Math.min(buffer.length, maxBytes + 1 - read.size()))) != -1) {
            read.write(buffer, 0, n);
        }
        if (read.size() > maxBytes) {
            refuse(response);
            return;
        }
        chain.doFilter(new Buffered(request, read.toByteArray()), response);
    }

    private void refuse(HttpServletResponse response) throws IOException {
        byte[] body = ("{\"error\":\"请求内容过大（上限" + (maxBytes / 1024) + "KB）\"}").getBytes(StandardCharsets.UTF_8);
        response.setStatus(413);
        response.setHeader("Connection", "close");
        response.setContentType("application/json;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static final class Buffered extends HttpServletRequestWrapper {

        private final byte[] body;

        Buffered(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override public int read() { return in.read(); }
                @Override public int read(byte[] b, int off, int len) { return in.read(b, off, len); }
                @Override public boolean isFinished() { return in.available() == 0; }
                @Override public boolean isReady() { return true; }
                @Override public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("admin bodies are read blocking");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body),
                    encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
