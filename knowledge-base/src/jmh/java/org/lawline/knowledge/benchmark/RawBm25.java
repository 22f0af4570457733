package org.lawline.knowledge.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.lawline.knowledge.FaqEntry;

/**
 * The baseline: plain Lucene BM25 with StandardAnalyzer (one token per Chinese character) over
 * question, phrasings and answer in one field, the query built from the same tokens. Not thread safe to build; searching is.
 */
final class RawBm25 implements AutoCloseable {

    private static final String TEXT = "text";
    private static final String ID = "id";

    private final Analyzer analyzer = new StandardAnalyzer();
    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    RawBm25(List<FaqEntry> entries) {
        try {
            ByteBuffersDirectory directory = new ByteBuffersDirectory();
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
                for (FaqEntry entry : entries) {
                    Document doc = new Document();
                    doc.add(new StringField(ID, entry.id(), Field.Store.YES));
                    doc.add(new TextField(TEXT, entry.question() + "\n" + String.join("\n", entry.phrasings())
                            + "\n" + entry.answer(), Field.Store.NO));
                    writer.addDocument(doc);
                }
            }
            reader = DirectoryReader.open(directory);
            searcher = new IndexSearcher(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ids of the best entries, best first. */
    List<String> search(String text, int limit) {
        try {
            BooleanQuery.Builder query = new BooleanQuery.Builder();
            int clauses = 0;
            try (TokenStream tokens = analyzer.tokenStream(TEXT, text)) {
                CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
                tokens.reset();
                while (tokens.incrementToken() && clauses++ < IndexSearcher.getMaxClauseCount()) {
                    query.add(new TermQuery(new Term(TEXT, term.toString())), BooleanClause.Occur.SHOULD);
                }
                tokens.end();
            }
            List<String> ids = new ArrayList<>(limit);
            for (ScoreDoc hit : searcher.search(query.build(), limit).scoreDocs) {
                ids.add(searcher.storedFields().document(hit.doc).get(ID));
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
