package org.lawline.knowledge.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lawline.knowledge.VectorProgress;

class HybridIndexTest {

    /** An item of the index: an id and a text. */
    record Item(String id, String text) {
    }

    /** Stores the item and, once it has one, its "vector" (a string stands in for the floats). */
    static final class ItemDocuments implements HybridIndex.Documents<Item, String> {
        @Override
        public String idField() {
            return "id";
        }

        @Override
        public String id(Item item) {
            return item.id();
        }

        @Override
        public Document toDocument(Item item, Optional<String> vector) {
            Document doc = new Document();
            doc.add(new StringField("id", item.id(), Field.Store.YES));
            doc.add(new StoredField("text", item.text()));
            vector.ifPresent(v -> doc.add(new StoredField("vector", v)));
            return doc;
        }

        @Override
        public Item toItem(Document stored) {
            return new Item(stored.get("id"), stored.get("text"));
        }
    }

    /** Knows no vector beforehand; computes "vector of <text>", or fails when told to. */
    static final class CountingModel implements HybridIndex.Model<Item, String, String> {
        final List<String> computedFor = new ArrayList<>();
        boolean fails;

        @Override
        public Optional<String> known(Item item) {
            return Optional.empty();
        }

        @Override
        public List<String> of(List<Item> items) {
            if (fails) {
                throw new IllegalStateException("the model is gone");
            }
            items.forEach(item -> computedFor.add(item.id()));
            return items.stream().map(item -> "vector of " + item.text()).toList();
        }

        @Override
        public void retainOnly(Collection<Item> items) {
        }

        @Override
        public String ofQuestion(String question) {
            if (fails) {
                throw new IllegalStateException("the model is gone");
            }
            return "vector of " + question;
        }
    }

    private final CountingModel model = new CountingModel();
    private final HybridIndex<Item, String, String> index = new HybridIndex<>("test index",
            new IndexWriterConfig(new StandardAnalyzer()), new ItemDocuments(), Optional.of(model));

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void ofSeveralItemsWithOneIdTheLastWinsInItsOwnPosition() {
        index.replaceAll(List.of(new Item("a", "first a"), new Item("b", "b"), new Item("a", "second a")));

        assertThat(index.size()).isEqualTo(2);
        assertThat(index.find("a")).contains(new Item("a", "second a"));
        assertThat(storedIds()).containsExactly("b", "a");
    }

    @Test
    void itemsAreFoundByIdBeforeTheirVectorsAreIn_andCarryThemAfter() {
        HybridIndex.Build<Item> build = index.replaceAll(List.of(new Item("a", "一"), new Item("b", "二")));

        assertThat(build.lacking()).extracting(Item::id).containsExactly("a", "b");
        assertThat(vectorOf("a")).isEmpty();

        List<Integer> progress = new ArrayList<>();
        index.addVectors(build, (done, total) -> progress.add(done));

        assertThat(vectorOf("a")).contains("vector of 一");
        assertThat(vectorOf("b")).contains("vector of 二");
        assertThat(progress).containsExactly(2);
        assertThat(index.size()).isEqualTo(2);
    }

    @Test
    void theVectorJobOfAnOlderBuildWritesNothing() {
        HybridIndex.Build<Item> older = index.replaceAll(List.of(new Item("gone", "旧")));
        index.replaceAll(List.of(new Item("kept", "新")));

        index.addVectors(older, VectorProgress.NONE);

        // writing by id would have brought the replaced item back
        assertThat(index.find("gone")).isEmpty();
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    void whenTheModelFailsItemsStayFoundByTheirWords() {
        HybridIndex.Build<Item> build = index.replaceAll(List.of(new Item("a", "一")));
        model.fails = true;

        index.addVectors(build, VectorProgress.NONE);
        index.upsert(new Item("b", "二"));

        assertThat(index.find("a")).isPresent();
        assertThat(index.find("b")).isPresent();
        assertThat(vectorOf("b")).isEmpty();
        assertThat(index.meaningOf("问题")).isEmpty();
    }

    @Test
    void anIndexOfWordsAloneRunsNoModel() {
        try (HybridIndex<Item, String, String> words = new HybridIndex<>("words", new IndexWriterConfig(new StandardAnalyzer()),
                new ItemDocuments(), Optional.<CountingModel>empty())) {
            HybridIndex.Build<Item> build = words.replaceAll(List.of(new Item("a", "一")));
            words.addVectors(build, VectorProgress.NONE);

            assertThat(build.lacking()).isEmpty();
            assertThat(words.hybrid()).isFalse();
            assertThat(words.meaningOf("问题")).isEmpty();
        }
        assertThat(model.computedFor).isEmpty();
    }

    private List<String> storedIds() {
        return index.read(searcher -> {
            List<String> ids = new ArrayList<>();
            for (int doc = 0; doc < searcher.getIndexReader().maxDoc(); doc++) {
                ids.add(searcher.storedFields().document(doc).get("id"));
            }
            return ids;
        });
    }

    private Optional<String> vectorOf(String id) {
        return index.read(searcher -> {
            TopDocs top = searcher.search(new TermQuery(new Term("id", id)), 1);
            return Optional.ofNullable(searcher.storedFields().document(top.scoreDocs[0].doc).get("vector"));
        });
    }
}
