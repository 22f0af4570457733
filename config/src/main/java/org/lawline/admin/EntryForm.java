package org.lawline.admin;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.lawline.knowledge.EntryChange;
import org.lawline.knowledge.FaqEntry;
import org.lawline.knowledge.ImportLimits;
import org.lawline.knowledge.LawReference;

/**
 * The body of {@code PUT /api/admin/entries/{id}}: an entry as an administrator writes it.
 *
 * @param lawRefs    citations as written, e.g. 中华人民共和国劳动合同法第三十条 or 《劳动合同法》第三十条
 * @param reviewDate when the answer is due for legal review, yyyy-MM-dd; absent or blank for none
 * @param changedBy  who makes the change; absent, {@value #UNNAMED}
 */
record EntryForm(String question, List<String> phrasings, String answer, String category, List<String> lawRefs,
                 String reviewDate, String changedBy) {

    static final String UNNAMED = "admin";
    /** Letters (Chinese too), digits and . _ : - , as the bundled and LeCoQA ids are written. */
    private static final Pattern ID = Pattern.compile("[\\p{L}\\p{N}._:-]{1,100}");
    private static final int MAX_PHRASINGS = 50;
    private static final int MAX_CATEGORY_CHARS = 100;
    private static final int MAX_NAME_CHARS = 100;

    /**
     * The entry and the change this form makes.
     *
     * @throws InvalidAdminRequest saying in Chinese what is wrong
     */
    Edit validate(String id, ImportLimits limits) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new InvalidAdminRequest("条目编号只能由字母、数字和 . _ : - 组成，最长 100 个字符");
        }
        String q = required(question, "问题（question）");
        String a = required(answer, "答案（answer）");
        if (q.length() > limits.maxQuestionChars()) {
            throw new InvalidAdminRequest("问题不能超过 " + limits.maxQuestionChars() + " 个字符");
        }
        if (a.length() > limits.maxAnswerChars()) {
            throw new InvalidAdminRequest("答案不能超过 " + limits.maxAnswerChars() + " 个字符");
        }
        List<String> others = new ArrayList<>();
        for (String phrasing : phrasings == null ? List.<String>of() : phrasings) {
            if (phrasing == null || phrasing.isBlank()) {
                throw new InvalidAdminRequest("其他问法（phrasings）不能有空项");
            }
            if (phrasing.strip().length() > limits.maxQuestionChars()) {
                throw new InvalidAdminRequest("每个其他问法不能超过 " + limits.maxQuestionChars() + " 个字符");
            }
            others.add(phrasing.strip());
        }
        if (others.size() > MAX_PHRASINGS) {
            throw new InvalidAdminRequest("其他问法最多 " + MAX_PHRASINGS + " 个");
        }
        String c = category == null ? "" : category.strip();
        if (c.length() > MAX_CATEGORY_CHARS) {
            throw new InvalidAdminRequest("分类不能超过 " + MAX_CATEGORY_CHARS + " 个字符");
        }
        List<LawReference> refs = new ArrayList<>();
        for (String ref : lawRefs == null ? List.<String>of() : lawRefs) {
            try {
                refs.add(LawReference.parse(ref));
            } catch (IllegalArgumentException e) {
                throw new InvalidAdminRequest("无法识别的法条引用：" + ref + "（应写作“法律名称第…条”，如 中华人民共和国劳动合同法第三十条）");
            }
        }
        String by = changedBy == null || changedBy.isBlank() ? UNNAMED : changedBy.strip();
        if (by.length() > MAX_NAME_CHARS) {
            throw new InvalidAdminRequest("修改人（changedBy）不能超过 " + MAX_NAME_CHARS + " 个字符");
        }
        return new Edit(new FaqEntry(id, q, others, a, c, refs), new EntryChange(by, date()));
    }

    private Optional<LocalDate> date() {
        if (reviewDate == null || reviewDate.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(reviewDate.strip()));
        } catch (DateTimeParseException e) {
            throw new InvalidAdminRequest("复核日期（reviewDate）应写作 yyyy-MM-dd，如 2027-06-30");
        }
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new InvalidAdminRequest(name + "不能为空");
        }
        return value.strip();
    }

    record Edit(FaqEntry entry, EntryChange change) {
    }
}
