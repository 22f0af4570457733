package org.lawline.handoff.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lawline.handoff.escalation.Escalations;

class ClosedSearchParametersTest {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    @Test
    void aMaskedNumberAsTheListShowsItSearchesByItsStartAndEnd() {
        Escalations.ClosedSearch search = ClosedSearchParameters.parse(Map.of("citizen", " 138****5678 "), CITY, 50);

        assertThat(search.numberStart()).contains("138");
        assertThat(search.numberEnd()).contains("5678");
        assertThat(search.limit()).isEqualTo(50);
    }

    @Test
    void lastDigitsAloneSearchByTheEnd() {
        Escalations.ClosedSearch search = ClosedSearchParameters.parse(Map.of("citizen", "5678"), CITY, 50);

        assertThat(search.numberStart()).isEmpty();
        assertThat(search.numberEnd()).contains("5678");
    }

    @Test
    void datesAreWholeCityDaysFromTheStartOfTheFirstToTheEndOfTheLast() {
        Escalations.ClosedSearch search = ClosedSearchParameters.parse(Map.of("from", "2026-12-04", "to", "2026-12-04"), CITY, 50);

        assertThat(search.from()).contains(Instant.parse("2026-12-03T16:00:00Z"));
        assertThat(search.before()).contains(Instant.parse("2026-12-04T16:00:00Z"));
    }

    @Test
    void anOutcomeOutsideTheFourIsRefused() {
        assertThat(ClosedSearchParameters.parse(Map.of("outcome", "legal_aid"), CITY, 50).outcome()).contains("legal_aid");
        assertThatThrownBy(() -> ClosedSearchParameters.parse(Map.of("outcome", "maybe"), CITY, 50))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void wildcardsQuotesAndBadDatesAreRefusedWithAReason() {
        assertThatThrownBy(() -> ClosedSearchParameters.parse(Map.of("citizen", "13%"), CITY, 50)).hasMessageContaining("138****5678");
        assertThatThrownBy(() -> ClosedSearchParameters.parse(Map.of("citizen", "' or 1=1 --"), CITY, 50))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClosedSearchParameters.parse(Map.of("from", "04/12/2026"), CITY, 50)).hasMessageContaining("from");
        assertThatThrownBy(() -> ClosedSearchParameters.parse(Map.of("from", "2026-12-05", "to", "2026-12-04"), CITY, 50))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
