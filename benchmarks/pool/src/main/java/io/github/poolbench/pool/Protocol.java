package io.github.poolbench.pool;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StreamCorruptedException;

/**
 * The frames parent and worker exchange over the worker's stdin and stdout. Binary and length-prefixed,
 * so a task's printing (sent as {@link #STDOUT}/{@link #STDERR} frames) can never be mistaken for a result.
 *
 * <p>A frame is {@code [type:1][id:8][length1:4][length2:4][part1][part2]}. The worker opens its stdout
 * with {@link #MAGIC}, so that anything a JVM might print before {@code main} runs is passed through to
 * the console instead of breaking the first frame.
 */
final class Protocol {

    /** "poolbnch" in ASCII: begins the worker's stream. */
    static final long MAGIC = 0x706f6f6c626e6368L;
    static final int VERSION = 1;

    /** Parent to worker: id is a nonce the worker echoes. Worker to parent: the same id, part 1 holds its protocol version. */
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

    private static final byte[] NONE = new byte[0];
    /** The most one part of a frame carries; a longer length read means the stream is not frames. */
    static final int MAX_PART = 1 << 30;

    private Protocol() {
    }

    record Frame(byte type, long id, byte[] part1, byte[] part2) {
    }

    /** Writes one frame and flushes it; callers that share {@code out} between threads synchronize on it. */
    static void write(DataOutputStream out, byte type, long id, byte[] part1, byte[] part2) throws IOException {
        out.writeByte(type);
        out.writeLong(id);
        out.writeInt(part1.length);
        out.writeInt(part2.length);
        out.write(part1);
        out.write(part2);
        out.flush();
    }

    static void write(DataOutputStream out, byte type, long id, byte[] part1) throws IOException {
        write(out, type, id, part1, NONE);
    }

    /** The next frame, or {@code null} at a clean end of stream between frames. */
    static Frame read(DataInputStream in) throws IOException {
        int type = in.read();
        if (type < 0) {
            return null;
        }
        long id = in.readLong();
        byte[] part1 = new byte[checkedLength(in.readInt())];
        byte[] part2 = new byte[checkedLength(in.readInt())];
        in.readFully(part1);
        in.readFully(part2);
        return new Frame((byte) type, id, part1, part2);
    }

    /** Fails for what is too large to send, before any of it is written. */
    static byte[] sendable(byte[] part) throws IOException {
        if (part.length > MAX_PART) {
            throw new IOException(part.length + " bytes serialized, more than a frame carries (" + MAX_PART + ")");
        }
        return part;
    }

    /** A length past the limit means the stream is not ours (something wrote to fd 1 directly). */
    private static int checkedLength(int length) throws IOException {
        if (length < 0 || length > MAX_PART) {
            throw new StreamCorruptedException("not a frame: a part of " + length + " bytes");
        }
        return length;
    }

    /**
     * Skips to just past {@link #MAGIC}, passing what comes before it to {@code passThrough}.
     *
     * @throws EOFException if the stream ends first
     */
    static void skipToMagic(DataInputStream in, OutputStream passThrough) throws IOException {
        long window = 0;
        int seen = 0;
        while (true) {
            int next = in.read();
            if (next < 0) {
                throw new EOFException("the worker's stdout ended before its handshake");
            }
            if (seen == Long.BYTES) {
                passThrough.write((int) (window >>> 56)); // the oldest byte leaves the window
            } else {
                seen++;
            }
            window = (window << 8) | next;
            if (seen == Long.BYTES && window == MAGIC) {
                passThrough.flush();
                return;
            }
        }
    }
}
