package io.jkeepalived.config.schema;

/** The keywords of bfd_instance. (Being filled in.) */
public final class BfdKeywords {

    private BfdKeywords() {
    }

    public static final BlockSpec BFD_INSTANCE = new BlockSpec("bfd_instance", Feature.BFD);
}
