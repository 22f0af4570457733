package org.lawline.storage;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL cluster of a test's own (initdb and pg_ctl on a free port), so that the test can
 * freeze it (SIGSTOP) without touching the shared server. Run as the {@code postgres} user when
 * the test runs as root, since PostgreSQL refuses to run as root.
 */
final class PrivatePostgres implements AutoCloseable {

    private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");

    final int port;
    private final Path dir;
    private final boolean root;

    private PrivatePostgres(int port, Path dir, boolean root) {
        this.port = port;
        this.dir = dir;
        this.root = root;
    }

    static boolean available() {
        return Files.isExecutable(BIN.resolve("initdb"));
    }

    static PrivatePostgres start() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Path dir = Files.createTempDirectory("lawline-frozen-pg");
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            run(List.of("chown", "postgres:postgres", dir.toString()), false);
        }
        PrivatePostgres postgres = new PrivatePostgres(port, dir, root);
        Path data = dir.resolve("data");
        run(List.of(BIN.resolve("initdb").toString(), "-D", data.toString(), "-A", "trust", "-U", "postgres", "--no-sync"), root);
        run(List.of(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-l", dir.resolve("log").toString(),
                "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"), root);
        return postgres;
    }

    String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** The postmaster and its children, stopped or continued by signal. */
    void signal(String signal) throws Exception {
        long postmaster = Long.parseLong(Files.readAllLines(dir.resolve("data").resolve("postmaster.pid")).get(0).strip());
        List<String> kill = new ArrayList<>(List.of("kill", "-" + signal, Long.toString(postmaster)));
        ProcessHandle.of(postmaster).ifPresent(p -> p.descendants().forEach(child -> kill.add(Long.toString(child.pid()))));
        run(kill, false);
    }

    @Override
    public void close() throws Exception {
        signal("CONT");
        run(List.of(BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop"), root);
        run(List.of("rm", "-rf", dir.toString()), false);
    }

    private static void run(List<String> command, boolean asPostgres) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", full) + " failed: " + output);
        }
    }
}
