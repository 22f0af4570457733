package org.lawline.channels.hotline;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.lawline.channels.HotlineVoicemail;
import org.lawline.channels.HotlineVoicemails;
import org.lawline.conversation.ConversationId;
import org.lawline.conversation.MobileNumber;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The voicemails taken in ({@code hotline_voicemail}), one row per hotline id. Thread safe. */
class Voicemails implements HotlineVoicemails {

    private final JdbcClient jdbc;

    Voicemails(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Keeps a voicemail with the bot's suggested answer for the lawyer.
     *
     * @return false when this id was taken in before: nothing new was kept
     */
    boolean add(Voicemail voicemail, ConversationId consultation, Optional<Suggestion> suggestion, Instant now) {
        try {
            jdbc.sql("""
                            insert into hotline_voicemail (id, caller_number, received_at, text, recording_url, suggested_entry, suggested_answer,
                                                           taken_at, conversation_id)
                            values (:id, :caller, :receivedAt, :text, :recording, :entry, :answer, :now, :consultation)""")
                    .param("id", voicemail.id())
                    .param("caller", voicemail.caller().digits())
                    .param("receivedAt", voicemail.receivedAt().atOffset(ZoneOffset.UTC))
                    .param("text", voicemail.text())
                    .param("recording", voicemail.recordingUrl().toString())
                    .param("entry", suggestion.map(Suggestion::entryId).orElse(null))
                    .param("answer", suggestion.map(Suggestion::answer).orElse(null))
                    .param("now", now.atOffset(ZoneOffset.UTC))
                    .param("consultation", consultation.toString())
                    .update();
            return true;
        } catch (DuplicateKeyException seen) {
            return false;
        }
    }

    @Override
    public Optional<HotlineVoicemail> openedBy(ConversationId consultation) {
        return jdbc.sql("""
                        select id, caller_number, received_at, text, recording_url, suggested_answer
                          from hotline_voicemail where conversation_id = :consultation""")
                .param("consultation", consultation.toString())
                .query((rs, n) -> new HotlineVoicemail(rs.getString(1), new MobileNumber(rs.getString(2)),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4), URI.create(rs.getString(5)),
                        Optional.ofNullable(rs.getString(6))))
                .optional();
    }

    /** The knowledge base's best answer to the voicemail's text, for the lawyer to use or ignore. */
    record Suggestion(String entryId, String answer) {
    }
}
