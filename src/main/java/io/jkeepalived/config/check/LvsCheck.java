package io.jkeepalived.config.check;

import io.jkeepalived.config.parse.Block;

/** virtual_server_group, virtual_server, real_server and checker validation. */
final class LvsCheck implements Check {

    @Override
    public Block apply(Block root, CheckContext ctx) {
        return root;
    }
}
