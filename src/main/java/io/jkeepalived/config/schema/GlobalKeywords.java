package io.jkeepalived.config.schema;

/** The keywords of global_defs. (Being filled in: see the keyword table work.) */
public final class GlobalKeywords {

    private GlobalKeywords() {
    }

    public static final BlockSpec BLOCK = new BlockSpec("global_defs", Feature.VRRP);
}
