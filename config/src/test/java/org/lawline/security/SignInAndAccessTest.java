package org.lawline.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Sign-in and access on the whole application (the context the other end-to-end tests share):
 * form login, roles, CSRF by cookie and header, lockout, and what stays open to citizens.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class SignInAndAccessTest {

    private static final String PASSWORD = "correct horse battery";

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts accounts;

    private String account(Role role) {
        return StaffBrowser.newAccount(accounts, role, "张律师", PASSWORD);
    }

    private StaffBrowser signedIn(Role role) throws Exception {
        StaffBrowser browser = new StaffBrowser(port);
        assertThat(browser.logIn(account(role), PASSWORD).headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).doesNotContain("error"));
        return browser;
    }

    @Test
    void anAnonymousApiCallGets401InJson() throws Exception {
        HttpResponse<String> response = new StaffBrowser(port).get("/api/inbox/conversations?status=waiting");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("json"));
        assertThat(response.body()).contains("\"error\"");
    }

    @Test
    void anAnonymousPageVisitIsSentToTheLoginPage() throws Exception {
        for (String page : new String[] {"/inbox", "/admin/users"}) {
            HttpResponse<String> response = new StaffBrowser(port).get(page);
            assertThat(response.statusCode()).as(page).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).as(page).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        }
    }

    @Test
    void loggingInSetsTheCsrfCookieOnTheLoginResponseAndLeadsToTheInbox() throws Exception {
        StaffBrowser browser = new StaffBrowser(port);
        HttpResponse<String> login = browser.logIn(account(Role.LAWYER), PASSWORD);

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/inbox"));
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("XSRF-TOKEN=").doesNotStartWith("XSRF-TOKEN=;"));
        assertThat(browser.xsrfToken()).isPresent();
    }

    @Test
    void aWrongPasswordIsRefused() throws Exception {
        HttpResponse<String> login = new StaffBrowser(port).logIn(account(Role.LAWYER), "not the password");
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
    }

    @Test
    void fiveWrongPasswordsInARowLockTheAccountEvenAgainstTheRightOne() throws Exception {
        String username = account(Role.LAWYER);
        for (int i = 0; i < 5; i++) {
            new StaffBrowser(port).logIn(username, "wrong password " + i);
        }
        HttpResponse<String> login = new StaffBrowser(port).logIn(username, PASSWORD);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        assertThat(accounts.find(username).orElseThrow().lockedUntil()).isPresent();
    }

    @Test
    void fourWrongPasswordsThenTheRightOneSignIn() throws Exception {
        String username = account(Role.LAWYER);
        for (int i = 0; i < 4; i++) {
            new StaffBrowser(port).logIn(username, "wrong password " + i);
        }
        HttpResponse<String> login = new StaffBrowser(port).logIn(username, PASSWORD);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/inbox"));
    }

    @Test
    void aDisabledAccountCannotSignIn() throws Exception {
        String username = account(Role.LAWYER);
        accounts.disable(username);
        HttpResponse<String> login = new StaffBrowser(port).logIn(username, PASSWORD);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
    }

    @Test
    void anOperatorCannotUseTheLawyersApiAndALawyerCannotSeeCallbacks() throws Exception {
        assertThat(signedIn(Role.OPERATOR).get("/api/inbox/conversations?status=waiting").statusCode()).isEqualTo(403);
        assertThat(signedIn(Role.LAWYER).get("/api/inbox/callbacks?status=pending").statusCode()).isEqualTo(403);
        assertThat(signedIn(Role.LAWYER).get("/admin/users").statusCode()).isEqualTo(403);
    }

    @Test
    void aWriteWithoutTheCsrfHeaderIsRefusedAndWithItPassesSecurity() throws Exception {
        StaffBrowser lawyer = signedIn(Role.LAWYER);
        assertThat(lawyer.postWithoutCsrf("/api/inbox/conversations/999999/claim", "{}").statusCode()).isEqualTo(403);
        // past security: the conversation does not exist
        assertThat(lawyer.post("/api/inbox/conversations/999999/claim", "{}").statusCode()).isEqualTo(404);
    }

    @Test
    void loggingOutEndsTheSession() throws Exception {
        StaffBrowser lawyer = signedIn(Role.LAWYER);
        HttpResponse<String> logout = lawyer.post("/logout", "");
        assertThat(logout.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?logout"));
        assertThat(lawyer.get("/api/inbox/conversations?status=waiting").statusCode()).isEqualTo(401);
    }

    @Test
    void theCitizensWebChatStaysOpenWithoutSessionOrCsrf() throws Exception {
        // no staff session and no CSRF token: only the web chat's own guard, its session token
        StaffBrowser citizen = new StaffBrowser(port);
        HttpResponse<String> opened = citizen.postWithoutCsrf("/api/web/session", "");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
        String citizenId = opened.body().replaceAll(".*\"citizenId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        String token = opened.body().replaceAll(".*\"token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        HttpResponse<String> reply = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/api/web/messages"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"citizenId\":\"" + citizenId + "\",\"text\":\"你好\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        assertThat(new StaffBrowser(port).get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void noPasswordReachesTheLog(CapturedOutput output) throws Exception {
        String username = account(Role.LAWYER);
        new StaffBrowser(port).logIn(username, "a-wrong-secret-4711");
        new StaffBrowser(port).logIn(username, PASSWORD);
        assertThat(output.getAll()).contains(username).doesNotContain("a-wrong-secret-4711").doesNotContain(PASSWORD);
    }

    @Test
    void anAdministratorAddsAndDisablesAccountsOnTheUsersPage() throws Exception {
        StaffBrowser admin = signedIn(Role.ADMIN);
        String name = "page-" + UUID.randomUUID().toString().substring(0, 8);

        HttpResponse<String> added = admin.postForm("/admin/users",
                "username=" + name + "&displayName=%E5%BC%A0%E5%BE%8B%E5%B8%88&role=LAWYER&password=a+long+enough+password");
        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin/users").body()).contains(name).contains("张律师");
        assertThat(accounts.find(name).orElseThrow().role()).isEqualTo(Role.LAWYER);

        admin.postForm("/admin/users", "username=" + name + "-short&role=LAWYER&password=short");
        assertThat(accounts.find(name + "-short")).isEmpty();

        admin.postForm("/admin/users/" + name + "/disable", "");
        assertThat(accounts.find(name).orElseThrow().enabled()).isFalse();
        assertThat(signedIn(Role.LAWYER).postForm("/admin/users/" + name + "/disable", "").statusCode()).isEqualTo(403);
    }
}
