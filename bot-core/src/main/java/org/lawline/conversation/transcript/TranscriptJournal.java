package org.lawline.conversation.transcript;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * An append-only journal of lines in numbered segment files under one directory: the durable
 * queue between the engine and the database. Appending writes the line through to the operating
 * system (no {@code fsync}: a process crash loses nothing, a power cut may lose the last
 * moments); a segment rolls over past {@code segmentBytes}, and the reader deletes a segment once
 * every line of it is stored and a newer segment exists.
 *
 * <p>One journal per directory: the directory is locked while the journal is open, and
 * {@link #openFirstFree} takes the first numbered slot under a base directory that no one else
 * holds (another context of this JVM, another process). Appending is thread safe; reading belongs
 * to one thread (the writer).
 */
final class TranscriptJournal implements Closeable {

    private static final String PREFIX = "turns-";
    private static final String SUFFIX = ".jsonl";

    private final Path dir;
    private final long segmentBytes;
    private final FileChannel lockFile;
    private final FileLock lock;
    private FileChannel appending;
    private long appendingNumber;

    private static final int SLOTS = 64;

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY_FILE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    /** The journal in the first slot ({@code base/0}, {@code base/1} …) nobody else holds. */
    static TranscriptJournal openFirstFree(Path base, long segmentBytes) {
        for (int slot = 0; slot < SLOTS; slot++) {
            try {
                return new TranscriptJournal(base.resolve(Integer.toString(slot)), segmentBytes);
            } catch (InUse taken) {
                // next slot
            }
        }
        throw new IllegalStateException("All " + SLOTS + " transcript journal slots under " + base + " are in use");
    }

    /** Another journal holds the directory. */
    static final class InUse extends RuntimeException {
        InUse(Path dir) {
            super("The transcript journal at " + dir + " is in use");
        }
    }

    TranscriptJournal(Path dir, long segmentBytes) {
        this.dir = Objects.requireNonNull(dir, "dir");
        this.segmentBytes = segmentBytes;
        try {
            Files.createDirectories(dir);
            ownerOnly(dir);
            lockFile = FileChannel.open(dir.resolve("journal.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock held;
            try {
                held = lockFile.tryLock();
            } catch (OverlappingFileLockException sameJvm) {
                held = null;
            }
            if (held == null) {
                lockFile.close();
                throw new InUse(dir);
            }
            lock = held;
            // a new segment per start: the last one of a crashed process may end in half a line
            List<Path> existing = segments();
            // journals written before files were made owner-only: close them up too
            for (Path segment : existing) {
                ownerOnly(segment);
            }
            appendingNumber = existing.isEmpty() ? 1 : number(existing.get(existing.size() - 1)) + 1;
            appending = open(appendingNumber);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the transcript journal at " + dir, e);
        }
    }

    /** Appends one line (without its newline); returns once the operating system has it. */
    synchronized void append(String line) throws IOException {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            appending.write(buffer);
        }
        if (appending.position() >= segmentBytes) {
            appending.close();
            appendingNumber++;
            appending = open(appendingNumber);
        }
    }

    Path directory() {
        return dir;
    }

    /** The segments on disk, oldest first. */
    List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> {
                String name = file.getFileName().toString();
                return name.startsWith(PREFIX) && name.endsWith(SUFFIX);
            }).sorted().toList();
        }
    }

    /** True when {@code segment} will get no more lines: a newer one exists. */
    boolean finished(Path segment) throws IOException {
        List<Path> all = segments();
        return !all.isEmpty() && number(all.get(all.size() - 1)) > number(segment);
    }

    /**
     * Complete lines of {@code segment} from byte {@code from}, at most {@code maxLines}; a line
     * still being written (no newline yet) is left for later.
     */
    static Chunk read(Path segment, long from, int maxLines) throws IOException {
        try (FileChannel in = FileChannel.open(segment, StandardOpenOption.READ)) {
            long size = in.size();
            if (size <= from) {
                return new Chunk(List.of(), from);
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(size - from, 1 << 20));
            in.read(buffer, from);
            byte[] bytes = buffer.array();
            int limit = buffer.position();
            List<String> lines = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < limit && lines.size() < maxLines; i++) {
                if (bytes[i] == '\n') {
                    lines.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                    start = i + 1;
                }
            }
            return new Chunk(lines, from + start);
        }
    }

    /** Lines read and the byte offset just after the last of them. */
    record Chunk(List<String> lines, long end) {
    }

    void delete(Path segment) throws IOException {
        Files.deleteIfExists(segment);
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            appending.close();
        } finally {
            lock.release();
            lockFile.close();
        }
    }

    private FileChannel open(long number) throws IOException {
        Path segment = dir.resolve(String.format("%s%019d%s", PREFIX, number, SUFFIX));
        Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        return POSIX ? FileChannel.open(segment, options, OWNER_ONLY_FILE) : FileChannel.open(segment, options);
    }

    /**
     * Turns hold what citizens wrote, phone numbers included: the journal's files are readable by
     * the service's own user only (mode 0600, directories 0700). A no-op where files have no POSIX
     * permissions.
     */
    static void ownerOnly(Path path) throws IOException {
        if (POSIX && Files.exists(path)) {
            Files.setPosixFilePermissions(path, Files.isDirectory(path) ? OWNER_ONLY_DIRECTORY : OWNER_ONLY_FILE.value());
        }
    }

    /** Appends a line to a file of this journal's directory, creating it owner-only. */
    static void appendOwnerOnly(Path file, String line) throws IOException {
        if (POSIX && !Files.exists(file)) {
            try {
                Files.createFile(file, OWNER_ONLY_FILE);
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another writer made it first, owner-only as well
            }
        }
        Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static long number(Path segment) {
        String name = segment.getFileName().toString();
        return Long.parseLong(name.substring(PREFIX.length(), name.length() - SUFFIX.length()));
    }
}
