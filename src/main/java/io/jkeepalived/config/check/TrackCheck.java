package io.jkeepalived.config.check;

import io.jkeepalived.config.parse.Block;

/** vrrp_script, track_file and vrrp_track_process validation. */
final class TrackCheck implements Check {

    @Override
    public Block apply(Block root, CheckContext ctx) {
        return root;
    }
}
