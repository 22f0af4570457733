package org.lawline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lawline.security.Role;
import org.lawline.security.StaffAccount;
import org.lawline.security.StaffAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

/** {@code ./lawline user …} on the application's context (the one the end-to-end tests share). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class UserCommandTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    PasswordEncoder passwords;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private UserCommand command(String stdin) {
        return new UserCommand(context, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String name() {
        return "cli-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void addReadsThePasswordFromOneLineOfStandardInputAndStoresOnlyItsHash() throws Exception {
        String name = name();
        int exit = command("十个字符以上的密码abc\nignored second line\n")
                .add(new Command.UserAdd(name, Role.LAWYER, Optional.of("张律师")));

        assertThat(exit).isZero();
        StaffAccount account = accounts.find(name).orElseThrow();
        assertThat(account.displayName()).isEqualTo("张律师");
        assertThat(account.role()).isEqualTo(Role.LAWYER);
        assertThat(account.passwordHash()).startsWith("{bcrypt}").doesNotContain("十个字符");
        assertThat(passwords.matches("十个字符以上的密码abc", account.passwordHash())).isTrue();
    }

    @Test
    void aPasswordShorterThanTenCharactersIsRefused() throws Exception {
        String name = name();
        int exit = command("123456789\n").add(new Command.UserAdd(name, Role.ADMIN, Optional.empty()));

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("10");
        assertThat(accounts.find(name)).isEmpty();
    }

    @Test
    void aTakenNameIsRefused() throws Exception {
        String name = name();
        command("a long enough password\n").add(new Command.UserAdd(name, Role.OPERATOR, Optional.empty()));
        int exit = command("another long password\n").add(new Command.UserAdd(name, Role.OPERATOR, Optional.empty()));
        assertThat(exit).isEqualTo(1);
    }

    @Test
    void disableStopsTheAccountAndAnUnknownNameFails() throws Exception {
        String name = name();
        command("a long enough password\n").add(new Command.UserAdd(name, Role.LAWYER, Optional.empty()));

        assertThat(command("").disable(new Command.UserDisable(name))).isZero();
        assertThat(accounts.find(name).orElseThrow().enabled()).isFalse();
        assertThat(command("").disable(new Command.UserDisable(name()))).isEqualTo(1);
    }
}
