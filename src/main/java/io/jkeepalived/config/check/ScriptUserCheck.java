package io.jkeepalived.config.check;

import io.jkeepalived.config.parse.Block;
import io.jkeepalived.config.parse.Setting;
import io.jkeepalived.config.schema.GlobalKeywords;
import io.jkeepalived.config.schema.RootKeywords;
import io.jkeepalived.config.value.Script;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who each script runs as, decided while keepalived reads the configuration: the script's own
 * user, else global_defs script_user, else keepalived_script if that user exists, else root.
 * With enable_script_security and no default user, keepalived refuses scripts that name no user
 * and removes such vrrp_scripts (so instances tracking them then report them not found).
 */
final class ScriptUserCheck implements Check {

    /** The user keepalived runs scripts as by default, if it exists. */
    static final String DEFAULT_SCRIPT_USER = "keepalived_script";

    @Override
    public Block apply(Block root, CheckContext ctx) {
        Block global = root.section(RootKeywords.GLOBAL_DEFS);
        boolean security = Boolean.TRUE.equals(global.get(GlobalKeywords.ENABLE_SCRIPT_SECURITY));
        List<String> scriptUser = global.get(GlobalKeywords.SCRIPT_USER);
        Block g = global;
        if (scriptUser != null && (ctx.host().user(scriptUser.getFirst()).isEmpty()
                || scriptUser.size() > 1 && !ctx.host().groupExists(scriptUser.get(1)))) {
            ctx.diags().warning(global.posOf(GlobalKeywords.SCRIPT_USER), "Error setting global script uid/gid"
                    + " (no such user or group: " + String.join(" ", scriptUser) + ") - ignoring script_user");
            g = global.without(GlobalKeywords.SCRIPT_USER);
            scriptUser = null;
        }
        boolean noDefaultUser = scriptUser == null && ctx.host().user(DEFAULT_SCRIPT_USER).isEmpty();
        Block b = g == global ? root : root.withBlocks(RootKeywords.GLOBAL_DEFS, List.of(g));
        if (security && noDefaultUser) {
            b = removeUnrunnableVrrpScripts(b, ctx);
        }
        boolean refuseDefault = security && noDefaultUser;
        return b.mapDeep((block, s) -> {
            if (!(s.value() instanceof Script script) || script.command().isEmpty()) {
                return s;
            }
            if (script.user() == null) {
                if (refuseDefault) {
                    ctx.diags().warning(s.pos(), "Unable to set default user " + DEFAULT_SCRIPT_USER + " for script");
                    return null;
                }
                return s;
            }
            Optional<Host.Account> user = ctx.host().user(script.user());
            if (user.isEmpty() || script.group() != null && !ctx.host().groupExists(script.group())) {
                ctx.diags().lint(s.pos(), "no such user or group '" + script.user()
                        + (script.group() == null ? "" : " " + script.group()) + "' for script '" + script.command()
                        + "' - it will not be run");
                return null;
            }
            return s;
        });
    }

    /** A vrrp_script whose script would run as the missing default user is removed. */
    private static Block removeUnrunnableVrrpScripts(Block root, CheckContext ctx) {
        List<Block> kept = new ArrayList<>();
        for (Block vs : root.blocks(RootKeywords.VRRP_SCRIPT)) {
            // the vrrp_script's script and user keywords, found by what they are (TrackKeywords)
            Setting script = vs.settings().stream().filter(x -> x.value() instanceof Script).reduce((x, y) -> y).orElse(null);
            var userKeyword = vs.spec().lookup("user");
            boolean hasUser = userKeyword != null && vs.isSet(userKeyword);
            if (script != null && !hasUser) {
                ctx.diags().warning(script.pos(), "Unable to set default user " + DEFAULT_SCRIPT_USER + " for script");
                ctx.diags().warning(script.pos(), "Unable to set default user for vrrp script " + vs.head() + " - removing");
                continue;
            }
            kept.add(vs);
        }
        return root.withBlocks(RootKeywords.VRRP_SCRIPT, kept);
    }
}
