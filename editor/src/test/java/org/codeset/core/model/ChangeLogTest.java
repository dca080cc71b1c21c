package org.codeset.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** A long series of changes (an editor session) keeps the recent states it may reuse results of. */
class ChangeLogTest {
    @Test
    void recentStatesStayKnownAfterManyChanges() {
        ChangeLog c = ChangeLog.start();
        long first = c.generation();
        long recent = 0;
        for (int i = 0; i < 100; i++) {
            c = c.next(Set.of("k" + i));
            if (i == 90) {
                recent = c.generation();
            }
            // the state just before is always known
            assertEquals(Set.of(), c.changedSince(c.generation()));
        }
        Set<String> expected = new HashSet<>();
        for (int i = 91; i < 100; i++) {
            expected.add("k" + i);
        }
        assertEquals(expected, c.changedSince(recent));
        assertNull(c.changedSince(first), "states older than the kept chain are not known");
    }
}
