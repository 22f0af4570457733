package org.lawline.channels.hotline;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.lawline.conversation.Channel;
import org.lawline.conversation.DataSubject;
import org.lawline.conversation.MobileNumber;
import org.lawline.conversation.PersonalDataPurge;
import org.lawline.conversation.PurgeCount;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The hotline's voicemails ({@code hotline_voicemail}): the caller's number, the transcript of
 * what they said, the link to the recording and the answer suggested for it. A stripped voicemail
 * keeps its hotline id, times and the suggested knowledge-base entry (its category).
 */
@Component
class VoicemailPurge implements PersonalDataPurge {

    private static final String KIND = "hotline_voicemail";
    private static final String STRIP = "update hotline_voicemail set caller_number = '', text = '', recording_url = '', suggested_answer = null";

    private final JdbcClient jdbc;

    VoicemailPurge(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<PurgeCount> stripOlderThan(Instant cutoff) {
        Timestamp before = Timestamp.from(cutoff);
        int stripped = PersonalDataPurge.inBatches(() -> jdbc.sql(STRIP
                + PersonalDataPurge.firstBatchOf("hotline_voicemail", "received_at < :before and caller_number <> ''"))
                .param("before", before).update());
        return List.of(new PurgeCount(KIND, stripped));
    }

    @Override
    public List<PurgeCount> forget(DataSubject citizen) {
        Optional<MobileNumber> caller = Optional.empty();
        if (citizen instanceof DataSubject.OnChannel on && on.channel() == Channel.HOTLINE) {
            caller = on.phone();
        } else if (citizen instanceof DataSubject.ByPhone phone) {
            caller = Optional.of(phone.number());
        }
        int stripped = caller.map(number -> jdbc.sql(STRIP + " where caller_number = :caller").param("caller", number.digits()).update())
                .orElse(0);
        return List.of(new PurgeCount(KIND, stripped));
    }
}
