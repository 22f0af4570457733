package org.lawline.knowledge.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.lawline.knowledge.BundledKnowledge;
import org.lawline.knowledge.FaqEntry;
import org.lawline.knowledge.FaqIndex;
import org.lawline.knowledge.FaqMatch;
import org.lawline.knowledge.ImportFailed;
import org.lawline.knowledge.ImportLimits;
import org.lawline.knowledge.ImportReport;
import org.lawline.knowledge.LawArticle;
import org.lawline.knowledge.LawArticleIndex;
import org.lawline.knowledge.QueryPart;
import org.lawline.knowledge.SearchEvaluation;
import org.lawline.knowledge.embedding.QuestionVectors;
import org.lawline.knowledge.importing.FaqFileReader;
import org.lawline.knowledge.importing.LawArticleFileReader;
import org.lawline.knowledge.law.LuceneLawArticles;
import org.lawline.knowledge.search.LuceneFaqSearch;
import org.lawline.knowledge.tuning.CrossValidation;
import org.lawline.knowledge.tuning.Judged;
import org.lawline.knowledge.tuning.RankScores;
import org.lawline.knowledge.tuning.TunableRanking;

/**
 * Measures LawLine's search against plain BM25 on labelled queries, both methods on the same
 * queries in one run, each over an index built in memory from the given file (no database).
 * LawLine's law search also consults, as in the service, a FAQ index: here the bundled entries
 * ({@link BundledKnowledge}), whose citations of articles lift the articles they cite.
 */
public final class Evaluation implements SearchEvaluation {

    /**
     * {@inheritDoc}
     *
     * <p>Each index is built in memory from the documents file and closed when the run ends; the
     * law search's FAQ index, from the bundled entries.
     */
    @Override
    public EvaluationReport run(Corpus corpus, Path documents, Path queriesFile, double declineBelow,
                                Optional<Path> embeddingCache, Optional<AnswerPolicy> policy, QueryPart part,
                                OptionalInt folds, Progress progress) {
        List<LabelledQuery> queries = QueriesFile.read(queriesFile).stream().filter(q -> part.holds(q.text())).toList();
        if (queries.isEmpty()) {
            throw new ImportFailed(queriesFile.getFileName() + " holds no query in the part " + part);
        }
        Map<String, String> texts = new LinkedHashMap<>();
        return switch (corpus) {
            case FAQ -> {
                List<FaqEntry> entries = new ArrayList<>();
                ImportReport read = new FaqFileReader(ImportLimits.DEFAULTS).read(documents, entries::add,
                        (rows, bytes, total) -> progress.progressed("read", (int) rows, -1));
                requireRows(read, documents);
                for (FaqEntry entry : entries) {
                    texts.put(entry.id(), String.join("\n", entry.question(), String.join("\n", entry.phrasings()),
                            entry.answer(), entry.category()));
                }
                try (FaqIndex index = embeddingCache.map(LuceneFaqSearch::hybrid).orElseGet(LuceneFaqSearch::new);
                     Bm25Baseline baseline = new Bm25Baseline(texts)) {
                    progress.progressed("index", 0, entries.size());
                    index.replaceAll(entries, (done, total) -> progress.progressed("vectors", done, total));
                    progress.progressed("index", entries.size(), entries.size());
                    List<Decision> decisions = new ArrayList<>();
                    Retriever lawline = (question, limit) -> {
                        List<FaqMatch> matches = index.search(question, limit);
                        policy.ifPresent(p -> decisions.add(p.decide(matches)));
                        return matches.stream().map(m -> new Retriever.Ranked(m.entry().id(), m.confidence())).toList();
                    };
                    EvaluationReport report = report(corpus, index.size(), read, queries, baseline, lawline, declineBelow,
                            progress);
                    report = policy.isEmpty() ? report : report.withCalibration(calibration("lawline", queries, decisions));
                    yield crossValidated(report, index, queries, folds, progress);
                }
            }
            case LAWS -> {
                List<LawArticle> articles = new ArrayList<>();
                ImportReport read = new LawArticleFileReader(ImportLimits.DEFAULTS).read(documents, articles::add,
                        (rows, bytes, total) -> progress.progressed("read", (int) rows, -1));
                requireRows(read, documents);
                for (LawArticle article : articles) {
                    texts.put(article.id(), String.join("\n", article.law(), article.book(), article.chapter(),
                            article.text()));
                }
                // the law search consults the team's own entries, as the service's does its live FAQ index;
                // never the corpus's own FAQ file (LeCoQA's entries are the statute questions: a lookup)
                try (FaqIndex bundled = embeddingCache.map(LuceneFaqSearch::hybrid).orElseGet(LuceneFaqSearch::new);
                     LawArticleIndex index = LuceneLawArticles.hybrid(embeddingCache, QuestionVectors.shared(), bundled);
                     Bm25Baseline baseline = new Bm25Baseline(texts)) {
                    progress.progressed("index", 0, articles.size());
                    // a first run embeds the bundled entries too (cached after): shown as the articles' vectors are
                    bundled.replaceAll(BundledKnowledge.faqEntries(), (done, total) -> progress.progressed("vectors", done, total));
                    index.replaceAll(articles);
                    index.awaitVectors((done, total) -> progress.progressed("vectors", done, total));
                    progress.progressed("index", articles.size(), articles.size());
                    Retriever lawline = (question, limit) -> index.search(question, limit).stream()
                            .map(m -> new Retriever.Ranked(m.article().id(), Double.NaN)).toList();
                    yield crossValidated(report(corpus, index.size(), read, queries, baseline, lawline, declineBelow, progress),
                            index, queries, folds, progress);
                }
            }
        };
    }

