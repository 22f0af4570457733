package org.lawline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTest {

    @TempDir Path home;

    @Test
    void theServersDatabasePortListensOnLoopbackOnlyAndNeedsThePasswordKeptBesideIt() throws Exception {
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EmbeddedDatabaseHolder.class.getName(), home.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = output.readLine()) != null && !line.equals("open")) {
                // H2's or the JVM's chatter
            }
            assertThat(line).as("the holder opened the database").isEqualTo("open");

            Properties lock = new Properties();
            try (Reader reader = Files.newBufferedReader(home.resolve("data/lawline.lock.db"), StandardCharsets.ISO_8859_1)) {
                lock.load(reader);
            }
            String server = lock.getProperty("server");
            String host = server.substring(0, server.lastIndexOf(':'));
            int port = Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
            assertThat(InetAddress.getByName(host).isLoopbackAddress()).as(server).isTrue();
            for (InetAddress address : outsideAddresses()) {
                assertThat(refuses(address, port)).as("%s:%d", address, port).isTrue();
            }

            Path passwordFile = home.resolve("data").resolve(EmbeddedDatabase.PASSWORD_FILE);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
            String password = Files.readString(passwordFile).strip();
            assertThat(password).hasSizeGreaterThanOrEqualTo(32);
            String url = EmbeddedDatabase.url(home);
            assertThatThrownBy(() -> DriverManager.getConnection(url, "sa", "").close()).isInstanceOf(SQLException.class);
            // what ./lawline import does while the service runs: through the loopback port, with the password
            try (Connection cli = DriverManager.getConnection(url, "sa", password)) {
                assertThat(cli.createStatement().executeQuery("select count(*) from probe").next()).isTrue();
            }
        } finally {
            holder.getOutputStream().close();
            if (!holder.waitFor(10, TimeUnit.SECONDS)) {
                holder.destroyForcibly();
            }
        }
    }

    @Test
    void aDatabaseMadeBeforeThereWasAPasswordGetsOneAndKeepsItsData() throws Exception {
        String url = EmbeddedDatabase.url(home);
        try (Connection old = DriverManager.getConnection(url, "sa", "")) {
            old.createStatement().execute("create table kept (id int); insert into kept values (7)");
        }

        String password = EmbeddedDatabase.password(home);

        assertThatThrownBy(() -> DriverManager.getConnection(url, "sa", "").close()).isInstanceOf(SQLException.class);
        try (Connection now = DriverManager.getConnection(url, "sa", password)) {
            var rows = now.createStatement().executeQuery("select id from kept");
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(7);
        }
        assertThat(EmbeddedDatabase.password(home)).as("read back, not made again").isEqualTo(password);
    }

    @Test
    void anotherDatabaseIsLeftAlone() {
        String before = System.getProperty("spring.datasource.password");
        EmbeddedDatabase.secure(Map.of("LAWLINE_DATABASE_URL", "jdbc:postgresql://127.0.0.1/lawline", "LAWLINE_HOME", home.toString()));
        assertThat(System.getProperty("spring.datasource.password")).isEqualTo(before);
        assertThat(home.resolve("data")).doesNotExist();
    }

    /** This machine's addresses other than loopback: the port must not answer on any of them. */
    private static List<InetAddress> outsideAddresses() throws Exception {
        return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .filter(i -> {
                    try {
                        return i.isUp() && !i.isLoopback();
                    } catch (Exception e) {
                        return false;
                    }
                })
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address)
                .toList();
    }

    private static boolean refuses(InetAddress address, int port) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 1000);
            return false;
        } catch (ConnectException | SocketTimeoutException refused) {
            return true;
        }
    }
}
