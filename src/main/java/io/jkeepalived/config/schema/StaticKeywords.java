package io.jkeepalived.config.schema;

import io.jkeepalived.config.value.Types;
import io.jkeepalived.config.value.ValueType;
import java.util.List;

/**
 * track_group, and the entry types of linkbeat_interfaces and interface_up_down_delays.
 * (Being filled in.)
 */
public final class StaticKeywords {

    private StaticKeywords() {
    }

    public static final BlockSpec TRACK_GROUP = new BlockSpec("track_group", Feature.STATIC_ADDRESSES);

    public static final ValueType<List<String>> LINKBEAT_INTERFACE = Types.wordList(1);
    public static final ValueType<List<String>> UP_DOWN_DELAY = Types.wordList(1);
}
