package io.jkeepalived.config.check;

import io.jkeepalived.config.parse.Block;

/** bfd_instance validation. */
final class BfdCheck implements Check {

    @Override
    public Block apply(Block root, CheckContext ctx) {
        return root;
    }
}
