package org.lawline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./lawline} script itself, as a new user runs it: when it builds, what it hands to
 * Maven for {@code test}, and what {@code help} and a typo do.
 *
 * <p>Each test runs a copy of the script in a checkout of its own (a temporary folder with the
 * same layout) whose {@code mvnw} and {@code scripts/test-services.sh} only note how they were
 * called: a real {@code mvnw install} from a test would write into the Maven repository every
 * other build on the machine reads, and a real {@code test} would run the whole suite inside
 * itself. Maven's build is not what is tested here; the script's decisions are. The application
 * jar is the real one the verify phase packaged ({@code target/lawline.jar}), linked in, so
 * {@code help} and a typo go through the real command line.
 */
class LauncherScriptIT {

    private static final Path SCRIPT = Path.of("..", "lawline");
    private static final Path JAR = Path.of("target", "lawline.jar");

    @TempDir
    Path checkout;

    private Path calls;
    private Path jar;
    private Path source;

    @BeforeAll
    static void theScriptAndTheJarAreThere() {
        assertThat(SCRIPT).as("the launcher at the repository's root").isRegularFile();
        assertThat(JAR).as("the verify phase packages target/lawline.jar before integration tests").exists();
    }

    @BeforeEach
    void aCheckoutWithARecordingMavenWrapper() throws IOException {
        calls = checkout.resolve("calls.log");
        jar = checkout.resolve("config/target/lawline.jar");
        Files.copy(SCRIPT, checkout.resolve("lawline"));
        executable(checkout.resolve("lawline"));
        // the wrapper's install leaves the application jar where the real build does
        Files.writeString(checkout.resolve("mvnw"), """
                #!/usr/bin/env bash
                echo "mvnw $*" >> "%s"
                if [ "${@: -1}" = install ]; then
                  mkdir -p "%s" && ln -sf "%s" "%s"
                fi
                """.formatted(calls, jar.getParent(), JAR.toAbsolutePath(), jar));
        executable(checkout.resolve("mvnw"));
        Files.createDirectories(checkout.resolve("scripts"));
        Files.writeString(checkout.resolve("scripts/test-services.sh"), """
                #!/usr/bin/env bash
                echo test-services >> "%s"
                """.formatted(calls));
        executable(checkout.resolve("scripts/test-services.sh"));
        source = checkout.resolve("knowledge-base/src/main/java/org/lawline/knowledge/FaqSearch.java");
        Files.createDirectories(source.getParent());
        Files.createDirectories(checkout.resolve("config"));
        for (Path file : List.of(checkout.resolve("pom.xml"), checkout.resolve("config/pom.xml"), source)) {
            Files.writeString(file, "");
            // written before the last build: the jar linked in below is newer
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        }
    }

    /** The link, not the jar it points to (JUnit warns when it has to decide that itself). */
    @AfterEach
    void unlinkTheJar() throws IOException {
        Files.deleteIfExists(jar);
    }

    @Test
    void helpAndItsFlagsPrintTheUsageWithoutBuildingOrServing() throws Exception {
        built();
        for (String asking : List.of("help", "--help", "-h")) {
            Result r = lawline(asking);

            assertThat(r.exit()).as(asking + ": " + r.err()).isZero();
            assertThat(r.out()).as(asking).contains("用法").contains("./lawline ask").contains("./lawline test");
            assertThat(r.out() + r.err()).as(asking + " starts no server").doesNotContain("Tomcat").doesNotContain("8080 (http)");
        }
        assertThat(calls).as("an up-to-date jar is run as it is").doesNotExist();
    }

    @Test
    void anUnknownCommandOrFlagPrintsTheUsageAndFails() throws Exception {
        built();
        for (String typo : List.of("asq", "--hepl", "-x")) {
            Result r = lawline(typo);

            assertThat(r.exit()).as(typo).isEqualTo(2);
            assertThat(r.err()).as(typo).contains(typo).contains("用法").contains("./lawline ask");
            assertThat(r.out()).as(typo).isEmpty();
        }
    }

    @Test
    void aSourceChangedSinceTheLastBuildIsBuiltBeforeRunning() throws Exception {
        built();
        Files.setLastModifiedTime(source, FileTime.from(Instant.now().plus(Duration.ofMinutes(1))));

        Result r = lawline("help");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readAllLines(calls)).containsExactly("mvnw -q -B -Dmaven.test.skip=true install");
        assertThat(r.err()).contains("正在构建");
        assertThat(r.out()).contains("用法");
    }

    @Test
    void aChangedModulePomIsBuiltBeforeRunning() throws Exception {
        built();
        Files.setLastModifiedTime(checkout.resolve("config/pom.xml"), FileTime.from(Instant.now().plus(Duration.ofMinutes(1))));

        Result r = lawline("help");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readAllLines(calls)).containsExactly("mvnw -q -B -Dmaven.test.skip=true install");
    }

    @Test
    void aFirstRunBuildsTheApplication() throws Exception {
        Result r = lawline("-h");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readAllLines(calls)).containsExactly("mvnw -q -B -Dmaven.test.skip=true install");
        assertThat(r.out()).contains("用法");
    }

    @Test
    void testStartsTheServicesThenHandsItsArgumentsToTheWholeVerify() throws Exception {
        Result r = lawline("test", "-pl", "knowledge-base", "-Dtest=FaqImportTest");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readAllLines(calls)).as("no application build: verify builds what it tests")
                .containsExactly("test-services", "mvnw -B verify -pl knowledge-base -Dtest=FaqImportTest");
    }

    /** The application was built after the sources last changed. */
    private void built() throws IOException {
        Files.createDirectories(jar.getParent());
        Files.createSymbolicLink(jar, JAR.toAbsolutePath());
    }

    private Result lawline(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", checkout.resolve("lawline").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(checkout.toFile());
        // the java the tests run on, ahead of whatever else is on the PATH
        pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
        pb.environment().put("LAWLINE_HOME", checkout.toString());
        pb.environment().remove("LAWLINE_JAVA_OPTS");
        Path out = Files.createTempFile(checkout, "out", ".txt");
        Path err = Files.createTempFile(checkout, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("./lawline " + String.join(" ", args) + " did not finish within 120 s");
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static void executable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    record Result(int exit, String out, String err) {
    }
}
