package dev.keyfence.internal.ledger;

import dev.keyfence.ConfigurationException;
import dev.keyfence.ledger.KeyLedger;
import dev.keyfence.ledger.LedgerBatch;
import dev.keyfence.ledger.LedgerException;
import dev.keyfence.ledger.LedgerSnapshot;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
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
    /** How often subscribers' polls look for records appended by other processes. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(500);
    static final String LOG = "ledger.log";
    static final String LOCK = "ledger.lock";
    private static final Logger LOG_ = LoggerFactory.getLogger(DirectoryLedger.class);
    /** One lock per directory and JVM: a process may lock a file only once at a time. */
    private static final ConcurrentHashMap<Path, ReentrantLock> PROCESS_LOCKS = new ConcurrentHashMap<>();

    private final Path directory;
    private final Path log;
    private final Path lock;
    private final Duration pollInterval;
    private final ReentrantLock processLock;
    private final LedgerView view = new LedgerView();
    private final Object stateLock = new Object();
    private ScheduledExecutorService poller;
    private boolean closed;

    private DirectoryLedger(Path directory, Duration pollInterval) {
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
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(pollInterval, "pollInterval");
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("pollInterval must be positive");
        }
        Path dir = directory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ConfigurationException("ledger.directory", "cannot create " + dir + ": " + e.getClass().getSimpleName());
        }
        if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new ConfigurationException("ledger.directory", dir + " is not a writable directory");
        }
        Path log = dir.resolve(LOG);
        if (Files.exists(log) && (!Files.isRegularFile(log) || !Files.isReadable(log) || !Files.isWritable(log))) {
            throw new ConfigurationException("ledger.directory", log + " is not a readable and writable file");
        }
        return new DirectoryLedger(dir, pollInterval);
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
        try (FileChannel lockChannel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock held = lockChannel.lock()) {
            boolean created = !Files.exists(log);
            try (FileChannel channel = FileChannel.open(log, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE)) {
                if (created) {
                    forceDirectory();
                }
                synchronized (stateLock) {
                    LogFile.Tail tail = absorb(channel);
                    long end = tail.end();
                    if (tail.torn()) {
                        LOG_.warn("ledger {}: cutting off a torn record at byte {} (a writer stopped mid-write)", directory, end);
                        channel.truncate(end);
                        channel.force(true);
                    }
                    view.absorb(List.of(batch), LogFile.append(channel, end, payload));
                }
            }
            held.release();
        } catch (IOException e) {
            throw new LedgerException("ledger " + directory + ": cannot append (" + e.getClass().getSimpleName() + ")", e);
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
            view.unavailable(e.getMessage(), Clock.systemUTC().instant());
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

    /** Reads what was appended since the last read (by any process); caller holds {@code stateLock}. */
    private void catchUp() {
        if (!Files.exists(log)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(log, StandardOpenOption.READ)) {
            if (channel.size() == view.position()) {
                return;
            }
            absorb(channel);
        } catch (IOException e) {
            throw new LedgerException("ledger " + directory + ": cannot read (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private LogFile.Tail absorb(FileChannel channel) throws IOException {
        long offset = view.position();
        if (channel.size() < offset) {
            throw new LedgerException("ledger " + directory + ": " + LOG + " shrank below what was read (replaced or truncated by hand?)");
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
        return tail;
    }

    private void forceDirectory() throws IOException {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        }
    }
}
