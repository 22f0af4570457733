package org.lawline.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import org.lawline.knowledge.FaqImport;
import org.lawline.knowledge.ImportProgress;
import org.lawline.knowledge.ImportReport;
import org.lawline.knowledge.KnowledgeBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The knowledge base's admin API. Every change is stored, then searchable on this instance
 * before the response is sent; other instances pick it up at their next index refresh
 * ({@code lawline.knowledge.index-refresh-interval}, 5 s by default).
 */
@RestController
@RequestMapping(path = "/api/admin", produces = MediaType.APPLICATION_JSON_VALUE)
class EntryAdminController {

    private static final Logger log = LoggerFactory.getLogger(EntryAdminController.class);
    /** A listing shows at most this many entries: enough to page through by filtering. */
    static final int MAX_LISTED = 200;
    /** Bad rows returned by an import: the rest are counted. */
    private static final int MAX_REJECTIONS_SHOWN = 100;

    private final KnowledgeBase knowledgeBase;
    private final FaqImport importer;
    private final AdminSettings settings;

    EntryAdminController(KnowledgeBase knowledgeBase, FaqImport importer, AdminSettings settings) {
        this.knowledgeBase = knowledgeBase;
        this.importer = importer;
        this.settings = settings;
    }

    record Listing(List<EntryView> entries, int count, boolean truncated) {
    }

    /** Entries, disabled ones too, whose id, question or answer holds {@code q}, in {@code category}. */
    @GetMapping("/entries")
    Listing list(@RequestParam(name = "q", defaultValue = "") String text,
                 @RequestParam(defaultValue = "") String category) {
        List<EntryView> entries = knowledgeBase.entries(text, category, MAX_LISTED + 1).stream().map(EntryView::of).toList();
        boolean truncated = entries.size() > MAX_LISTED;
        List<EntryView> shown = truncated ? entries.subList(0, MAX_LISTED) : entries;
        return new Listing(shown, shown.size(), truncated);
    }

    @GetMapping("/entries/{id}")
    EntryView show(@PathVariable String id) {
        return knowledgeBase.entry(id).map(EntryView::of).orElseThrow(() -> new EntryNotFound(id));
    }

    /** Creates the entry or replaces the one with this id; a disabled entry stays disabled. */
    @PutMapping(path = "/entries/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    EntryView save(@PathVariable String id, @RequestBody EntryForm form) {
        EntryForm.Edit edit = form.validate(id, importer.limits());
        knowledgeBase.save(edit.entry(), edit.change());
        log.info("Entry {} saved through the admin API", id);
        return show(id);
    }

    @PostMapping("/entries/{id}/disable")
    EntryView disable(@PathVariable String id, @RequestParam(defaultValue = EntryForm.UNNAMED) String changedBy) {
        if (!knowledgeBase.disable(id, name(changedBy))) {
            throw new EntryNotFound(id);
        }
        log.info("Entry {} disabled through the admin API", id);
        return show(id);
    }

    @PostMapping("/entries/{id}/enable")
    EntryView enable(@PathVariable String id, @RequestParam(defaultValue = EntryForm.UNNAMED) String changedBy) {
        if (!knowledgeBase.enable(id, name(changedBy))) {
            throw new EntryNotFound(id);
        }
        log.info("Entry {} enabled through the admin API", id);
        return show(id);
    }

    record Imported(int imported, long rejectedCount, List<ImportReport.RejectedRow> rejected) {
        static Imported of(ImportReport report) {
            return new Imported(report.imported(), report.rejectedCount(),
                    report.rejected().stream().limit(MAX_REJECTIONS_SHOWN).toList());
        }
    }

    /** A file as a multipart part named {@code file}; its name (.jsonl or .csv) tells the format. */
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Imported importPart(@RequestPart("file") MultipartFile file,
                        @RequestParam(defaultValue = EntryForm.UNNAMED) String changedBy) throws IOException {
        if (file.getSize() > settings.maxUploadSize().toBytes()) {
            throw new UploadTooLarge(settings.maxUploadSize().toBytes());
        }
        FaqImport.Format format = formatOfName(String.valueOf(file.getOriginalFilename()));
        try (InputStream in = file.getInputStream()) {
            return importFrom(in, format, changedBy);
        }
    }

    /**
     * A file as the raw body: {@code ?format=jsonl|csv}, or a Content-Type of
     * {@code application/x-ndjson} (or {@code application/jsonl}) or {@code text/csv}.
     */
    @PostMapping(path = "/import", consumes = "!" + MediaType.MULTIPART_FORM_DATA_VALUE)
    Imported importBody(HttpServletRequest request, @RequestParam(required = false) String format,
                        @RequestParam(defaultValue = EntryForm.UNNAMED) String changedBy) throws IOException {
        long max = settings.maxUploadSize().toBytes();
        if (request.getContentLengthLong() > max) {
            throw new UploadTooLarge(max);
        }
        FaqImport.Format chosen = format != null ? formatOfName("." + format) : formatOfType(request.getContentType());
        // the import stops reading at the cap, so a body without a Content-Length cannot pass it either
        try (InputStream in = request.getInputStream()) {
            return importFrom(in, chosen, changedBy);
        }
    }

    private Imported importFrom(InputStream in, FaqImport.Format format, String changedBy) {
        ImportReport report = knowledgeBase.importEntries(in, format, name(changedBy),
                settings.maxUploadSize().toBytes(), ImportProgress.NONE);
        log.info("Admin import: {} entries stored, {} rows rejected", report.imported(), report.rejectedCount());
        return Imported.of(report);
    }

    private static FaqImport.Format formatOfName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
            return FaqImport.Format.JSONL;
        }
        if (lower.endsWith(".csv")) {
            return FaqImport.Format.CSV;
        }
        throw new InvalidAdminRequest("无法判断文件格式：请上传 .jsonl 或 .csv 文件");
    }

    private static FaqImport.Format formatOfType(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("text/csv")) {
            return FaqImport.Format.CSV;
        }
        if (type.startsWith("application/x-ndjson") || type.startsWith("application/jsonl")
                || type.startsWith("application/x-jsonlines")) {
            return FaqImport.Format.JSONL;
        }
        throw new InvalidAdminRequest("无法判断格式：请加 ?format=jsonl 或 ?format=csv，或使用 Content-Type text/csv 或 application/x-ndjson");
    }

    private static String name(String changedBy) {
        String name = changedBy == null || changedBy.isBlank() ? EntryForm.UNNAMED : changedBy.strip();
        if (name.length() > 100) {
            throw new InvalidAdminRequest("修改人（changedBy）不能超过 100 个字符");
        }
        return name;
    }
}
