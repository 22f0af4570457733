package org.lawline.knowledge.law;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lawline.knowledge.ImportLimits;
import org.lawline.knowledge.ImportProgress;
import org.lawline.knowledge.ImportReport;
import org.lawline.knowledge.KnowledgeWiring;
import org.lawline.knowledge.LawArticle;
import org.lawline.knowledge.LawArticleImport;

class LawArticleImportTest {

    @TempDir
    Path folder;

    private final LawArticleImport importer = KnowledgeWiring.lawArticleImport(ImportLimits.DEFAULTS);

    @Test
    void goodRowsAreReadAndBadRowsAreReportedByLine() {
        String file = String.join("\n",
                "{\"law\": \"中华人民共和国劳动法\", \"article\": \"第五十条\", \"text\": \"工资应当以货币形式按月支付给劳动者本人。\"}",
                "",
                "{\"law\": \"中华人民共和国劳动法\", \"article\": \"第五十条\"}",
                "not json",
                "{\"law\": \"中华人民共和国劳动法\", \"article\": \"五十\", \"text\": \"…\"}",
                "{\"id\": \"art:民法典第一条\", \"law\": \"中华人民共和国劳动法\", \"article\": \"第一条\", \"text\": \"…\"}",
                "{\"law\": \"工伤保险条例\", \"article\": \"第十四条之一\", \"text\": \"条文。\", \"book\": \"\", \"chapter\": \"第三章  工伤认定\"}");
        List<LawArticle> read = new ArrayList<>();

        ImportReport report = importer.read(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), read::add,
                ImportProgress.NONE);

        assertThat(read).extracting(LawArticle::id).containsExactly("art:劳动法第五十条", "art:工伤保险条例第十四条之一");
        assertThat(report.imported()).isEqualTo(2);
        assertThat(report.rejected()).extracting(ImportReport.RejectedRow::line).containsExactly(3L, 4L, 5L, 6L);
        assertThat(report.rejected().get(0).reason()).contains("text");
        assertThat(report.rejected().get(1).reason()).startsWith("bad JSON");
        assertThat(report.rejected().get(2).reason()).contains("第…条");
        assertThat(report.rejected().get(3).reason()).contains("art:劳动法第一条");
    }

    @Test
    void aFileIsTakenForArticlesByItsContent() throws IOException {
        Path articles = Files.writeString(folder.resolve("laws.jsonl"),
                "\n{\"id\": \"art:劳动法第五十条\", \"law\": \"中华人民共和国劳动法\", \"article\": \"第五十条\", \"text\": \"…\"}\n");
        Path entries = Files.writeString(folder.resolve("faq.jsonl"),
                "{\"id\": \"x\", \"question\": \"问\", \"answer\": \"答\", \"article\": \"第一条\", \"text\": \"…\"}\n");
        Path csv = Files.writeString(folder.resolve("faq.csv"), "id,question,answer\nx,问,答\n");

        assertThat(importer.holdsArticles(articles)).isTrue();
        assertThat(importer.holdsArticles(entries)).isFalse();
        assertThat(importer.holdsArticles(csv)).isFalse();
    }
}
