package org.lawline.channels;

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
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps a request's body before anything parses it: a declared Content-Length over the cap is
 * refused unread (413, JSON {@code {"error"}}, the connection closed since the client may still be
 * sending); a streamed (chunked) body is read up to the cap and refused as soon as it passes it,
 * so no client can make a JSON parser hold an unbounded body. The body is buffered (at most the
 * cap) and handed on as a fresh stream; a form body read here is no longer seen by
 * {@code getParameter}, so this is for JSON endpoints. Used by the web chat and the admin API.
 */
public class BodyLimitFilter extends OncePerRequestFilter {

    private final int maxBytes;
    private final byte[] tooLarge;

    /** @param tooLargeMessage what a refused caller reads, in {@code {"error": …}}: no quotes or backslashes */
    public BodyLimitFilter(long maxBytes, String tooLargeMessage) {
        this.maxBytes = (int) Math.min(maxBytes, Integer.MAX_VALUE - 1);
        this.tooLarge = ("{\"error\":\"" + tooLargeMessage + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<byte[]> body = bodyWithin(request, response);
        if (body.isPresent()) {
            chain.doFilter(withBody(request, body.get()), response);
        }
    }

    /**
     * The request's body, read up to the cap; empty once the caller has been refused for a body
     * over it (the response is then written and nothing more should be).
     */
    public Optional<byte[]> bodyWithin(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getContentLengthLong() > maxBytes) {
            refuse(response);
            return Optional.empty();
        }
        byte[] body = readAtMost(request.getInputStream(), maxBytes + 1);
        if (body.length > maxBytes) {
            refuse(response);
            return Optional.empty();
        }
        return Optional.of(body);
    }

    /** The request with its body already read into memory, to hand on down the chain. */
    public static HttpServletRequest withBody(HttpServletRequest request, byte[] body) {
        return new BufferedBody(request, body);
    }

    private void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        response.setHeader("Connection", "close");
        response.setContentType("application/json;charset=UTF-8");
        response.setContentLength(tooLarge.length);
        response.getOutputStream().write(tooLarge);
    }

    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        int n;
        while (out.size() < limit && (n = in.read(buffer, 0, Math.min(buffer.length, limit - out.size()))) != -1) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static final class BufferedBody extends HttpServletRequestWrapper {

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
                    throw new UnsupportedOperationException("Small capped bodies are read blocking");
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
