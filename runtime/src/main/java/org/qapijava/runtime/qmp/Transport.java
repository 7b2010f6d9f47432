package org.qapijava.runtime.qmp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;

/** A byte stream to QEMU's monitor: a unix socket, a TCP socket, or a process's stdin and stdout. */
public interface Transport extends AutoCloseable {

    InputStream input();

    OutputStream output();

    @Override
    void close() throws IOException;

    /** A unix socket ({@code -qmp unix:PATH,server=on,wait=off}), through the JDK's own unix socket channels. */
    static Transport unix(Path path) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(path));
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        // not Channels.newInputStream/newOutputStream: those share the channel's blocking lock, so a read
        // waiting for QEMU would hold up every write
        InputStream in = new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                return length == 0 ? 0 : channel.read(ByteBuffer.wrap(bytes, offset, length));
            }
        };
        OutputStream out = new OutputStream() {
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
        return new Transport() {
            public InputStream input() {
                return in;
            }

            public OutputStream output() {
                return out;
            }

            public void close() throws IOException {
                channel.close();
            }
        };
    }

    /** A TCP socket ({@code -qmp tcp:HOST:PORT,server=on,wait=off}), with a connect timeout. */
    static Transport tcp(String host, int port, Duration connectTimeout) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
            socket.setTcpNoDelay(true);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        return new Transport() {
            public InputStream input() {
                return in;
            }

            public OutputStream output() {
                return out;
            }

            public void close() throws IOException {
                socket.close();
            }
        };
    }

    /** A QEMU started with {@code -qmp stdio}: its stdout and stdin. Closing destroys the process. */
    static Transport process(Process process) {
        return new Transport() {
            public InputStream input() {
                return process.getInputStream();
            }

            public OutputStream output() {
                return process.getOutputStream();
            }

            public void close() {
                process.destroy();
            }
        };
    }
}
