package org.codeset.core.io;

import java.io.ByteArrayOutputStream;

/**
 * A {@link ByteArrayOutputStream} for one thread: its writes are not synchronized. The binary
 * caches write a 30 MB model through {@link java.io.DataOutputStream} one byte at a time, and the
 * lock of {@code ByteArrayOutputStream.write(int)} was a tenth of the cost of storing them.
 */
public final class ByteSink extends ByteArrayOutputStream {
    public ByteSink(int size) {
        super(size);
    }

    @Override
    public void write(int b) {
        if (count == buf.length) {
            buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, 64));
        }
        buf[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (count + len > buf.length) {
            buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, count + len));
        }
        System.arraycopy(b, off, buf, count, len);
        count += len;
    }
}
