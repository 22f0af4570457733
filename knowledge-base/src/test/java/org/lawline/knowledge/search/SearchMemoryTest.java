package org.lawline.knowledge.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lawline.knowledge.Fixtures.entry;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lawline.knowledge.FaqEntry;

/**
 * What searches keep between them (decoded entries per segment, word counts per view of the
 * index) follows the index: an edit is never answered from what was read before it, and what
 * was kept for a closed view is let go.
 */
class SearchMemoryTest {

    private static final FaqEntry WAGES = entry("wages", "老板拖欠工资怎么办？", "可以向劳动保障监察机构投诉。");

    private final Vocabulary vocabulary = Vocabulary.bundled();
    private final FaqDocuments documents = new FaqDocuments(vocabulary);
    private final IndexWriter writer;

    SearchMemoryTest() throws IOException {
        writer = new IndexWriter(new ByteBuffersDirectory(), new IndexWriterConfig(vocabulary.analyzer()));
    }

    @AfterEach
    void close() throws IOException {
        writer.close();
    }

    @Test
    void anEntryIsDecodedOnceAndReadyForTheConfidence() throws IOException {
        writer.addDocument(documents.toDocument(WAGES));
        IndexedEntries indexed = new IndexedEntries();
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            LeafReaderContext leaf = reader.leaves().get(0);

            IndexedEntry first = indexed.of(leaf, 0);

            assertThat(indexed.of(leaf, 0)).isSameAs(first);
            assertThat(first.entry()).isEqualTo(WAGES);
            assertThat(first.asked()).startsWith("老板拖欠工资怎么办?"); // full-width ？ normalised
            assertThat(first.told()).contains("劳动保障监察机构");
            assertThat(first.askedTerms()).containsExactly(List.of("老板", "拖欠", "工资"));
            assertThat(first.vector()).isEmpty();
        }
    }

    @Test
    void anEditedEntryIsReadFromItsNewSegmentAndTheOldSegmentIsLetGo() throws IOException {
        writer.addDocument(documents.toDocument(WAGES));
        IndexedEntries indexed = new IndexedEntries();
        DirectoryReader before = DirectoryReader.open(writer);
        assertThat(indexed.of(before.leaves().get(0), 0).entry().answer()).isEqualTo(WAGES.answer());

        FaqEntry edited = entry("wages", "老板拖欠工资怎么办？", "先保存考勤和工资条，再向劳动监察投诉。");
        writer.updateDocument(new Term(FaqFields.ID, "wages"), documents.toDocument(edited));
        writer.forceMerge(1);
        try (DirectoryReader after = DirectoryReader.openIfChanged(before, writer)) {
            LeafReaderContext leaf = after.leaves().get(0);

            assertThat(indexed.of(leaf, firstLive(leaf)).entry().answer()).isEqualTo(edited.answer());
            assertThat(indexed.segments()).isEqualTo(2);
            before.close(); // the merged-away segment's last reader
            assertThat(indexed.segments()).isEqualTo(1);
        }
    }

    @Test
    void wordCountsBelongToOneViewOfTheIndex() throws IOException {
        writer.addDocument(documents.toDocument(WAGES));
        EntryCounts counts = new EntryCounts();
        QueryTerm wages = vocabulary.questionTerms("工资").get(0);
        DirectoryReader before = DirectoryReader.open(writer);
        assertThat(counts.of(new IndexSearcher(before)).holding(wages)).isEqualTo(1);

        writer.addDocument(documents.toDocument(entry("overtime", "加班工资怎么算？", "按百分之一百五十支付。")));
        try (DirectoryReader after = DirectoryReader.openIfChanged(before, writer)) {
            EntryCounts.Counts now = counts.of(new IndexSearcher(after));

            assertThat(now.holding(wages)).isEqualTo(2);
            assertThat(now.entries()).isEqualTo(2);
            assertThat(counts.of(new IndexSearcher(before)).holding(wages)).isEqualTo(1);
            before.close();
            assertThat(counts.views()).isEqualTo(1);
        }
        assertThat(counts.views()).isZero();
    }

    private static int firstLive(LeafReaderContext leaf) {
        for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
            if (leaf.reader().getLiveDocs() == null || leaf.reader().getLiveDocs().get(doc)) {
                return doc;
            }
        }
        throw new AssertionError("no live document");
    }
}
