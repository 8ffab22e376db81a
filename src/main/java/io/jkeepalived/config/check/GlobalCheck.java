package io.jkeepalived.config.check;

import io.jkeepalived.config.parse.Block;

/** global_defs validation and its derived defaults. */
final class GlobalCheck implements Check {

    @Override
    public Block apply(Block root, CheckContext ctx) {
        return root;
    }
}
