package io.jkeepalived.config.check;

import io.jkeepalived.config.parse.Block;

/** static_ipaddress, static_routes, static_rules, track_group, linkbeat_interfaces and interface_up_down_delays validation. */
final class StaticCheck implements Check {

    @Override
    public Block apply(Block root, CheckContext ctx) {
        return root;
    }
}
