package org.lawline.knowledge.law;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;
import org.lawline.knowledge.LawArticle;
import org.lawline.knowledge.analysis.ChineseAnalysis;
import org.lawline.knowledge.embedding.Vectors;
import org.lawline.knowledge.index.HybridIndex;
import org.lawline.knowledge.law.ArticleVectors.ArticleVector;

/** Articles to Lucene documents and back. Thread safe. */
final class ArticleDocuments implements HybridIndex.Documents<LawArticle, ArticleVector> {

    @Override
    public String idField() {
        return LawFields.ID;
    }

    @Override
    public String id(LawArticle article) {
        return article.id();
    }

    @Override
    public Document toDocument(LawArticle article, Optional<ArticleVector> vector) {
        Document doc = new Document();
        doc.add(new StringField(LawFields.ID, article.id(), Field.Store.YES));
        String law = ChineseAnalysis.normalize(LawQueries.shortName(article.law()));
        String heading = article.book() + " " + LawQueries.title(ChineseAnalysis.normalize(article.chapter()));
        String text = ChineseAnalysis.normalize(article.text());
        doc.add(new TextField(LawFields.LAW, law, Field.Store.NO));
        doc.add(new TextField(LawFields.HEADING, heading, Field.Store.NO));
        doc.add(new TextField(LawFields.TEXT, text, Field.Store.NO));
        doc.add(new TextField(LawFields.BIGRAMS, law + "\n" + heading + "\n" + text, Field.Store.NO));
        doc.add(new StoredField(LawFields.STORED_LAW, article.law()));
        doc.add(new StoredField(LawFields.STORED_ARTICLE, article.article()));
        doc.add(new StoredField(LawFields.STORED_TEXT, article.text()));
        doc.add(new StoredField(LawFields.STORED_BOOK, article.book()));
        doc.add(new StoredField(LawFields.STORED_CHAPTER, article.chapter()));
        vector.ifPresent(v -> {
            doc.add(new KnnFloatVectorField(LawFields.VECTOR, v.whole(), VectorSimilarityFunction.DOT_PRODUCT));
            doc.add(new StoredField(LawFields.STORED_VECTOR, Vectors.toBytes(v.whole())));
            for (float[] clause : v.clauses()) {
                doc.add(new StoredField(LawFields.STORED_CLAUSE_VECTOR, Vectors.toBytes(clause)));
            }
        });
        return doc;
    }

    /** The article's stored vectors, if it has them yet. */
    static Optional<ArticleVector> vector(Document doc) {
        BytesRef whole = doc.getBinaryValue(LawFields.STORED_VECTOR);
        if (whole == null) {
            return Optional.empty();
        }
        List<float[]> clauses = new ArrayList<>();
        for (BytesRef clause : doc.getBinaryValues(LawFields.STORED_CLAUSE_VECTOR)) {
            clauses.add(Vectors.fromBytes(clause.bytes, clause.offset, clause.length));
        }
        return Optional.of(new ArticleVector(Vectors.fromBytes(whole.bytes, whole.offset, whole.length), clauses));
    }

    @Override
    public LawArticle toItem(Document doc) {
        return new LawArticle(doc.get(LawFields.ID), doc.get(LawFields.STORED_LAW), doc.get(LawFields.STORED_ARTICLE),
                doc.get(LawFields.STORED_TEXT), doc.get(LawFields.STORED_BOOK), doc.get(LawFields.STORED_CHAPTER));
    }
}
