package org.lawline.channels.wechat;

import java.time.Instant;
import org.lawline.channels.delivery.Outbox;
import org.lawline.channels.delivery.PlatformAnswer;
import org.lawline.channels.delivery.Utc;
import org.lawline.conversation.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * WeChat's reports on template messages and broadcasts ({@code wechat_job_report}): recorded once
 * each; a template's report settles the notice's delivery in the outbox.
 */
class JobReports {

    private static final Logger log = LoggerFactory.getLogger(JobReports.class);

    private final JdbcClient jdbc;
    private final Outbox outbox;

    JobReports(JdbcClient jdbc, Outbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    void jobFinished(String account, Inbound.EventType type, String jobId, String status, Instant at) {
        String kind = type == Inbound.EventType.TEMPLATE_SENT ? "TEMPLATE" : "BROADCAST";
        try {
            jdbc.sql("insert into wechat_job_report (account, job_id, kind, status, received_at) values (:account, :job, :kind, :status, :at)")
                    .param("account", account)
                    .param("job", jobId.isEmpty() ? "unknown" : jobId)
                    .param("kind", kind)
                    .param("status", truncate(status, 300))
                    .param("at", Utc.of(at))
                    .update();
        } catch (DuplicateKeyException alreadyRecorded) {
            return;
        }
        if (type == Inbound.EventType.TEMPLATE_SENT) {
            outbox.reported(Channel.WECHAT, account, jobId, "success".equalsIgnoreCase(status)
                    ? PlatformAnswer.accepted()
                    : new PlatformAnswer.Refused("WeChat reported: " + truncate(status, 200)));
        }
        log.info("WeChat reported {} job {} on {}: {}", kind, jobId, account, truncate(status, 60));
    }

    private static String truncate(String text, int max) {
        return text == null ? "" : text.length() <= max ? text : text.substring(0, max);
    }
}
