package io.github.poolbench.pool;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.StreamCorruptedException;
import java.util.Arrays;

/**
 * The frames parent and worker exchange over a channel of their own, a Unix-domain socket in a private
 * folder ({@link Channel}): nothing a task, a library or a child process writes to file descriptor 1 or
 * 2 can reach it. Binary and length-prefixed, so a task's printing (sent as {@link #STDOUT}/{@link #STDERR}
 * frames) can never be mistaken for a result.
 *
 * <p>A frame is {@code [magic:2][type:1][id:8][length1:4][length2:4][part1][part2]}. The worker opens the
 * stream with {@link #MAGIC}. A reader checks each frame's magic, its type and both lengths against
 * {@link #MAX_PART} before it reads any payload, and allocates as the bytes arrive rather than what a
 * length claims, so that garbage is a clean error: never a hang, never an out-of-memory.
 */
final class Protocol {

    /** "poolbnch" in ASCII: begins the worker's stream. */
    static final long MAGIC = 0x706f6f6c626e6368L;
    /** Begins every frame: "PB". */
    static final short FRAME_MAGIC = 0x5042;

    static final int VERSION = 3;

    /**
     * Parent to worker: id is a nonce the worker echoes, part 1 the encoded initializer (or nothing), part 2
     * the heartbeat interval in milliseconds (a long, 0 for none) followed by what to warm up (nothing, or
     * UTF-8 lines: "warm up", then the classes to load). Worker to parent: the same id, part 1 holds its
     * protocol version.
     */
    static final byte HELLO = 1;
    /** Parent to worker: id names the job, part 1 is the serialized task, part 2 the serialized inputs. */
    static final byte TASK = 2;
    /** Worker to parent: part 1 is the serialized results of the job {@code id}, an {@code Object[]}. */
    static final byte RESULT = 3;
    /** Worker to parent: part 1 is a serialized {@link RemoteFailure} for the job {@code id}. */
    static final byte FAILURE = 4;
    /** Worker to parent: bytes a task wrote to {@code System.out}. */
    static final byte STDOUT = 5;
    /** Worker to parent: bytes a task wrote to {@code System.err}. */
    static final byte STDERR = 6;

    /** Parent to worker: give back job {@code id} if it has not started. */
    static final byte RECALL = 7;
    /** Worker to parent: job {@code id} was given back unstarted. */
    static final byte RECALLED = 8;
    /** Parent to worker: stop job {@code id} now, and answer with a thread dump ({@link #DUMP}). */
    static final byte STOP = 9;
    /** Worker to parent: part 1 is a thread dump in UTF-8, taken for job {@code id}. */
    static final byte DUMP = 10;
    /** Worker to parent, every heartbeat interval from its handshake on: it is alive and reads its socket. */
    static final byte HEARTBEAT = 11;
    /** The highest type. */
    private static final byte LAST_TYPE = HEARTBEAT;
    /** Payloads are read in steps of at most this, so that a false length costs no memory. */
    private static final int READ_STEP = 1 << 16;

    private static final byte[] NONE = new byte[0];
    /** The most one part of a frame carries; a longer length read means the stream is not frames. */
    static final int MAX_PART = 1 << 30;

    private Protocol() {}

    record Frame(byte type, long id, byte[] part1, byte[] part2) {}

    /** Writes one frame and flushes it; callers that share {@code out} between threads synchronize on it. */
    static void write(DataOutputStream out, byte type, long id, byte[] part1, byte[] part2) throws IOException {
        write(out, type, id, part1, part2, true);
    }

    /** Writes one frame, flushing it only if asked: a writer with more frames queued flushes once after them. */
    static void write(DataOutputStream out, byte type, long id, byte[] part1, byte[] part2, boolean flush)
            throws IOException {
        out.writeShort(FRAME_MAGIC);
        out.writeByte(type);
        out.writeLong(id);
        out.writeInt(part1.length);
        out.writeInt(part2.length);
        out.write(part1);
        out.write(part2);
        if (flush) {
            out.flush();
        }
    }

    static void write(DataOutputStream out, byte type, long id, byte[] part1) throws IOException {
        write(out, type, id, part1, NONE);
    }

    /**
     * The next frame, or {@code null} at a clean end of stream between frames.
     *
     * @throws StreamCorruptedException if what comes is not a frame
     */
    static Frame read(DataInputStream in) throws IOException {
        int first = in.read();
        if (first < 0) {
            return null;
        }
        int magic = (first << 8) | in.readUnsignedByte();
        if (magic != FRAME_MAGIC) {
            throw new StreamCorruptedException("not a frame: it starts with 0x" + Integer.toHexString(magic));
        }
        int type = in.readByte();
        if (type < HELLO || type > LAST_TYPE) {
            throw new StreamCorruptedException("not a frame: unknown type " + type);
        }
        long id = in.readLong();
        int length1 = checkedLength(in.readInt());
        int length2 = checkedLength(in.readInt());
        return new Frame((byte) type, id, readPart(in, length1), readPart(in, length2));
    }

    /** Reads {@code length} bytes, growing the buffer only as they come. */
    private static byte[] readPart(DataInputStream in, int length) throws IOException {
        if (length <= READ_STEP) {
            byte[] part = new byte[length];
            in.readFully(part);
            return part;
        }
        byte[] part = new byte[READ_STEP];
        int filled = 0;
        while (filled < length) {
            if (filled == part.length) {
                part = Arrays.copyOf(part, (int) Math.min(length, 2L * part.length));
            }
            int read = in.read(part, filled, part.length - filled);
            if (read < 0) {
                throw new EOFException("the stream ended " + (length - filled) + " bytes into a frame");
            }
            filled += read;
        }
        return part;
    }

    /** Fails for what is too large to send, before any of it is written. */
    static byte[] sendable(byte[] part) throws IOException {
        if (part.length > MAX_PART) {
            throw new IOException(part.length + " bytes serialized, more than a frame carries (" + MAX_PART + ")");
        }
        return part;
    }

    /** A length past the limit means the stream is not frames. */
    private static int checkedLength(int length) throws IOException {
        if (length < 0 || length > MAX_PART) {
            throw new StreamCorruptedException("not a frame: a part of " + length + " bytes");
        }
        return length;
    }
}
