package org.lawline.handoff.inbox;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lawline.handoff.escalation.Escalations;

/**
 * The query of {@code GET /api/inbox/conversations?status=closed}: {@code citizen} as the list
 * shows it masked ({@code 138****5678}) or its last characters ({@code 5678}), {@code from} and
 * {@code to} as city dates (inclusive), {@code outcome}. Input is a stranger's: anything else is
 * refused with the reason, in Chinese.
 */
final class ClosedSearchParameters {

    private static final Set<String> OUTCOMES = Set.of("answered", "referred", "legal_aid", "other");
    /** What a masked citizen is made of: the start, the stars, the end; or only an end. */
    private static final Pattern MASKED = Pattern.compile("([0-9A-Za-z_-]{0,16})(\\*+)([0-9A-Za-z_-]{0,16})");
    private static final Pattern TAIL = Pattern.compile("[0-9A-Za-z_-]{1,16}");

    private ClosedSearchParameters() {
    }

    static Escalations.ClosedSearch parse(Map<String, String> query, ZoneId zone, int limit) {
        Optional<String> start = Optional.empty();
        Optional<String> end = Optional.empty();
        String citizen = query.getOrDefault("citizen", "").strip();
        if (!citizen.isEmpty()) {
            Matcher masked = MASKED.matcher(citizen);
            if (masked.matches()) {
                start = Optional.of(masked.group(1)).filter(s -> !s.isEmpty());
                end = Optional.of(masked.group(3)).filter(s -> !s.isEmpty());
            } else if (TAIL.matcher(citizen).matches()) {
                end = Optional.of(citizen);
            } else {
                throw new IllegalArgumentException("号码请按列表所示填写，如 138****5678 或尾号 5678");
            }
        }
        Optional<LocalDate> from = date(query, "from");
        Optional<LocalDate> to = date(query, "to");
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            throw new IllegalArgumentException("结束日期不能早于开始日期");
        }
        Optional<String> outcome = Optional.ofNullable(query.get("outcome")).map(String::strip).filter(s -> !s.isEmpty());
        if (outcome.isPresent() && !OUTCOMES.contains(outcome.get())) {
            throw new IllegalArgumentException("outcome 只能是 answered、referred、legal_aid 或 other");
        }
        return new Escalations.ClosedSearch(start, end,
                from.map(day -> day.atStartOfDay(zone).toInstant()),
                to.map(day -> day.plusDays(1).atStartOfDay(zone).toInstant()),
                outcome, limit);
    }

    private static Optional<LocalDate> date(Map<String, String> query, String name) {
        String given = query.getOrDefault(name, "").strip();
        if (given.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(given));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " 应是日期，如 2026-12-04");
        }
    }
}
