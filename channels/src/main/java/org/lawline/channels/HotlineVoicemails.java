package org.lawline.channels;

import java.util.Optional;
import org.lawline.conversation.ConversationId;

/**
 * The 12348 hotline's voicemails, for the people who act on them (the operators who call the
 * caller back, the lawyers who answer in writing). Thread safe.
 */
public interface HotlineVoicemails {

    /** The voicemail that opened this consultation; empty when a voicemail did not. */
    Optional<HotlineVoicemail> openedBy(ConversationId consultation);
}
