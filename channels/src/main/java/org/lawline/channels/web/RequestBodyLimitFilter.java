package org.lawline.channels.web;

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
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps the body of web chat requests before anything parses it. A declared Content-Length over
 * the cap is refused unread; a streamed (chunked) body is read up to the cap and refused as soon as
 * it passes it, so no client can make the JSON parser hold an unbounded body.
 *
 * <p>The body is buffered (at most {@link #MAX_BODY_BYTES}) and handed on as a fresh stream.
 * The web chat takes JSON only: a form body read here is no longer seen by
 * {@code getParameter}.
 */
class RequestBodyLimitFilter extends OncePerRequestFilter {

    /** 2,000 characters of Chinese are 6 KB of UTF-8; the rest is room for JSON and escapes. */
    static final int MAX_BODY_BYTES = 16 * 1024;

    static final String TOO_LARGE = "请求内容过大（上限16KB），消息请控制在2000字以内";

    private static final byte[] TOO_LARGE_JSON =
            ("{\"error\":\"" + TOO_LARGE + "\"}").getBytes(StandardCharsets.UTF_8);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            refuse(response);
            return;
        }
        byte[] body = readAtMost(request.getInputStream(), MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            refuse(response);
            return;
        }
        chain.doFilter(new BufferedBody(request, body), response);
    }

    static byte[] readAtMost(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        int n;
        while (out.size() < limit && (n = in.read(buffer, 0, Math.min(buffer.length, limit - out.size()))) != -1) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    static void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        // The client may still be sending: close rather than let the server swallow the rest.
        response.setHeader("Connection", "close");
        response.setContentType("application/json;charset=UTF-8");
        response.setContentLength(TOO_LARGE_JSON.length);
        response.getOutputStream().write(TOO_LARGE_JSON);
    }

    /** The request with its body already read into memory. */
    static final class BufferedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
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
                    throw new UnsupportedOperationException("The web chat reads its small bodies blocking");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
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
