package org.qapijava.runtime.qmp;

import java.io.IOException;
import java.io.InputStream;

/**
 * QEMU's byte stream with a limit on each message's size: the reader marks where a message begins and ends
 * (byte offsets, from the JSON parser), and a read for a message already past the limit fails, so that an
 * endless message cannot grow without bound. The parser reads ahead by its buffer, so the stream notices
 * within one buffer; {@link #checkLength} then judges each complete message exactly.
 */
final class SizeLimitedInput extends InputStream {

    /** A message over the limit. */
    static final class TooLargeException extends IOException {
        TooLargeException(long limit) {
            super("a QMP message is larger than the limit of " + limit + " bytes (QmpOptions.maxMessageBytes)");
        }
    }

    private final InputStream in;
    private final long limit;
    private long consumed;
    private long messageStart = -1;

    SizeLimitedInput(InputStream in, long limit) {
        this.in = in;
        this.limit = limit;
    }

    /** A message begins at this byte offset. */
    void begin(long offset) {
        messageStart = offset;
    }

    /** The message that began ends at this byte offset: fails if it was over the limit. */
    void checkLength(long end) throws TooLargeException {
        long start = messageStart;
        messageStart = -1;
        if (start >= 0 && end - start > limit) {
            throw new TooLargeException(limit);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        if (messageStart >= 0 && consumed - messageStart > limit) {
            throw new TooLargeException(limit);
        }
        int n = in.read(bytes, offset, length);
        if (n > 0) {
            consumed += n;
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
