package org.lawline.knowledge.search;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;
import org.lawline.knowledge.FaqEntry;
import org.lawline.knowledge.LawReference;
import org.lawline.knowledge.embedding.Vectors;
import org.lawline.knowledge.index.HybridIndex;

/** Entries to Lucene documents and back. Thread safe. */
final class FaqDocuments implements HybridIndex.Documents<FaqEntry, EntryVector> {

    private final Vocabulary vocabulary;

    FaqDocuments(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** The entry's document without a vector: found by words alone until its vector is added. */
    Document toDocument(FaqEntry entry) {
        return toDocument(entry, Optional.empty());
    }

    @Override
    public String idField() {
        return FaqFields.ID;
    }

    @Override
    public String id(FaqEntry entry) {
        return entry.id();
    }

    @Override
    public FaqEntry toItem(Document stored) {
        return toEntry(stored);
    }

    @Override
    public Document toDocument(FaqEntry entry, Optional<EntryVector> vector) {
        Document doc = new Document();
        doc.add(new StringField(FaqFields.ID, entry.id(), Field.Store.YES));
        // searched text is normalised like questions are; the stored copy keeps what was written
        doc.add(new TextField(FaqFields.QUESTION, Vocabulary.normalize(entry.question()), Field.Store.NO));
        doc.add(new StoredField(FaqFields.STORED_QUESTION, entry.question()));
        for (String phrasing : entry.phrasings()) {
            doc.add(new TextField(FaqFields.PHRASING, Vocabulary.normalize(phrasing), Field.Store.NO));
            doc.add(new StoredField(FaqFields.STORED_PHRASING, phrasing));
        }
        doc.add(new TextField(FaqFields.ANSWER, Vocabulary.normalize(entry.answer()), Field.Store.NO));
        doc.add(new StoredField(FaqFields.STORED_ANSWER, entry.answer()));
        doc.add(new TextField(FaqFields.CATEGORY, Vocabulary.normalize(entry.category()), Field.Store.NO));
        doc.add(new StoredField(FaqFields.STORED_CATEGORY, entry.category()));
        // analysed once here rather than at every search that weighs this entry's confidence
        doc.add(new StoredField(FaqFields.STORED_ASKED_TERMS, words(entry.question())));
        for (String phrasing : entry.phrasings()) {
            doc.add(new StoredField(FaqFields.STORED_ASKED_TERMS, words(phrasing)));
        }
        for (LawReference ref : entry.lawRefs()) {
            // law and article kept apart, so a reference made in code needs no parsing back
            doc.add(new StoredField(FaqFields.STORED_LAW, ref.law()));
            doc.add(new StoredField(FaqFields.STORED_ARTICLE, ref.article()));
        }
        vector.ifPresent(v -> {
            doc.add(new KnnFloatVectorField(FaqFields.VECTOR, v.asked(), VectorSimilarityFunction.DOT_PRODUCT));
            doc.add(new StoredField(FaqFields.STORED_VECTOR, Vectors.toBytes(v.asked())));
            doc.add(new StoredField(FaqFields.STORED_WHOLE_VECTOR, Vectors.toBytes(v.whole())));
        });
        return doc;
    }

    /** The entry's stored vectors, if it has them yet. */
    static Optional<EntryVector> vector(Document doc) {
        BytesRef asked = doc.getBinaryValue(FaqFields.STORED_VECTOR);
        BytesRef whole = doc.getBinaryValue(FaqFields.STORED_WHOLE_VECTOR);
        if (asked == null || whole == null) {
            return Optional.empty();
        }
        return Optional.of(new EntryVector(Vectors.fromBytes(asked.bytes, asked.offset, asked.length),
                Vectors.fromBytes(whole.bytes, whole.offset, whole.length)));
    }

    /** The words of the entry's question and of each phrasing, as {@link Vocabulary#questionTerms} finds them. */
    static List<List<String>> askedTerms(Document doc) {
        return Arrays.stream(doc.getValues(FaqFields.STORED_ASKED_TERMS))
                .map(words -> words.isEmpty() ? List.<String>of() : List.of(words.split(" ")))
                .toList();
    }

    private String words(String sentence) {
        // tokens never hold a space: smartcn splits on it
        return vocabulary.questionTerms(sentence).stream().map(QueryTerm::word).collect(Collectors.joining(" "));
    }

    static FaqEntry toEntry(Document doc) {
        String[] laws = doc.getValues(FaqFields.STORED_LAW);
        String[] articles = doc.getValues(FaqFields.STORED_ARTICLE);
        List<LawReference> lawRefs = IntStream.range(0, laws.length)
                .mapToObj(i -> new LawReference(laws[i], articles[i]))
                .toList();
        return new FaqEntry(
                doc.get(FaqFields.ID),
                doc.get(FaqFields.STORED_QUESTION),
                List.of(doc.getValues(FaqFields.STORED_PHRASING)),
                doc.get(FaqFields.STORED_ANSWER),
                doc.get(FaqFields.STORED_CATEGORY),
                lawRefs);
    }
}
