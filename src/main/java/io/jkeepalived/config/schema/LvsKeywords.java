package io.jkeepalived.config.schema;

import io.jkeepalived.config.value.Types;
import io.jkeepalived.config.value.ValueType;
import java.util.List;

/** The keywords of virtual_server_group, virtual_server, real_server, the checkers and SSL. (Being filled in.) */
public final class LvsKeywords {

    private LvsKeywords() {
    }

    public static final BlockSpec VIRTUAL_SERVER_GROUP = new BlockSpec("virtual_server_group", Feature.LVS);
    public static final BlockSpec VIRTUAL_SERVER = new BlockSpec("virtual_server", Feature.LVS);
    public static final ValueType<List<String>> VIRTUAL_SERVER_HEAD = Types.wordList(1);
    public static final BlockSpec SSL = new BlockSpec("SSL", Feature.LVS);
}
