package io.jkeepalived.config.check;

import io.jkeepalived.config.parse.Block;
import io.jkeepalived.config.parse.Setting;
import io.jkeepalived.config.schema.GlobalKeywords;
import io.jkeepalived.config.schema.Keyword;
import io.jkeepalived.config.schema.RootKeywords;
import io.jkeepalived.config.schema.TrackKeywords;
import io.jkeepalived.config.schema.VrrpKeywords;
import io.jkeepalived.config.value.Script;
import io.jkeepalived.config.value.TrackValues;
import io.jkeepalived.config.value.TrackRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * keepalived's check_script_secure over every script the configuration keeps, and its verdict.
 * A vrrp_script whose program is missing is disabled ("Disabling track script ... since not
 * found/accessible") and silently dropped from what tracks it. With enable_script_security, a script run as root that a non-root
 * user could change is disabled. Without it, any script that would run as root is a security
 * violation: -t exits 6. Other scripts that will not run stay in the configuration (what refers
 * to them keeps working as keepalived's does, a MISC_CHECK failing), with a warning.
 */
final class ScriptSecurityCheck implements Check {

    @Override
    public Block apply(Block root, CheckContext ctx) {
        Block global = root.section(RootKeywords.GLOBAL_DEFS);
        boolean security = Boolean.TRUE.equals(global.get(GlobalKeywords.ENABLE_SCRIPT_SECURITY));
        int defaultUid = defaultUid(global, ctx);
        Set<String> disabled = new HashSet<>();
        List<Block> vrrpScripts = new ArrayList<>();
        for (Block vs : root.blocks(RootKeywords.VRRP_SCRIPT)) {
            Setting s = scriptOf(vs);
            if (s == null) {
                vrrpScripts.add(vs);
                continue;
            }
            Script script = (Script) s.value();
            Host.ScriptFile file = ctx.host().scriptFile(script.argv().getFirst());
            if (!file.exists()) {
                ctx.diags().warning(s.pos(), "Disabling track script " + vs.head() + " since not found/accessible");
                disabled.add(vs.head());
            } else if (security && runsAsRoot(script, vs, defaultUid, ctx) && file.insecurity() != null) {
                ctx.diags().lint(s.pos(), "Unsafe permissions found for script '" + script.command() + "' - disabling ("
                        + file.insecurity() + ")");
                disabled.add(vs.head());
            } else {
                vrrpScripts.add(vs);
            }
        }
        Block b = root.withBlocks(RootKeywords.VRRP_SCRIPT, vrrpScripts);
        if (!disabled.isEmpty()) {
            b = dropTracking(b, disabled);
        }
        b = b.mapDeep((block, s) -> {
            if (!(s.value() instanceof Script script) || script.argv().isEmpty() || block.spec() == scriptBlockSpec()) {
                return s;
            }
            // keepalived does not run these, but keeps what refers to them (a MISC_CHECK stays, and fails)
            Host.ScriptFile file = ctx.host().scriptFile(script.argv().getFirst());
            if (!file.exists()) {
                ctx.diags().lint(s.pos(), "script '" + script.argv().getFirst() + "' not found - it will not run");
            } else if (security && runsAsRoot(script, null, defaultUid, ctx) && file.insecurity() != null) {
                ctx.diags().lint(s.pos(), "Unsafe permissions found for script '" + script.command() + "' - it will not run ("
                        + file.insecurity() + ")");
            }
            return s;
        });
        if (!security) {
            verdict(b, defaultUid, ctx);
        }
        return b;
    }

    private static io.jkeepalived.config.schema.BlockSpec scriptBlockSpec() {
        return RootKeywords.VRRP_SCRIPT.spec();
    }

    /** The first script that would run as root makes the verdict; one message for them all. */
    private static void verdict(Block root, int defaultUid, CheckContext ctx) {
        Setting[] first = new Setting[1];
        root.visitDeep((block, s) -> {
            // only scripts that exist count: keepalived does not run (nor mind) one it cannot find
            if (first[0] == null && s.value() instanceof Script script && !script.argv().isEmpty()
                    && ctx.host().scriptFile(script.argv().getFirst()).exists()
                    && runsAsRoot(script, block.spec() == scriptBlockSpec() ? block : null, defaultUid, ctx)) {
                first[0] = s;
            }
        });
        if (first[0] != null) {
            ctx.diags().security(first[0].pos(),
                    "SECURITY VIOLATION - scripts are being executed but script_security not enabled.");
        }
    }

    private static Setting scriptOf(Block vrrpScript) {
        Setting found = null;
        for (Setting s : vrrpScript.settings()) {
            if (s.value() instanceof Script) {
                found = s;
            }
        }
        return found;
    }

    /**
     * The uid a script without a user runs as: script_user's, else keepalived_script's, else root's.
     * (ScriptUserCheck has already dropped a script_user that does not exist.)
     */
    private static int defaultUid(Block global, CheckContext ctx) {
        List<String> scriptUser = global.get(GlobalKeywords.SCRIPT_USER);
        if (scriptUser != null) {
            return ctx.host().user(scriptUser.getFirst()).map(Host.Account::uid).orElse(0);
        }
        return ctx.host().user(ScriptUserCheck.DEFAULT_SCRIPT_USER).map(Host.Account::uid).orElse(0);
    }

    private static boolean runsAsRoot(Script script, Block vrrpScript, int defaultUid, CheckContext ctx) {
        String user = script.user();
        if (user == null && vrrpScript != null) {
            user = vrrpScript.explicit(TrackKeywords.USER).map(TrackValues.ScriptUser::user).orElse(null);
        }
        if (user == null) {
            return defaultUid == 0;
        }
        return ctx.host().user(user).map(Host.Account::uid).orElse(0) == 0;
    }

    /** Instances and groups stop tracking disabled scripts without a word, as keepalived. */
    private static Block dropTracking(Block root, Set<String> disabled) {
        List<Block> instances = new ArrayList<>();
        for (Block i : root.blocks(RootKeywords.VRRP_INSTANCE)) {
            instances.add(without(i, VrrpKeywords.TRACK_SCRIPT, disabled));
        }
        List<Block> groups = new ArrayList<>();
        for (Block g : root.blocks(RootKeywords.VRRP_SYNC_GROUP)) {
            groups.add(without(g, VrrpKeywords.GROUP_TRACK_SCRIPT, disabled));
        }
        return root.withBlocks(RootKeywords.VRRP_INSTANCE, instances).withBlocks(RootKeywords.VRRP_SYNC_GROUP, groups);
    }

    private static Block without(Block b, Keyword.ListBlock<TrackRef> k, Set<String> names) {
        if (!b.isSet(k)) {
            return b;
        }
        return b.withEntries(k, b.entries(k).stream().filter(e -> !names.contains(e.value().name())).toList());
    }
}
