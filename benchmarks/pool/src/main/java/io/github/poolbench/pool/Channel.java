package io.github.poolbench.pool;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The worker's channel to its parent: a Unix-domain socket (Linux, macOS, Windows 10 and later) in a
 * folder that only this user may enter, one socket per worker, deleted as soon as the worker has
 * connected. Nothing else writes to it, unlike the worker's stdout.
 */
final class Channel {

    private Channel() {}

    /** A new folder readable by this user alone (0700 where the file system has POSIX permissions). */
    static Path privateFolder() throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempDirectory(
                    "poolbench-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        return Files.createTempDirectory("poolbench-"); // Windows: the user's own temporary folder
    }

    static ServerSocketChannel listen(Path socket) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket), 1);
        return server;
    }

    static SocketChannel connect(Path socket) throws IOException {
        return SocketChannel.open(UnixDomainSocketAddress.of(socket));
    }

    /**
     * A stream that reads the channel directly. (Not {@code Channels.newInputStream}: plain reads and
     * writes of a socket channel lock separately, so one thread may read while another writes.)
     */
    static InputStream in(SocketChannel channel) {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                if (length == 0) {
                    return 0;
                }
                int read;
                do {
                    read = channel.read(ByteBuffer.wrap(bytes, offset, length));
                } while (read == 0);
                return read;
            }
        };
    }

    /** A stream that writes to the channel directly; see {@link #in}. */
    static OutputStream out(SocketChannel channel) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
        };
    }

    /** Deletes a folder made by {@link #privateFolder()} and what is left in it. */
    static void delete(Path folder) {
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(folder);
        } catch (IOException alreadyGoneOrBusy) {
            // a temporary folder: the system cleans up what we could not
        }
    }
}
