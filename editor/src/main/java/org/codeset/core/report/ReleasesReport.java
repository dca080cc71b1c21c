package org.codeset.core.report;

import java.util.List;

import org.codeset.core.history.Release;
import org.codeset.core.history.ReleaseHistory;

import tools.jackson.databind.node.ArrayNode;

/** The releases of code sets, as {@code codeset releases --format json} lists them. */
public final class ReleasesReport {
    private ReleasesReport() {
    }

    /**
     * An array, in the order given, of objects with codeset, version, tag, date (an ISO instant),
     * commit, codes (how many the release has) and changes (since the release before).
     */
    public static Report json(List<ReleaseHistory.Summary> summaries) {
        ArrayNode array = Formats.JSON.createArrayNode();
        for (ReleaseHistory.Summary s : summaries) {
            Release r = s.release();
            array.addObject().put("codeset", r.codeset()).put("version", r.version().toString()).put("tag", r.tag())
                    .put("date", r.date().toString()).put("commit", r.commit())
                    .put("codes", s.codes()).put("changes", s.changes());
        }
        return Formats.json(array);
    }
}
