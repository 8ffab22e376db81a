package io.jkeepalived.config.model;

import static io.jkeepalived.config.schema.VrrpKeywords.*;

import io.jkeepalived.config.parse.Block;
import io.jkeepalived.config.value.Script;
import io.jkeepalived.config.value.TrackRef;
import java.util.List;
import java.util.Optional;

/** A validated vrrp_sync_group: members that exist, once each, and its own tracking and notifies. */
public record SyncGroup(Block block) {

    public String name() {
        return block.head();
    }

    /** The names of the member vrrp_instances. */
    public List<String> members() {
        return block.list(GROUP);
    }

    public boolean trackingWeight() {
        return block.isSet(SYNC_GROUP_TRACKING_WEIGHT);
    }

    public List<TrackRef> trackScripts() {
        return block.list(GROUP_TRACK_SCRIPT);
    }

    public List<TrackRef> trackInterfaces() {
        return block.list(GROUP_TRACK_INTERFACE);
    }

    public Optional<Script> notifyMaster() {
        return Optional.ofNullable(block.get(GROUP_NOTIFY_MASTER));
    }

    public Optional<Script> notifyBackup() {
        return Optional.ofNullable(block.get(GROUP_NOTIFY_BACKUP));
    }

    public Optional<Script> notifyFault() {
        return Optional.ofNullable(block.get(GROUP_NOTIFY_FAULT));
    }

    public Optional<Script> notifyScript() {
        return Optional.ofNullable(block.get(GROUP_NOTIFY));
    }
}
