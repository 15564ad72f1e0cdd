package io.github.poolbench.pool;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A worker that answers the handshake as a real one does, then sends garbage on the channel: the
 * argument after the socket says which. For {@link ChannelTest}.
 */
final class FakeWorkerMain {

    private FakeWorkerMain() {}

    public static void main(String[] args) throws Exception {
        SocketChannel channel = Channel.connect(Path.of(args[0]));
        DataOutputStream out = new DataOutputStream(Channel.out(channel));
        DataInputStream in = new DataInputStream(new BufferedInputStream(Channel.in(channel)));
        out.writeLong(Protocol.MAGIC);
        Protocol.Frame hello = Protocol.read(in);
        Protocol.write(
                out,
                Protocol.HELLO,
                hello.id(),
                ByteBuffer.allocate(4).putInt(Protocol.VERSION).array());
        switch (args[1]) {
            case "digits" ->
                out.write("0123456789012345678901234567890123456789\n".getBytes(StandardCharsets.US_ASCII));
            case "huge" -> { // a well-formed header that promises 2 GB
                out.writeShort(Protocol.FRAME_MAGIC);
                out.writeByte(Protocol.RESULT);
                out.writeLong(1);
                out.writeInt(Integer.MAX_VALUE);
                out.writeInt(0);
            }
            case "type" -> {
                out.writeShort(Protocol.FRAME_MAGIC);
                out.writeByte(99);
            }
            default -> throw new IllegalArgumentException(args[1]);
        }
        out.flush();
        Thread.sleep(600_000);
    }
}
