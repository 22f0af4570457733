package org.lawline.security;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One person's HTTP session against a running LawLine, the way a browser holds it: a cookie jar,
 * the login form with its {@code _csrf} field, and the {@code XSRF-TOKEN} cookie echoed as the
 * {@code X-XSRF-TOKEN} header on API writes.
 */
public final class StaffBrowser {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    /** Adds a person of this role under a fresh username, so that tests sharing a database never collide; returns the username. */
    public static String newAccount(StaffAccounts accounts, Role role, String displayName, String password) {
        String username = role.name().toLowerCase(java.util.Locale.ROOT) + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        accounts.add(username, displayName, role, password);
        return username;
    }

    /** A browser signed in as this person. */
    public static StaffBrowser signedIn(int port, String username, String password) throws Exception {
        StaffBrowser browser = new StaffBrowser(port);
        browser.logIn(username, password);
        return browser;
    }

    public StaffBrowser(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Fills in and posts the login form; returns the login response (a redirect either way). */
    public HttpResponse<String> logIn(String username, String password) throws Exception {
        HttpResponse<String> page = get("/login");
        Matcher field = CSRF_FIELD.matcher(page.body());
        if (!field.find()) {
            throw new AssertionError("the login page has no _csrf field: " + page.body());
        }
        String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(field.group(1));
        return send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    public HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json, text/html").GET());
    }

    /** A streamed GET (server-sent events): the lines arrive as the server sends them. */
    public HttpResponse<java.util.stream.Stream<String>> stream(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofLines());
    }

    /** A JSON POST carrying the CSRF header, as the inbox page sends it. */
    public HttpResponse<String> post(String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        xsrfToken().ifPresent(token -> request.header("X-XSRF-TOKEN", token));
        return send(request);
    }

    /** A JSON PUT carrying the CSRF header. */
    public HttpResponse<String> put(String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        xsrfToken().ifPresent(token -> request.header("X-XSRF-TOKEN", token));
        return send(request);
    }

    /** A JSON PUT without the CSRF header. */
    public HttpResponse<String> putWithoutCsrf(String path, String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A DELETE carrying the CSRF header. */
    public HttpResponse<String> delete(String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).DELETE();
        xsrfToken().ifPresent(token -> request.header("X-XSRF-TOKEN", token));
        return send(request);
    }

    /** A DELETE without the CSRF header. */
    public HttpResponse<String> deleteWithoutCsrf(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    /** A form POST carrying the CSRF header, as a page's form with its _csrf field would. */
    public HttpResponse<String> postForm(String path, String form) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        xsrfToken().ifPresent(token -> request.header("X-XSRF-TOKEN", token));
        return send(request);
    }

    /** A call with any method (PUT, DELETE …) and an optional JSON body, carrying the CSRF header as a page's script does. */
    public HttpResponse<String> call(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        xsrfToken().ifPresent(token -> request.header("X-XSRF-TOKEN", token));
        return send(request);
    }

    /** The same call without the CSRF header: what a forged cross-site request looks like. */
    public HttpResponse<String> callWithoutCsrf(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request);
    }

    /** A JSON POST without the CSRF header: what a forged cross-site request looks like. */
    public HttpResponse<String> postWithoutCsrf(String path, String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Optional<String> xsrfToken() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("XSRF-TOKEN") && !cookie.getValue().isEmpty())
                .map(HttpCookie::getValue).findFirst();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
