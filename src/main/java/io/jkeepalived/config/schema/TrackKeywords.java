package io.jkeepalived.config.schema;

/** The keywords of vrrp_script, track_file and vrrp_track_process. (Being filled in.) */
public final class TrackKeywords {

    private TrackKeywords() {
    }

    public static final BlockSpec VRRP_SCRIPT = new BlockSpec("vrrp_script", Feature.TRACKING);
    public static final BlockSpec TRACK_FILE = new BlockSpec("track_file", Feature.TRACKING);
    public static final BlockSpec TRACK_PROCESS = new BlockSpec("vrrp_track_process", Feature.TRACKING);
}
