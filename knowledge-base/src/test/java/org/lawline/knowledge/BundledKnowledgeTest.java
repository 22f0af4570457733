package org.lawline.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class BundledKnowledgeTest {

    @Test
    void theBundledEntriesLoadWithUniqueIds() {
        List<FaqEntry> entries = BundledKnowledge.faqEntries();

        assertThat(entries).hasSizeGreaterThanOrEqualTo(12);
        assertThat(entries).extracting(FaqEntry::id).doesNotHaveDuplicates();
        assertThat(entries).allSatisfy(e -> assertThat(e.lawRefs()).as(e.id()).isNotEmpty());
    }

    @Test
    void everyCitedArticleExistsInTheSharedLawCorpus() throws IOException {
        Set<String> articles = new HashSet<>();
        JsonMapper json = JsonMapper.builder().build();
        for (String line : Files.readAllLines(Fixtures.sharedData().resolve("laws/core_law_articles.jsonl"))) {
            JsonNode article = json.readTree(line);
            articles.add(article.get("law").asString() + article.get("article").asString());
        }

        assertThat(BundledKnowledge.faqEntries()).allSatisfy(entry -> assertThat(entry.lawRefs())
                .as("law references of %s", entry.id())
                .allSatisfy(ref -> assertThat(articles).contains(ref.toString())));
    }

    @Test
    void theBundledServiceOfficesLoadWithUniqueIds() {
        List<ServiceOffice> offices = BundledKnowledge.serviceOffices();

        assertThat(offices).isNotEmpty();
        assertThat(offices).extracting(ServiceOffice::id).doesNotHaveDuplicates();
        assertThat(offices).allSatisfy(office -> {
            assertThat(office.name()).isNotBlank();
            assertThat(office.district()).as("district of %s", office.id()).isNotBlank();
            assertThat(office.address()).as("address of %s", office.id()).contains(office.district());
            assertThat(office.latitude()).isBetween(-90.0, 90.0);
            assertThat(office.longitude()).isBetween(-180.0, 180.0);
        });
    }
}
