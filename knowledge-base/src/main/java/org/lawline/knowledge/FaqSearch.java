package org.lawline.knowledge;

import java.util.List;
import java.util.Optional;

/**
 * Finds knowledge-base entries for a citizen's question. Implementations are thread safe.
 */
public interface FaqSearch {

    /**
     * The best entries for the text, best first; empty when nothing matches. The text is a
     * citizen's words: it is never interpreted as query syntax.
     */
    List<FaqMatch> search(String text, int limit);

    /** The entry with this id, if it exists. */
    Optional<FaqEntry> find(String id);
}
