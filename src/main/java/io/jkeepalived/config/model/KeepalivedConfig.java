package io.jkeepalived.config.model;

import io.jkeepalived.config.parse.Block;
import io.jkeepalived.config.schema.RootKeywords;
import java.util.List;
import java.util.Optional;

/**
 * A validated configuration: typed access to the blocks keepalived would run. The underlying
 * {@link Block} tree is the effective configuration -d prints and {@code config --json} shows.
 */
public record KeepalivedConfig(Block root) {

    public Block globalDefs() {
        return root.section(RootKeywords.GLOBAL_DEFS);
    }

    public List<VrrpInstance> vrrpInstances() {
        return root.blocks(RootKeywords.VRRP_INSTANCE).stream().map(VrrpInstance::new).toList();
    }

    public Optional<VrrpInstance> vrrpInstance(String name) {
        return vrrpInstances().stream().filter(i -> i.name().equals(name)).findFirst();
    }

    public List<SyncGroup> syncGroups() {
        return root.blocks(RootKeywords.VRRP_SYNC_GROUP).stream().map(SyncGroup::new).toList();
    }

    /** The sync group an instance belongs to, if any. */
    public Optional<SyncGroup> syncGroupOf(String instance) {
        return syncGroups().stream().filter(g -> g.members().contains(instance)).findFirst();
    }

    public List<io.jkeepalived.config.value.IpAddressSpec> staticAddresses() {
        return root.list(RootKeywords.STATIC_IPADDRESS);
    }

    public List<io.jkeepalived.config.value.RouteSpec> staticRoutes() {
        return root.list(RootKeywords.STATIC_ROUTES);
    }

    public List<io.jkeepalived.config.value.RuleSpec> staticRules() {
        return root.list(RootKeywords.STATIC_RULES);
    }

    public List<Block> vrrpScripts() {
        return root.blocks(RootKeywords.VRRP_SCRIPT);
    }

    public List<Block> virtualServers() {
        return root.blocks(RootKeywords.VIRTUAL_SERVER);
    }
}
