package org.lawline.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lawline.handoff.DutyLawyers;
import org.lawline.handoff.duty.DutyRoster;
import org.lawline.security.Role;
import org.lawline.security.StaffAccounts;
import org.lawline.security.StaffBrowser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The duty roster's JSON API over HTTP with real sessions: only administrators read or edit it,
 * every edit needs the CSRF header, an edit takes effect on who is on duty at once, a holiday
 * replaces its day's weekly shifts, and hostile input gets a clear 400. Each test starts and ends
 * with no roster, so that the other tests of the application keep "every lawyer on duty".
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RosterApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "roster test password";
    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    DutyRoster roster;
    @Autowired
    JdbcClient db;

    @BeforeEach
    @AfterEach
    void noRoster() {
        db.sql("delete from duty_holiday_shift").update();
        db.sql("delete from duty_holiday").update();
        db.sql("delete from duty_shift").update();
    }

    private String account(Role role, String displayName) {
        return StaffBrowser.newAccount(accounts, role, displayName, PASSWORD);
    }

    private StaffBrowser signedIn(String username) throws Exception {
        return StaffBrowser.signedIn(port, username, PASSWORD);
    }

    private List<String> onDutyNow() {
        return roster.onDutyAt(Instant.now()).stream().map(DutyLawyers.DutyLawyer::username).toList();
    }

    private static int todayInTheCity() {
        return LocalDate.now(CITY).getDayOfWeek().getValue();
    }

    private static String shift(String lawyer, int weekday, String starts, String ends) {
        return "{\"lawyer\":\"" + lawyer + "\",\"weekday\":" + weekday + ",\"starts\":\"" + starts + "\",\"ends\":\"" + ends + "\"}";
    }

    @Test
    void onlyAdministratorsReadOrEditTheRosterAndSignedOutCallersGet401() throws Exception {
        String lawyer = account(Role.LAWYER, "张律师");
        StaffBrowser asLawyer = signedIn(lawyer);
        StaffBrowser asOperator = signedIn(account(Role.OPERATOR, "接线员"));

        assertThat(asLawyer.get("/api/inbox/roster").statusCode()).isEqualTo(403);
        assertThat(asOperator.get("/api/inbox/roster").statusCode()).isEqualTo(403);
        assertThat(asLawyer.post("/api/inbox/roster/shifts", shift(lawyer, 1, "09:00", "18:00")).statusCode()).isEqualTo(403);
        assertThat(asOperator.call("PUT", "/api/inbox/roster/holidays/2026-10-01", "{\"name\":\"国庆节\"}").statusCode()).isEqualTo(403);
        assertThat(asLawyer.get("/admin/roster").statusCode()).isEqualTo(403);
        HttpResponse<String> signedOut = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/inbox/roster")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedOut.statusCode()).isEqualTo(401);
        assertThat(db.sql("select count(*) from duty_shift").query(Integer.class).single()).isZero();
        assertThat(db.sql("select count(*) from duty_holiday").query(Integer.class).single()).isZero();

        StaffBrowser asAdmin = signedIn(account(Role.ADMIN, "管理员"));
        assertThat(asAdmin.get("/api/inbox/roster").statusCode()).isEqualTo(200);
        assertThat(asAdmin.get("/admin/roster").body()).contains("值班律师排班");
    }

    @Test
    void anEditWithoutTheCsrfHeaderIsRefusedAndChangesNothing() throws Exception {
        String lawyer = account(Role.LAWYER, "张律师");
        StaffBrowser asAdmin = signedIn(account(Role.ADMIN, "管理员"));

        assertThat(asAdmin.callWithoutCsrf("POST", "/api/inbox/roster/shifts", shift(lawyer, 1, "09:00", "18:00")).statusCode())
                .isEqualTo(403);
        assertThat(asAdmin.callWithoutCsrf("PUT", "/api/inbox/roster/holidays/2026-10-01", "{\"name\":\"国庆节\"}").statusCode())
                .isEqualTo(403);
        assertThat(db.sql("select count(*) from duty_shift").query(Integer.class).single()).isZero();
        assertThat(db.sql("select count(*) from duty_holiday").query(Integer.class).single()).isZero();

        long id = JSON.readTree(asAdmin.post("/api/inbox/roster/shifts", shift(lawyer, 1, "09:00", "18:00")).body()).get("id").asLong();
        assertThat(asAdmin.callWithoutCsrf("DELETE", "/api/inbox/roster/shifts/" + id, null).statusCode()).isEqualTo(403);
        assertThat(db.sql("select count(*) from duty_shift").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aShiftAddedByAnAdministratorPutsOnlyItsLawyerOnDutyUntilItIsRemoved() throws Exception {
        String zhang = account(Role.LAWYER, "张律师");
        String li = account(Role.LAWYER, "李律师");
        StaffBrowser asAdmin = signedIn(account(Role.ADMIN, "管理员"));
        // no roster yet: every active lawyer is on duty
        assertThat(onDutyNow()).contains(zhang, li);

        // today from midnight to midnight, city time
        HttpResponse<String> added = asAdmin.post("/api/inbox/roster/shifts", shift(zhang, todayInTheCity(), "00:00", "00:00"));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        JsonNode shift = JSON.readTree(added.body());
        assertThat(shift.get("lawyer").asString()).isEqualTo(zhang);
        assertThat(shift.get("lawyerName").asString()).isEqualTo("张律师");
        assertThat(shift.get("weekday").asInt()).isEqualTo(todayInTheCity());

        assertThat(onDutyNow()).contains(zhang).doesNotContain(li);
        JsonNode read = JSON.readTree(asAdmin.get("/api/inbox/roster").body());
        assertThat(read.get("configured").asBoolean()).isTrue();
        assertThat(read.get("shifts")).hasSize(1);
        assertThat(lawyer(read, zhang).get("onDuty").asBoolean()).isTrue();
        assertThat(lawyer(read, li).get("onDuty").asBoolean()).isFalse();

        assertThat(asAdmin.call("DELETE", "/api/inbox/roster/shifts/" + shift.get("id").asLong(), null).statusCode()).isEqualTo(204);
        assertThat(onDutyNow()).contains(zhang, li);
        assertThat(asAdmin.call("DELETE", "/api/inbox/roster/shifts/" + shift.get("id").asLong(), null).statusCode()).isEqualTo(404);
    }

    @Test
    void aHolidayReplacesTheWeeklyShiftsOfItsDayWithItsOwn() throws Exception {
        String zhang = account(Role.LAWYER, "张律师");
        String li = account(Role.LAWYER, "李律师");
        StaffBrowser asAdmin = signedIn(account(Role.ADMIN, "管理员"));
        asAdmin.post("/api/inbox/roster/shifts", shift(zhang, todayInTheCity(), "00:00", "00:00"));
        String today = LocalDate.now(CITY).toString();

        HttpResponse<String> holiday = asAdmin.call("PUT", "/api/inbox/roster/holidays/" + today, "{\"name\":\"测试节\"}");
        assertThat(holiday.statusCode()).as(holiday.body()).isEqualTo(200);
        // the weekly shift does not apply on a holiday, and the holiday has no shift of its own yet
        assertThat(onDutyNow()).doesNotContain(zhang, li);

        HttpResponse<String> own = asAdmin.post("/api/inbox/roster/holidays/" + today + "/shifts",
                "{\"lawyer\":\"" + li + "\",\"starts\":\"00:00\",\"ends\":\"00:00\"}");
        assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
        assertThat(onDutyNow()).contains(li).doesNotContain(zhang);
        JsonNode read = JSON.readTree(asAdmin.get("/api/inbox/roster").body());
        assertThat(read.get("holidays").get(0).get("name").asString()).isEqualTo("测试节");
        assertThat(read.get("holidays").get(0).get("shifts").get(0).get("lawyer").asString()).isEqualTo(li);

        // an ordinary day again: its holiday shifts go with it, the weekly shift applies
        assertThat(asAdmin.call("DELETE", "/api/inbox/roster/holidays/" + today, null).statusCode()).isEqualTo(204);
        assertThat(onDutyNow()).contains(zhang).doesNotContain(li);
        assertThat(db.sql("select count(*) from duty_holiday_shift").query(Integer.class).single()).isZero();
    }

    @Test
    void hostileOrWrongInputGetsAClear4xxAndChangesNothing() throws Exception {
        String zhang = account(Role.LAWYER, "张律师");
        String operator = account(Role.OPERATOR, "接线员");
        StaffBrowser asAdmin = signedIn(account(Role.ADMIN, "管理员"));

        assertThat(error(asAdmin.post("/api/inbox/roster/shifts", shift("nobody-" + UUID.randomUUID(), 1, "09:00", "18:00")), 400))
                .contains("lawyer");
        assertThat(error(asAdmin.post("/api/inbox/roster/shifts", shift(operator, 1, "09:00", "18:00")), 400)).contains("lawyer");
        assertThat(error(asAdmin.post("/api/inbox/roster/shifts", shift(zhang, 8, "09:00", "18:00")), 400)).contains("weekday");
        assertThat(error(asAdmin.post("/api/inbox/roster/shifts", shift(zhang, 1, "25:00", "18:00")), 400)).contains("HH:MM");
        assertThat(error(asAdmin.post("/api/inbox/roster/shifts", shift(zhang, 1, "9:00", "18:00")), 400)).contains("HH:MM");
        assertThat(error(asAdmin.post("/api/inbox/roster/shifts", "{\"lawyer\":\"" + zhang + "\",\"weekday\":\"1\"}"), 400)).contains("weekday");
        assertThat(asAdmin.post("/api/inbox/roster/shifts", "not json").statusCode()).isEqualTo(400);
        assertThat(error(asAdmin.call("PUT", "/api/inbox/roster/holidays/2026-13-01", "{\"name\":\"国庆节\"}"), 400)).contains("YYYY-MM-DD");
        assertThat(error(asAdmin.call("PUT", "/api/inbox/roster/holidays/2026-10-01", "{\"name\":\"" + "节".repeat(65) + "\"}"), 400))
                .contains("64");
        assertThat(error(asAdmin.post("/api/inbox/roster/holidays/2026-10-02/shifts",
                "{\"lawyer\":\"" + zhang + "\",\"starts\":\"09:00\",\"ends\":\"18:00\"}"), 404)).contains("节假日");
        assertThat(db.sql("select count(*) from duty_shift").query(Integer.class).single()).isZero();
        assertThat(db.sql("select count(*) from duty_holiday").query(Integer.class).single()).isZero();
    }

    private static JsonNode lawyer(JsonNode roster, String username) {
        for (JsonNode lawyer : roster.get("lawyers")) {
            if (lawyer.get("username").asString().equals(username)) {
                return lawyer;
            }
        }
        throw new AssertionError(username + " is not listed: " + roster);
    }

    private static String error(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body()).get("error").asString();
    }
}
