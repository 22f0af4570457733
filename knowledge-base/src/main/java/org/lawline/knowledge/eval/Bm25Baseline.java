package org.lawline.knowledge.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.lawline.knowledge.analysis.ChineseAnalysis;

/**
 * The baseline: plain Lucene BM25 with {@link StandardAnalyzer} (one token per Chinese
 * character, no stop words for Chinese, no synonyms) over one field holding a document's whole
 * text. The query is every token of the question as an optional term, as the classic query
 * parser makes of it, built in code so punctuation in a question is never syntax.
 */
public final class Bm25Baseline implements Retriever, AutoCloseable {

    private static final String ID = "id";
    private static final String TEXT = "text";
    /** Stays below IndexSearcher's limit of 1,024 clauses. */
    private static final int MAX_TERMS = 1_000;

    private final Analyzer analyzer = new StandardAnalyzer();
    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    /** @param texts each document's id and whole text */
    public Bm25Baseline(Map<String, String> texts) {
        try {
            ByteBuffersDirectory directory = new ByteBuffersDirectory();
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
                for (Map.Entry<String, String> text : texts.entrySet()) {
                    Document doc = new Document();
                    doc.add(new StringField(ID, text.getKey(), Field.Store.YES));
                    doc.add(new TextField(TEXT, text.getValue(), Field.Store.NO));
                    writer.addDocument(doc);
                }
            }
            this.reader = DirectoryReader.open(directory);
            this.searcher = new IndexSearcher(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot build the baseline index in memory", e);
        }
    }

    @Override
    public List<Ranked> rank(String question, int limit) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        List<String> tokens = ChineseAnalysis.tokens(analyzer, question);
        for (String token : tokens.subList(0, Math.min(tokens.size(), MAX_TERMS))) {
            query.add(new TermQuery(new Term(TEXT, token)), BooleanClause.Occur.SHOULD);
        }
        try {
            ScoreDoc[] hits = searcher.search(query.build(), limit).scoreDocs;
            StoredFields stored = searcher.storedFields();
            List<Ranked> ranked = new ArrayList<>(hits.length);
            for (ScoreDoc hit : hits) {
                ranked.add(new Ranked(stored.document(hit.doc).get(ID), Double.NaN));
            }
            return ranked;
        } catch (IOException e) {
            throw new UncheckedIOException("Searching the baseline index failed", e);
        }
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
