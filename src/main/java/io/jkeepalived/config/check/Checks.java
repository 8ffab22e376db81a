package io.jkeepalived.config.check;

import io.jkeepalived.config.parse.Block;
import java.util.List;

/** The validation of a whole configuration: every area's check, in order. */
public final class Checks {

    private Checks() {
    }

    /**
     * In keepalived's order: global settings first (other areas inherit from them), then what
     * instances refer to (scripts, files, processes, BFD, static tracking) and who scripts run
     * as (decided while keepalived reads the file), then the instances and groups, then LVS, and
     * last the script files and the script security verdict over every script kept.
     */
    public static final List<Check> ALL = List.of(
            new GlobalCheck(),
            new TrackCheck(),
            new BfdCheck(),
            new StaticCheck(),
            new ScriptUserCheck(ScriptUserCheck.Scope.ALL_BUT_LVS),
            new VrrpCheck(),
            new LvsCheck(),
            new ScriptUserCheck(ScriptUserCheck.Scope.LVS),
            new ScriptSecurityCheck());

    public static Block run(Block root, CheckContext ctx) {
        Block b = root;
        for (Check c : ALL) {
            b = c.apply(b, ctx);
        }
        return b;
    }
}
