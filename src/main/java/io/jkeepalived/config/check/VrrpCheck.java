package io.jkeepalived.config.check;

import io.jkeepalived.config.parse.Block;

/** vrrp_instance and vrrp_sync_group validation (keepalived's vrrp_complete_instance). */
final class VrrpCheck implements Check {

    @Override
    public Block apply(Block root, CheckContext ctx) {
        return root;
    }
}
