package org.codeset.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void aFailedWriteIsReportedOnlyOnceTheOthersHaveEnded() {
        AtomicInteger ended = new AtomicInteger();
        List<Integer> items = IntStream.range(0, 40).boxed().toList();
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.forEachInParallel(items, i -> {
            if (i % 20 == 0) {
                throw new IOException("disk full at " + i);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException x) {
                Thread.currentThread().interrupt();
            }
            ended.incrementAndGet();
        }));
        assertEquals(38, ended.get(), "every other write had ended when the failure was reported");
        assertEquals(1, e.getSuppressed().length, "the second failure rides along with the first");
    }

    @Test
    void aReadOnlyFileIsReplacedAndStaysReadOnly() throws Exception {
        Assumptions.assumeTrue(java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path f = Files.writeString(dir.resolve("codes.yaml"), "codes: []\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("r--r--r--"));
        AtomicFiles.write(f, "codes:\n  - code: \"A\"\n".getBytes());
        assertEquals("codes:\n  - code: \"A\"\n", Files.readString(f));
        assertEquals("r--r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        AtomicFiles.replace(f, "x".getBytes());
        assertEquals("r--r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        try (var left = Files.list(dir)) {
            assertEquals(List.of("codes.yaml"), left.map(p -> p.getFileName().toString()).toList(), "no temporary file left");
        }
    }
}
