package dev.keyfence.internal.ledger;

import dev.keyfence.ConfigurationException;
import dev.keyfence.ledger.BadRecordException;
import dev.keyfence.ledger.KeyLedger;
import dev.keyfence.ledger.LedgerBatch;
import dev.keyfence.ledger.LedgerCodec;
import dev.keyfence.ledger.LedgerException;
import dev.keyfence.ledger.LedgerSnapshot;
import dev.keyfence.ledger.LedgerView;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded ledger: an append-only log ({@code ledger.log}) in one directory, no server.
 *
 * <p>Crash safety: a batch is one checksummed record, forced to the device before
 * {@link #append} returns; a record torn by a crash fails its checksum, is ignored on read, and
 * is cut off by the next writer. Several processes of one host share the directory: a writer
 * holds an exclusive lock on {@code ledger.lock}, first reads what the others appended since its
 * last read, then appends. Changes by other processes are noticed by polling the log's size.
 */
public final class DirectoryLedger implements KeyLedger {
    /** Above this size, and twice its size after the last compaction, the log is compacted. */
    public static final long DEFAULT_COMPACT_ABOVE = 8L * 1024 * 1024;
    /** How often subscribers' polls look for records appended by other processes. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(500);

    static final String LOG = "ledger.log";
    static final String LOCK = "ledger.lock";
    static final String COMPACTING = "ledger.log.compacting";
    private static final Logger LOG_ = LoggerFactory.getLogger(DirectoryLedger.class);
    /** One lock per directory and JVM: a process may lock a file only once at a time. */
    private static final ConcurrentHashMap<Path, ReentrantLock> PROCESS_LOCKS = new ConcurrentHashMap<>();

    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path directory;
    private final Path log;
    private final Path lock;
    private final Duration pollInterval;
    private final ReentrantLock processLock;
    private final LedgerView view = new LedgerView();
    private final Object stateLock = new Object();
    private @Nullable ScheduledExecutorService poller;
    private boolean closed;

    private final long compactAbove;
    /** The identity (inode) of the log file that {@code view}'s position refers to. */
    private @Nullable Object fileKey;

    private long compactedBytes;

    private DirectoryLedger(Path directory, Duration pollInterval, long compactAbove) {
        this.compactAbove = compactAbove;
        this.directory = directory;
        this.log = directory.resolve(LOG);
        this.lock = directory.resolve(LOCK);
        this.pollInterval = pollInterval;
        this.processLock = PROCESS_LOCKS.computeIfAbsent(directory, d -> new ReentrantLock());
    }

    /**
     * Opens (creating if missing) the ledger in {@code directory}.
     *
     * @throws ConfigurationException naming {@code ledger.directory} when the directory cannot be created or written
     */
    public static DirectoryLedger open(Path directory, Duration pollInterval) {
        return open(directory, pollInterval, DEFAULT_COMPACT_ABOVE);
    }

    /**
     * Opens the ledger in {@code directory}, compacting its log once it grows past
     * {@code compactAbove} bytes (and twice its compacted size).
     */
    public static DirectoryLedger open(Path directory, Duration pollInterval, long compactAbove) {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(pollInterval, "pollInterval");
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("pollInterval must be positive");
        }
        Path dir = directory.toAbsolutePath().normalize();
        try {
            if (!Files.exists(dir)) {
                Path parent = dir.getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                if (POSIX) {
                    Files.createDirectory(
                            dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.createDirectory(dir);
                }
            }
        } catch (IOException e) {
            throw new ConfigurationException(
                    "ledger.directory",
                    "cannot create " + dir + ": " + e.getClass().getSimpleName());
        }
        if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new ConfigurationException("ledger.directory", dir + " is not a writable directory");
        }
        Path log = dir.resolve(LOG);
        if (Files.exists(log) && (!Files.isRegularFile(log) || !Files.isReadable(log) || !Files.isWritable(log))) {
            throw new ConfigurationException("ledger.directory", log + " is not a readable and writable file");
        }
        warnIfOthersMayWrite(dir);
        warnIfOthersMayWrite(log);
        return new DirectoryLedger(dir, pollInterval, compactAbove);
    }

    /** Whoever can write the ledger can reinstate a revoked key: say so when that is more than the owner. */
    private static void warnIfOthersMayWrite(Path path) {
        if (!POSIX || !Files.exists(path)) {
            return;
        }
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(path);
            if (perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE)) {
                LOG_.warn(
                        "ledger {} is writable by group or others ({}): whoever can write it can reinstate a revoked key",
                        path,
                        PosixFilePermissions.toString(perms));
            }
        } catch (IOException e) {
            LOG_.warn(
                    "ledger {}: cannot read its permissions ({})",
                    path,
                    e.getClass().getSimpleName());
        }
    }

    /** Opens a ledger file, created readable and writable by the owner only. */
    private static FileChannel openFile(Path path, OpenOption... options) throws IOException {
        Set<OpenOption> set = new HashSet<>(Arrays.asList(options));
        if (POSIX && set.contains(StandardOpenOption.CREATE)) {
            return FileChannel.open(
                    path, set, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return FileChannel.open(path, set);
    }

    @Override
    public LedgerSnapshot load() {
        synchronized (stateLock) {
            catchUp();
            return view.snapshot();
        }
    }

    @Override
    public void append(LedgerBatch batch) {
        Objects.requireNonNull(batch, "batch");
        if (batch.isEmpty()) {
            return;
        }
        byte[] payload = LedgerCodec.encode(batch).getBytes(StandardCharsets.UTF_8);
        processLock.lock();
        try (FileChannel lockChannel = openFile(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock held = lockChannel.lock()) {
            boolean created = !Files.exists(log);
            try (FileChannel channel =
                    openFile(log, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                if (created) {
                    forceDirectory();
                }
                synchronized (stateLock) {
                    LogFile.Tail tail = absorb(channel, identity());
                    long end = tail.end();
                    if (tail.torn()) {
                        LOG_.warn(
                                "ledger {}: cutting off a torn record at byte {} (a writer stopped mid-write)",
                                directory,
                                end);
                        channel.truncate(end);
                        channel.force(true);
                    }
                    long written = LogFile.append(channel, end, payload);
                    view.absorb(List.of(batch), written);
                    if (written > compactAbove && written > 2 * compactedBytes) {
                        compactHeld();
                    }
                }
            }
            held.release();
        } catch (IOException e) {
            throw new LedgerException(
                    "ledger " + directory + ": cannot append (" + e.getClass().getSimpleName() + ")", e);
        } finally {
            processLock.unlock();
        }
    }

    @Override
    public Subscription subscribe(Listener listener) {
        Objects.requireNonNull(listener, "listener");
        synchronized (stateLock) {
            if (closed) {
                throw new IllegalStateException("ledger closed");
            }
            catchUpQuietly();
            Subscription subscription = view.subscribe(listener);
            listener.watching(Clock.systemUTC().instant());
            if (poller == null) {
                poller = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "keyfence-ledger-poll");
                    t.setDaemon(true);
                    return t;
                });
                long ms = pollInterval.toMillis();
                poller.scheduleWithFixedDelay(this::poll, ms, ms, TimeUnit.MILLISECONDS);
            }
            return subscription;
        }
    }

    @Override
    public String describe() {
        return "directory " + directory;
    }

    @Override
    public void close() {
        synchronized (stateLock) {
            closed = true;
            view.clear();
            if (poller != null) {
                poller.shutdownNow();
            }
        }
    }

    /** The directory, absolute and normalized. */
    public Path directory() {
        return directory;
    }

    private void poll() {
        try {
            synchronized (stateLock) {
                catchUp();
            }
        } catch (LedgerException e) {
            view.unavailable(
                    Objects.requireNonNullElse(e.getMessage(), "ledger " + directory + ": unreadable"),
                    Clock.systemUTC().instant());
            return;
        }
        view.deliver();
    }

    private void catchUpQuietly() {
        try {
            catchUp();
        } catch (LedgerException e) {
            LOG_.warn("{}", e.getMessage());
        }
    }

    /**
     * Rewrites the log as one record holding everything it knows, then atomically replaces the
     * old log with it (write, fsync, rename, fsync the directory): a crash leaves either log
     * whole. Other processes notice the new file and read it from its start.
     */
    public void compact() {
        processLock.lock();
        try (FileChannel lockChannel = openFile(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock held = lockChannel.lock()) {
            synchronized (stateLock) {
                if (Files.exists(log)) {
                    try (FileChannel channel = FileChannel.open(log, StandardOpenOption.READ)) {
                        absorb(channel, identity());
                    }
                    compactHeld();
                }
            }
            held.release();
        } catch (IOException e) {
            throw new LedgerException(
                    "ledger " + directory + ": cannot compact (" + e.getClass().getSimpleName() + ")", e);
        } finally {
            processLock.unlock();
        }
    }

    /** Compacts; the caller holds both locks and has read the whole log. */
    private void compactHeld() throws IOException {
        LedgerSnapshot all = view.snapshot();
        byte[] payload = LedgerCodec.encode(new LedgerBatch(
                        List.copyOf(all.keys().values()),
                        List.copyOf(all.sources().values())))
                .getBytes(StandardCharsets.UTF_8);
        if (payload.length > LogFile.MAX_PAYLOAD) {
            LOG_.warn("ledger {}: not compacted, everything known is larger than one record", directory);
            return;
        }
        Path next = directory.resolve(COMPACTING);
        long end;
        try (FileChannel channel = openFile(
                next, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            end = LogFile.append(channel, 0, payload);
        }
        Files.move(next, log, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory();
        fileKey = identity();
        view.rewind();
        view.absorb(List.of(), end);
        compactedBytes = end;
        LOG_.info("ledger {}: compacted to {} bytes", directory, end);
    }

    /** Reads what was appended since the last read (by any process); caller holds {@code stateLock}. */
    private void catchUp() {
        try {
            for (int attempt = 0; attempt < 3; attempt++) {
                if (!Files.exists(log)) {
                    return;
                }
                Object before = identity();
                try (FileChannel channel = FileChannel.open(log, StandardOpenOption.READ)) {
                    Object after = identity();
                    if (!Objects.equals(before, after)) {
                        continue; // replaced by a compaction while opening: open the new one
                    }
                    if (Objects.equals(after, fileKey) && channel.size() == view.position()) {
                        return;
                    }
                    absorb(channel, after);
                    return;
                }
            }
        } catch (IOException e) {
            throw new LedgerException(
                    "ledger " + directory + ": cannot read (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** The log file's identity (its inode), to tell a compacted replacement from the file read so far. */
    private Object identity() throws IOException {
        return Files.readAttributes(log, BasicFileAttributes.class).fileKey();
    }

    private LogFile.Tail absorb(FileChannel channel, Object key) throws IOException {
        boolean replaced = fileKey != null && key != null && !fileKey.equals(key);
        if (replaced) {
            view.rewind(); // another process compacted the log: read the new one from its start
        }
        fileKey = key;
        long offset = view.position();
        if (channel.size() < offset) {
            throw new LedgerException("ledger " + directory + ": " + LOG
                    + " shrank below what was read (replaced or truncated by hand?)");
        }
        LogFile.Tail tail = LogFile.read(channel, offset);
        List<LedgerBatch> read = new ArrayList<>();
        for (LogFile.Frame f : tail.frames()) {
            try {
                read.add(LedgerCodec.decode(new String(f.payload(), StandardCharsets.UTF_8)));
            } catch (BadRecordException e) {
                throw new LedgerException("ledger " + directory + ": record at byte " + f.offset() + " cannot be read: "
                        + e.getMessage());
            }
        }
        view.absorb(read, tail.end());
        if (replaced) {
            compactedBytes = tail.end(); // compact again only once this log has doubled
        }
        return tail;
    }

    private void forceDirectory() throws IOException {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        }
    }
}
