package org.lawline.knowledge.search;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.lawline.knowledge.FaqEntry;

/**
 * Entries read back from the index, kept per segment once decoded. A search weighs 20 to 40
 * candidates; reading each one's stored fields (a compressed block apiece) and normalising its
 * answer again at every search cost more than the rest of a keyword search together. A segment
 * never changes once written, so what was read of it stays right until it is dropped: an edit
 * or removal writes a new segment or marks a document deleted, and deleted documents are never
 * hits. Each segment's slots go when Lucene closes the segment.
 *
 * <p>At most every live document is held once (about 4 KB each with a vector: 20 MB at 5,000
 * entries). Thread safe: two searches decoding the same document at once both decode it, and
 * either result is kept.
 */
final class IndexedEntries {

    private final Map<IndexReader.CacheKey, AtomicReferenceArray<IndexedEntry>> segments = new ConcurrentHashMap<>();

    /** The entry at this segment-local document id. */
    IndexedEntry of(LeafReaderContext leaf, int localDoc) throws IOException {
        LeafReader reader = leaf.reader();
        IndexReader.CacheHelper helper = reader.getCoreCacheHelper();
        if (helper == null) {
            // a reader that cannot tell when it is closed: nothing may be kept for it
            return decode(reader.storedFields().document(localDoc));
        }
        AtomicReferenceArray<IndexedEntry> slots = segments.get(helper.getKey());
        if (slots == null) {
            slots = segments.computeIfAbsent(helper.getKey(), key -> {
                helper.addClosedListener(segments::remove);
                return new AtomicReferenceArray<>(reader.maxDoc());
            });
        }
        IndexedEntry known = slots.get(localDoc);
        if (known != null) {
            return known;
        }
        IndexedEntry decoded = decode(reader.storedFields().document(localDoc));
        slots.compareAndSet(localDoc, null, decoded);
        return decoded;
    }

    /** Segments with slots: for tests. */
    int segments() {
        return segments.size();
    }

    private static IndexedEntry decode(Document doc) {
        FaqEntry entry = FaqDocuments.toEntry(doc);
        String asked = comparable(entry.question() + "\n" + String.join("\n", entry.phrasings()));
        String told = comparable(entry.answer() + "\n" + entry.category());
        return new IndexedEntry(entry, asked, told, FaqDocuments.askedTerms(doc), FaqDocuments.vector(doc));
    }

    private static String comparable(String text) {
        return Vocabulary.normalize(text).toLowerCase(Locale.ROOT);
    }
}
