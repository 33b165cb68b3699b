package org.mms.offline;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reports bytes read to a {@link Progress}. */
final class CountingInputStream extends FilterInputStream {

    private final Progress progress;
    private final String phase;
    private final long total;
    private long read;

    CountingInputStream(InputStream in, Progress progress, String phase, long total) {
        super(in);
        this.progress = progress;
        this.phase = phase;
        this.total = total;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            read += n;
            progress.update(phase, read, total, "bytes");
        }
        return n;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            read++;
        }
        return b;
    }
}
