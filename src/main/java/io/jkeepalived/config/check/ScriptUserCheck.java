package io.jkeepalived.config.check;

import io.jkeepalived.config.parse.Block;
import io.jkeepalived.config.parse.Setting;
import io.jkeepalived.config.schema.GlobalKeywords;
import io.jkeepalived.config.schema.Keyword;
import io.jkeepalived.config.schema.RootKeywords;
import io.jkeepalived.config.value.Script;
import java.util.ArrayList;
import java.util.List;

/**
 * Who each script runs as, decided while keepalived reads the configuration: the script's own
 * user, else global_defs script_user, else keepalived_script if that user exists, else root.
 *
 * <p>When that default cannot be had (script_user names a user or group that does not exist, or
 * enable_script_security is on and there is neither script_user nor keepalived_script),
 * keepalived removes the vrrp_scripts without a user of their own (so instances tracking them
 * then report them not found), and with enable_script_security also refuses every other script
 * that names no user. A script naming a user that does not exist is not run.
 *
 * <p>keepalived does this per script as it reads each one, after a block's own checks have
 * discarded duplicates; so this check runs twice: for everything but LVS before the VRRP check,
 * and for virtual servers after the LVS check.
 */
final class ScriptUserCheck implements Check {

    /** The user keepalived runs scripts as by default, if it exists. */
    static final String DEFAULT_SCRIPT_USER = "keepalived_script";

    /** Which scripts a pass looks at. */
    enum Scope {
        /** global_defs, vrrp_script, vrrp_instance, vrrp_sync_group, ... (and script_user itself). */
        ALL_BUT_LVS,
        /** virtual_server and virtual_server_group. */
        LVS
    }

    private final Scope scope;

    ScriptUserCheck(Scope scope) {
        this.scope = scope;
    }

    /** What the default user comes to: whether it could not be set, and why keepalived says so. */
    private record DefaultUser(boolean failed, String failureMessage) {
    }

    @Override
    public Block apply(Block root, CheckContext ctx) {
        Block global = root.section(RootKeywords.GLOBAL_DEFS);
        boolean security = Boolean.TRUE.equals(global.get(GlobalKeywords.ENABLE_SCRIPT_SECURITY));
        DefaultUser def = defaultUser(global, security, ctx, scope == Scope.ALL_BUT_LVS);
        Block b = root;
        if (scope == Scope.ALL_BUT_LVS && def.failed()) {
            b = removeVrrpScriptsWithoutUser(b, def, ctx);
        }
        List<Setting> out = new ArrayList<>();
        for (Setting top : b.settings()) {
            boolean lvs = top.keyword() == RootKeywords.VIRTUAL_SERVER || top.keyword() == RootKeywords.VIRTUAL_SERVER_GROUP;
            boolean inScope = lvs == (scope == Scope.LVS);
            if (!inScope || top.keyword() == RootKeywords.VRRP_SCRIPT) {
                out.add(top);   // a vrrp_script's script has the block's user keyword: handled above
                continue;
            }
            Setting mapped = top.value() instanceof Block nested
                    ? top.withValue(nested.mapDeep((block, s) -> checked(s, def, security, ctx)))
                    : checked(top, def, security, ctx);
            if (mapped != null) {
                out.add(mapped);
            }
        }
        return b.withSettings(out);
    }

    /** A script naming no user, or a user that does not exist, as keepalived's notify_script_init treats it. */
    private static Setting checked(Setting s, DefaultUser def, boolean security, CheckContext ctx) {
        if (!(s.value() instanceof Script script) || script.command().isEmpty()) {
            return s;
        }
        if (script.user() == null) {
            if (def.failed() && security) {
                ctx.diags().warning(s.pos(), def.failureMessage());
                return null;
            }
            return s;
        }
        if (ctx.host().user(script.user()).isEmpty() || script.group() != null && !ctx.host().groupExists(script.group())) {
            ctx.diags().lint(s.pos(), "no such user or group '" + script.user()
                    + (script.group() == null ? "" : " " + script.group()) + "' for script '" + script.command()
                    + "' - it will not be run");
            return null;
        }
        return s;
    }

    /**
     * keepalived's set_default_script_user. An invalid script_user is reported here (once, by the
     * first pass) and stays in the configuration, since the default user is still that failure.
     */
    private static DefaultUser defaultUser(Block global, boolean security, CheckContext ctx, boolean report) {
        List<String> scriptUser = global.get(GlobalKeywords.SCRIPT_USER);
        if (scriptUser != null) {
            String problem = ctx.host().user(scriptUser.getFirst()).isEmpty() ? "no user '" + scriptUser.getFirst() + "'"
                    : scriptUser.size() > 1 && !ctx.host().groupExists(scriptUser.get(1)) ? "no group '" + scriptUser.get(1) + "'"
                    : null;
            if (problem == null) {
                return new DefaultUser(false, null);
            }
            if (report) {
                ctx.diags().error(global.posOf(GlobalKeywords.SCRIPT_USER), "Error setting global script uid/gid: " + problem
                        + " - scripts without a user of their own cannot run");
            }
            return new DefaultUser(true, "Unable to set default user " + scriptUser.getFirst() + " for script");
        }
        if (security && ctx.host().user(DEFAULT_SCRIPT_USER).isEmpty()) {
            return new DefaultUser(true, "Unable to set default user " + DEFAULT_SCRIPT_USER + " for script");
        }
        return new DefaultUser(false, null);
    }

    /** A vrrp_script without a user keyword cannot get the default user: keepalived removes it. */
    private static Block removeVrrpScriptsWithoutUser(Block root, DefaultUser def, CheckContext ctx) {
        List<Block> kept = new ArrayList<>();
        for (Block vs : root.blocks(RootKeywords.VRRP_SCRIPT)) {
            Setting script = vs.settings().stream().filter(x -> x.value() instanceof Script).reduce((x, y) -> y).orElse(null);
            Keyword<?> userKeyword = vs.spec().lookup("user");
            boolean hasUser = userKeyword != null && vs.isSet(userKeyword);
            if (script != null && !hasUser) {
                if (def.failureMessage().contains(DEFAULT_SCRIPT_USER)) {
                    ctx.diags().warning(script.pos(), def.failureMessage());
                }
                ctx.diags().warning(script.pos(), "Unable to set default user for vrrp script " + vs.<String>head() + " - removing");
                continue;
            }
            kept.add(vs);
        }
        return root.withBlocks(RootKeywords.VRRP_SCRIPT, kept);
    }
}
