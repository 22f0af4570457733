package org.lawline.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.lawline.conversation.DataSubject;
import org.lawline.conversation.MobileNumber;
import org.lawline.conversation.PurgeCount;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.test.context.ActiveProfiles;

/** Retention on the embedded default database, an in-memory H2 of this test's own. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"spring.datasource.url=jdbc:h2:mem:retention-test;DB_CLOSE_DELAY=-1",
                "lawline.conversation.transcript.journal-dir=target/transcript-journal-retention"})
@ActiveProfiles("test")
class H2RetentionTest extends RetentionContract {

    /** Free text, or a column that names a citizen or their number. */
    private static final Pattern PERSONAL_COLUMN = Pattern.compile(
            "(?i)(?:^|[,(]|add column)\\s*(\\w*(?:phone|citizen_id|caller|note|recording|body)\\w*|\\w+\\s+text)\\b");
    private static final Pattern TABLE = Pattern.compile("(?i)create\\s+table\\s+(\\w+)\\s*\\(([^;]*)\\);");
    private static final Pattern ADDED = Pattern.compile("(?i)alter\\s+table\\s+(\\w+)\\s+add\\s+column\\s+([^;]*);");
    private static final Pattern DROPPED = Pattern.compile("(?i)drop\\s+table\\s+(\\w+)");

    /** Tables with free text that holds nothing of a citizen's, and why. */
    private static final Map<String, String> NOT_PERSONAL = Map.of(
            "faq_entry", "the knowledge base's own questions and answers",
            "law_article", "the text of the law",
            "canned_reply", "texts the duty lawyers' administrators write for lawyers to insert, no citizen's");

    /**
     * A module that adds a table holding what citizens wrote or their numbers must purge it: its
     * {@code PersonalDataPurge} reports the table by name. Read from every module's migrations, so
     * a new table is checked without anyone remembering to list it.
     */
    @Test
    void everyTableThatHoldsWhatCitizensWroteOrTheirNumbersIsPurgedByItsModule() throws Exception {
        Set<String> personal = personalTablesInTheMigrations();
        Set<String> purged = Stream.concat(purges.purgeExpired().counts().stream(),
                        purges.forget(new DataSubject.ByPhone(new MobileNumber("13700000001"))).counts().stream())
                .map(PurgeCount::kind).collect(Collectors.toCollection(TreeSet::new));

        assertThat(personal).as("tables the migrations give free text or a citizen's id or number")
                .contains("conversation_turn", "callback_request", "hotline_voicemail");
        Set<String> forgotten = new TreeSet<>(personal);
        forgotten.removeAll(purged);
        forgotten.removeAll(NOT_PERSONAL.keySet());
        assertThat(forgotten).as("personal tables no module purges").isEmpty();
    }

    private static Set<String> personalTablesInTheMigrations() throws Exception {
        Set<String> tables = new TreeSet<>();
        Resource[] scripts = new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/*/V*__*.sql");
        // versions are timestamps: in name order, a table is created before it is dropped
        java.util.Arrays.sort(scripts, java.util.Comparator.comparing(Resource::getFilename));
        for (Resource script : scripts) {
            String sql = script.getContentAsString(StandardCharsets.UTF_8).replaceAll("--[^\\n]*", "");
            for (Matcher create = TABLE.matcher(sql); create.find(); ) {
                if (PERSONAL_COLUMN.matcher(create.group(2)).find()) {
                    tables.add(create.group(1).toLowerCase(Locale.ROOT));
                }
            }
            for (Matcher added = ADDED.matcher(sql); added.find(); ) {
                if (PERSONAL_COLUMN.matcher("add column " + added.group(2)).find()) {
                    tables.add(added.group(1).toLowerCase(Locale.ROOT));
                }
            }
            for (Matcher dropped = DROPPED.matcher(sql); dropped.find(); ) {
                tables.remove(dropped.group(1).toLowerCase(Locale.ROOT));
            }
        }
        return tables;
    }
}
