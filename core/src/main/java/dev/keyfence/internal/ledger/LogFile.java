package dev.keyfence.internal.ledger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The framing of the embedded ledger's append-only log: each record is a 12-byte header (magic,
 * payload length, CRC-32C of the payload) followed by the payload. A reader stops at the first
 * frame that is incomplete or fails its checksum: that is a torn tail, left by a writer killed
 * mid-write (or, read without the lock, a write in progress), and never a record.
 */
final class LogFile {
    static final int MAGIC = 0x4B464C31; // "KFL1"
    static final int HEADER = 12;
    /** Largest payload accepted; a header claiming more is a torn or foreign frame. */
    static final int MAX_PAYLOAD = 16 * 1024 * 1024;

    private LogFile() {}

    /** The records found from {@code offset} on, and where the last complete one ends. */
    record Tail(List<Frame> frames, long end, boolean torn) {}

    /** One complete record: its payload and where it starts in the file. */
    record Frame(long offset, byte[] payload) {}

    /** Reads every complete, checksum-valid record from {@code offset} to the end of the file. */
    static Tail read(FileChannel channel, long offset) throws IOException {
        long size = channel.size();
        List<Frame> frames = new ArrayList<>();
        long pos = offset;
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        while (pos < size) {
            if (size - pos < HEADER) {
                return new Tail(frames, pos, true);
            }
            header.clear();
            readFully(channel, header, pos);
            header.flip();
            int magic = header.getInt();
            int length = header.getInt();
            int crc = header.getInt();
            if (magic != MAGIC || length < 0 || length > MAX_PAYLOAD || size - pos - HEADER < length) {
                return new Tail(frames, pos, true);
            }
            ByteBuffer payload = ByteBuffer.allocate(length);
            readFully(channel, payload, pos + HEADER);
            if (checksum(payload.array()) != crc) {
                return new Tail(frames, pos, true);
            }
            frames.add(new Frame(pos, payload.array()));
            pos += HEADER + length;
        }
        return new Tail(frames, pos, false);
    }

    /** Writes one record at {@code offset} and forces it to the device before returning. */
    static long append(FileChannel channel, long offset, byte[] payload) throws IOException {
        if (payload.length > MAX_PAYLOAD) {
            throw new IOException("record larger than " + MAX_PAYLOAD + " bytes");
        }
        ByteBuffer frame = ByteBuffer.allocate(HEADER + payload.length);
        frame.putInt(MAGIC).putInt(payload.length).putInt(checksum(payload)).put(payload);
        frame.flip();
        long pos = offset;
        while (frame.hasRemaining()) {
            pos += channel.write(frame, pos);
        }
        channel.force(true);
        return pos;
    }

    static int checksum(byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(payload);
        return (int) crc.getValue();
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long pos) throws IOException {
        long at = pos;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                throw new IOException("log ended while reading a frame");
            }
            at += n;
        }
    }
}
