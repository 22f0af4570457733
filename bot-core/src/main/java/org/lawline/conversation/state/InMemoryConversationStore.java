package org.lawline.conversation.state;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.ConversationSnapshot;
import org.lawline.conversation.ConversationStore;

/**
 * Conversation state in this process: the single-machine default when no Redis is configured.
 * Lost on restart (a citizen mid-conversation starts again with the bot, which is acceptable for
 * state that lives a day at most). Thread safe.
 *
 * <p>Bounded: a conversation expires {@code ttl} after its last save, and when more than
 * {@code maxConversations} are held, the least recently saved tenth is dropped, so a flood of new
 * identities cannot exhaust the heap.
 */
public final class InMemoryConversationStore implements ConversationStore {

    private final Map<String, Stored> conversations = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration ttl;
    private final int maxConversations;

    public InMemoryConversationStore(Clock clock, Duration ttl, int maxConversations) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive, got " + ttl);
        }
        if (maxConversations < 1) {
            throw new IllegalArgumentException("maxConversations must be positive, got " + maxConversations);
        }
        this.maxConversations = maxConversations;
    }

    @Override
    public Optional<ConversationSnapshot> load(ChannelIdentity citizen) {
        String key = citizen.key();
        Stored stored = conversations.get(key);
        if (stored == null) {
            return Optional.empty();
        }
        if (stored.expired(clock.instant())) {
            conversations.remove(key, stored);
            return Optional.empty();
        }
        return Optional.of(stored.snapshot());
    }

    @Override
    public void save(ChannelIdentity citizen, ConversationSnapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        Instant now = clock.instant();
        conversations.put(citizen.key(), new Stored(snapshot, now, now.plus(ttl)));
        if (conversations.size() > maxConversations) {
            evict(now);
        }
    }

    @Override
    public void delete(ChannelIdentity citizen) {
        conversations.remove(citizen.key());
    }

    /** How many conversations are held now, expired ones included until they are noticed. */
    int size() {
        return conversations.size();
    }

    /**
     * Drops the expired, then the least recently saved tenth if still full. A full sort, but only
     * once per tenth of capacity: rare, and cheaper than ordering every save.
     */
    private synchronized void evict(Instant now) {
        conversations.entrySet().removeIf(entry -> entry.getValue().expired(now));
        int excess = conversations.size() - maxConversations;
        if (excess <= 0) {
            return;
        }
        int drop = Math.max(excess, maxConversations / 10);
        conversations.entrySet().stream()
                .sorted(Comparator.comparing(entry -> entry.getValue().savedAt()))
                .limit(drop)
                .map(Map.Entry::getKey)
                .toList()
                .forEach(conversations::remove);
    }

    private record Stored(ConversationSnapshot snapshot, Instant savedAt, Instant expiresAt) {
        boolean expired(Instant now) {
            return !now.isBefore(expiresAt);
        }
    }
}
