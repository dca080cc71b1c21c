package org.codeset.core.validate;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The keys a file's findings depend on (codes, displays, code sets it looked up), asked one
 * question: does a set of changed keys touch any of them? Kept exactly in memory; saved between
 * runs as a Bloom filter, which can only err towards rechecking a file (never towards keeping a
 * stale finding) and takes a few kilobytes instead of every key.
 */
public abstract sealed class Dependencies {
    /** Whether any changed key may be one of these. */
    public abstract boolean touchedBy(Set<String> changed);

    /** Whether every key of {@code other} may be one of these (a saved entry still covers them). */
    abstract boolean covers(Set<String> keys);

    static Dependencies of(Set<String> keys) {
        return new Exact(keys);
    }

    /** The exact keys. */
    static final class Exact extends Dependencies {
        final Set<String> keys;

        Exact(Set<String> keys) {
            this.keys = keys;
        }

        @Override
        public boolean touchedBy(Set<String> changed) {
            Set<String> small = changed.size() < keys.size() ? changed : keys;
            Set<String> large = small == changed ? keys : changed;
            for (String k : small) {
                if (large.contains(k)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        boolean covers(Set<String> other) {
            return keys.containsAll(other);
        }
    }

    /**
     * A Bloom filter of the code, display and code-set keys (about 10 bits a key, 5 hashes: under
     * 1% false positives), and the few file keys ({@code p:}, for findings that point into other
     * files) exactly: those change with every edit of a file, so a filter would often say yes.
     */
    static final class Bloom extends Dependencies {
        private static final int HASHES = 5;
        final long[] bits;
        final Set<String> files;

        Bloom(long[] bits, Set<String> files) {
            this.bits = bits;
            this.files = files;
        }

        static Bloom of(Set<String> keys) {
            java.util.Set<String> files = new java.util.HashSet<>();
            int n = 0;
            for (String k : keys) {
                if (k.startsWith("p:")) {
                    files.add(k);
                } else {
                    n++;
                }
            }
            int nbits = Math.max(64, Integer.highestOneBit(Math.max(1, n * 10)) * 2);
            Bloom b = new Bloom(new long[nbits / 64], java.util.Set.copyOf(files));
            for (String k : keys) {
                if (!k.startsWith("p:")) {
                    b.add(k);
                }
            }
            return b;
        }

        private void add(String key) {
            long h = hash(key);
            for (int i = 0; i < HASHES; i++) {
                int bit = bit(h, i);
                bits[bit >>> 6] |= 1L << bit;
            }
        }

        /** The i-th bit of a key (double hashing over the two halves of its 64-bit hash). */
        private int bit(long h, int i) {
            return Math.floorMod((int) h + i * (int) (h >>> 32), bits.length * 64);
        }

        boolean mayContain(String key) {
            if (key.startsWith("p:")) {
                return files.contains(key);
            }
            long h = hash(key);
            for (int i = 0; i < HASHES; i++) {
                int bit = bit(h, i);
                if ((bits[bit >>> 6] & (1L << bit)) == 0) {
                    return false;
                }
            }
            return true;
        }

        /** 64-bit FNV-1a over the UTF-8 bytes: stable across runs and JVMs (unlike String.hashCode's use here). */
        private static long hash(String key) {
            long h = 0xcbf29ce484222325L;
            for (byte c : key.getBytes(StandardCharsets.UTF_8)) {
                h ^= c & 0xff;
                h *= 0x100000001b3L;
            }
            return h;
        }

        @Override
        public boolean touchedBy(Set<String> changed) {
            for (String k : changed) {
                if (mayContain(k)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        boolean covers(Set<String> keys) {
            for (String k : keys) {
                if (!mayContain(k)) {
                    return false;
                }
            }
            return true;
        }

        void write(DataOutputStream out) throws IOException {
            out.writeInt(bits.length);
            for (long b : bits) {
                out.writeLong(b);
            }
            out.writeInt(files.size());
            for (String f : files) {
                out.writeUTF(f);
            }
        }

        static Bloom read(DataInputStream in) throws IOException {
            long[] bits = new long[in.readInt()];
            for (int i = 0; i < bits.length; i++) {
                bits[i] = in.readLong();
            }
            int n = in.readInt();
            java.util.Set<String> files = new java.util.HashSet<>();
            for (int i = 0; i < n; i++) {
                files.add(in.readUTF());
            }
            return new Bloom(bits, files);
        }
    }
}
