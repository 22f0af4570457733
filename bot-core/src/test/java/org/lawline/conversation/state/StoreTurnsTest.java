package org.lawline.conversation.state;

import java.time.Clock;
import java.time.Duration;

class StoreTurnsTest extends ConversationTurnsContract {

    @Override
    ConversationTurns newTurns() {
        return new StoreTurns(new InMemoryConversationStore(Clock.systemUTC(), Duration.ofHours(1), 100));
    }
}
