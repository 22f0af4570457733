package org.lawline.channels.delivery;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.lawline.conversation.Channel;

/** Platforms by channel: one each. */
final class Platforms {

    private Platforms() {
    }

    static <T> Map<Channel, T> byChannel(List<T> items, java.util.function.Function<T, Channel> channelOf) {
        Map<Channel, T> map = new EnumMap<>(Channel.class);
        for (T item : items) {
            if (map.put(channelOf.apply(item), item) != null) {
                throw new IllegalStateException("Two implementations for channel " + channelOf.apply(item));
            }
        }
        return map;
    }

    static Map<Channel, ChannelPlatform> byChannel(List<ChannelPlatform> platforms) {
        return byChannel(platforms, ChannelPlatform::channel);
    }
}