    /** The report with the cross-validated figures of the index's ranking, when folds are asked for. */
    private static EvaluationReport crossValidated(EvaluationReport report, Object index, List<LabelledQuery> queries,
                                                   OptionalInt folds, Progress progress) {
        if (folds.isEmpty()) {
            return report;
        }
        if (!(index instanceof TunableRanking<?> tunable)) {
            throw new ImportFailed("this search's ranking cannot be learned again: no cross-validation for it");
        }
        return report.withCrossValidation(crossValidated(tunable, queries, folds.getAsInt(), progress));
    }

    private static <Q extends Judged> EvaluationReport.CrossValidatedScore crossValidated(
            TunableRanking<Q> tunable, List<LabelledQuery> queries, int folds, Progress progress) {
        List<Q> searched = new ArrayList<>(queries.size());
        for (LabelledQuery query : queries) {
            searched.add(tunable.candidates(query.text(), query.gold()));
            progress.progressed("cv", searched.size(), queries.size());
        }
        CrossValidation.Outcome outcome = CrossValidation.run(searched, folds, tunable.learner());
        RankScores pooled = outcome.pooled();
        List<EvaluationReport.CrossValidatedScore.FoldChoice> perFold = outcome.perFold().stream()
                .map(f -> new EvaluationReport.CrossValidatedScore.FoldChoice(f.fold(), f.scores().n(), f.fitted(),
                        f.scores().top1(), f.scores().r3()))
                .toList();
        return new EvaluationReport.CrossValidatedScore("lawline", folds, pooled.n(), pooled.top1(), pooled.r3(),
                pooled.mrr10(), perFold);
    }

    /** Decisions are in the order of the queries: the harness searches each query once, in order. */
    private static EvaluationReport.CalibrationScore calibration(String method, List<LabelledQuery> queries,
                                                                 List<Decision> decisions) {
        int answered = 0;
        int rightlyAnswered = 0;
        int choices = 0;
        int declined = 0;
        for (int i = 0; i < decisions.size(); i++) {
            Decision decision = decisions.get(i);
            if (decision instanceof Decision.Answer answer) {
                answered++;
                if (queries.get(i).gold().contains(answer.entryId())) {
                    rightlyAnswered++;
                }
            } else if (decision instanceof Decision.Choices) {
                choices++;
            } else {
                declined++;
            }
        }
        int n = decisions.size();
        return new EvaluationReport.CalibrationScore(method, n,
                n == 0 ? 0 : (double) answered / n,
                answered == 0 ? 1.0 : (double) rightlyAnswered / answered,
                n == 0 ? 0 : (double) choices / n,
                n == 0 ? 0 : (double) declined / n);
    }

    private static void requireRows(ImportReport read, Path documents) {
        if (read.imported() == 0) {
            throw new ImportFailed(documents.getFileName() + " holds no usable row"
                    + (read.rejected().isEmpty() ? "" : "; line " + read.rejected().get(0).line() + ": "
                    + read.rejected().get(0).reason()));
        }
    }

    private static EvaluationReport report(Corpus corpus, int documents, ImportReport read, List<LabelledQuery> queries,
                                           Retriever baseline, Retriever lawline, double declineBelow,
                                           Progress progress) {
        Harness.Score bm25 = Harness.measure(queries, baseline, declineBelow,
                (done, total) -> progress.progressed("bm25", done, total));
        Harness.Score ours = Harness.measure(queries, lawline, declineBelow,
                (done, total) -> progress.progressed("lawline", done, total));
        List<EvaluationReport.NoAnswerScore> noAnswer = new ArrayList<>();
        ours.noAnswer().ifPresent(na -> noAnswer.add(
                new EvaluationReport.NoAnswerScore("lawline", na.threshold(), na.declined(), na.precision())));
        return new EvaluationReport(corpus, documents, read.rejectedCount(), List.of(), List.of(), noAnswer,
                List.of(score("bm25", bm25), score("lawline", ours)));
    }

    private static EvaluationReport.MethodScore score(String method, Harness.Score score) {
        return new EvaluationReport.MethodScore(method, score.n(), score.top1(), score.r3(), score.mrr10());
    }
}
