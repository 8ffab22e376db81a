package io.jkeepalived.config.check;

import io.jkeepalived.config.Diagnostics;
import io.jkeepalived.config.parse.Block;
import io.jkeepalived.config.parse.Setting;
import io.jkeepalived.config.schema.Keyword;
import io.jkeepalived.config.schema.RootKeywords;
import io.jkeepalived.config.schema.TrackKeywords;
import io.jkeepalived.config.value.Script;
import io.jkeepalived.config.value.TrackValues.ParamMatch;
import io.jkeepalived.config.value.TrackValues.ProcessSpec;
import io.jkeepalived.config.value.TrackValues.ScriptUser;
import io.jkeepalived.config.value.TrackValues.Weight;
import io.jkeepalived.config.value.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * vrrp_script, track_file and vrrp_track_process validation, as keepalived's block end handlers
 * do it (vrrp_vscript_end_handler, track_file_end_handler, vrrp_tprocess_end_handler): what they
 * remove is removed here, so that an instance tracking it sees it gone ("track script X not
 * found"), and where keepalived keeps the first of several occurrences of a keyword rather than
 * the last, the first is kept.
 *
 * <p>Who a vrrp_script without a {@code user} line runs as (global_defs script_user, or the
 * keepalived_script user) is decided, with the removals it causes, by ScriptUserCheck; a
 * {@code user} line naming a user or group that does not exist is checked here.
 *
 * <p>Several blocks of the same name are accepted silently by keepalived, which then finds the
 * first one by name; the others are never used, and we drop them with a lint.
 */
final class TrackCheck implements Check {

    @Override
    public Block apply(Block root, CheckContext ctx) {
        Block r = root.withBlocks(RootKeywords.VRRP_SCRIPT,
                firstOfEachName(root.blocks(RootKeywords.VRRP_SCRIPT), b -> vrrpScript(b, ctx), "vrrp_script", ctx.diags()));
        r = r.withBlocks(RootKeywords.TRACK_FILE,
                firstOfEachName(r.blocks(RootKeywords.TRACK_FILE), b -> trackFile(b, ctx.diags()), "track_file", ctx.diags()));
        r = r.withBlocks(RootKeywords.VRRP_TRACK_PROCESS,
                firstOfEachName(r.blocks(RootKeywords.VRRP_TRACK_PROCESS), b -> trackProcess(b, ctx.diags()),
                        "vrrp_track_process", ctx.diags()));
        return r;
    }

    /**
     * Validates each block in order (null from {@code check} means removed) and keeps the first
     * surviving block of each name, as keepalived's find-by-name does.
     */
    static List<Block> firstOfEachName(List<Block> blocks, Function<Block, Block> check, String kind, Diagnostics diags) {
        Map<String, Block> kept = new LinkedHashMap<>();
        for (Block b : blocks) {
            Block checked = check.apply(b);
            if (checked == null) {
                continue;
            }
            String name = b.head();
            Block first = kept.get(name);
            if (first != null) {
                diags.lint(b.pos(), kind + " " + name + " is already defined at line " + first.pos().line()
                        + " - keepalived only uses the first, ignoring this one");
                continue;
            }
            kept.put(name, checked);
        }
        return new ArrayList<>(kept.values());
    }

    // ---- vrrp_script -------------------------------------------------------------------------------

    /** vrrp_vscript_user_handler and vrrp_vscript_end_handler. */
    private static Block vrrpScript(Block b, CheckContext ctx) {
        String name = b.head();
        Script script = b.get(TrackKeywords.SCRIPT);
        // every user line is looked up when read: a bad one removes the script unless a later one is good
        List<Setting> users = settingsOf(b, TrackKeywords.USER);
        boolean removeScript = false;
        for (int i = 0; i < users.size(); i++) {
            ScriptUser u = (ScriptUser) users.get(i).value();
            String problem = userProblem(u.user(), u.group(), ctx.host());
            if (problem != null) {
                boolean rescued = users.subList(i + 1, users.size()).stream()
                        .anyMatch(later -> userProblem(((ScriptUser) later.value()).user(), ((ScriptUser) later.value()).group(),
                                ctx.host()) == null);
                ctx.diags().error(users.get(i).pos(), "Unable to set uid/gid for script " + cmdStr(script) + " (" + problem
                        + ")" + (rescued ? " - ignoring" : " - removing vrrp_script " + name));
                removeScript = true;
            } else {
                removeScript = false;
            }
        }
        if (script == null || script.argv().isEmpty()) {
            ctx.diags().error(b.end(), "No script set for vrrp_script " + name + " - removing");
            return null;
        }
        if (removeScript) {
            return null;
        }
        Block out = stickyReverse(b, TrackKeywords.WEIGHT);
        Duration interval = b.get(TrackKeywords.INTERVAL);
        b.explicit(TrackKeywords.TIMEOUT).ifPresent(timeout -> {
            if (timeout.compareTo(interval) > 0) {
                ctx.diags().lint(b.posOf(TrackKeywords.TIMEOUT), "vrrp_script " + name + ": timeout " + timeout.toSeconds()
                        + " is longer than interval " + interval.toSeconds()
                        + " - a run still going when the next is due makes keepalived skip that one");
            }
        });
        return out;
    }

    /**
     * For weights that a later line replaces (vrrp_script, bfd_instance): keepalived sets the
     * reverse flag when a line has it and never clears it, so the last value counts with the
     * reverse of any line.
     */
    static Block stickyReverse(Block b, Keyword.Value<Weight> keyword) {
        List<Setting> lines = settingsOf(b, keyword);
        if (lines.size() < 2) {
            return b;
        }
        boolean reverse = lines.stream().anyMatch(s -> ((Weight) s.value()).reverse());
        return b.with(keyword, new Weight(((Weight) lines.getLast().value()).value(), reverse));
    }

    /** Why {@code user [group]} cannot be used (set_uid_gid: getpwnam/getgrnam), or null. */
    static String userProblem(String user, String group, Host host) {
        if (host.user(user).isEmpty()) {
            return "user " + user + " does not exist";
        }
        if (group != null && !host.groupExists(group)) {
            return "group " + group + " does not exist";
        }
        return null;
    }

    /** keepalived's cmd_str: each word of the command in single quotes. */
    private static String cmdStr(Script script) {
        if (script == null) {
            return "''";
        }
        return String.join(" ", script.argv().stream().map(a -> "'" + a + "'").toList());
    }

    // ---- track_file --------------------------------------------------------------------------------

    /** track_file_file_handler, track_file_weight_handler and track_file_end_handler. */
    private static Block trackFile(Block b, Diagnostics diags) {
        String name = b.head();
        // the first file counts
        List<Setting> files = settingsOf(b, TrackKeywords.FILE);
        for (Setting s : files.subList(Math.min(1, files.size()), files.size())) {
            diags.error(s.pos(), "File already set for track file " + name + " - ignoring " + s.value());
        }
        if (files.isEmpty()) {
            diags.error(b.end(), "No file set for track_file " + name + " - ignoring");
            return null;
        }
        Block out = b.with(TrackKeywords.FILE, (String) files.getFirst().value());
        // a weight can be set while it is still 1 (the default); reverse, once given, sticks
        Weight w = firstWeight(b, TrackKeywords.FILE_WEIGHT, 1, "Weight already set for track file " + name, diags);
        if (b.isSet(TrackKeywords.FILE_WEIGHT)) {
            out = out.with(TrackKeywords.FILE_WEIGHT, w);
        }
        return out;
    }

    /**
     * keepalived's rule for repeated weights of track_file and vrrp_track_process: a weight line
     * is refused while the weight differs from the default ("already set"); an accepted line's
     * reverse is kept even if a later line sets the weight again.
     */
    private static Weight firstWeight(Block b, Keyword.Value<Weight> keyword, int unset, String already, Diagnostics diags) {
        int weight = unset;
        boolean reverse = false;
        for (Setting s : settingsOf(b, keyword)) {
            Weight v = (Weight) s.value();
            if (weight != unset) {
                diags.error(s.pos(), already + " - ignoring " + v.value());
                continue;
            }
            weight = v.value();
            reverse |= v.reverse();
        }
        return new Weight(weight, reverse);
    }

    // ---- vrrp_track_process ------------------------------------------------------------------------

    /** The vrrp_tprocess_*_handler rules and vrrp_tprocess_end_handler. */
    private static Block trackProcess(Block b, Diagnostics diags) {
        String name = b.head();
        List<Setting> processes = settingsOf(b, TrackKeywords.PROCESS);
        for (Setting s : processes.subList(Math.min(1, processes.size()), processes.size())) {
            diags.error(s.pos(), "Process already set for track process " + name + " - ignoring "
                    + Types.quote1(((ProcessSpec) s.value()).name()));
        }
        if (processes.isEmpty()) {
            diags.error(b.end(), "track process '" + name + "' process name not specified - removing it");
            return null;
        }
        ProcessSpec process = (ProcessSpec) processes.getFirst().value();
        Block out = b.with(TrackKeywords.PROCESS, process);

        Weight w = firstWeight(b, TrackKeywords.PROCESS_WEIGHT, 0, "Weight already set for track process " + name, diags);
        if (b.isSet(TrackKeywords.PROCESS_WEIGHT)) {
            out = out.with(TrackKeywords.PROCESS_WEIGHT, w);
        }

        out = quorum(b, out, diags);
        out = delays(b, out);

        // parameters or param_match mean matching the command line; parameters alone match exactly
        if (!process.params().isEmpty() && !b.isSet(TrackKeywords.PARAM_MATCH)) {
            out = out.with(TrackKeywords.PARAM_MATCH, ParamMatch.EXACT);
        }
        if ((!process.params().isEmpty() || b.isSet(TrackKeywords.PARAM_MATCH)) && !b.isSet(TrackKeywords.FULL_COMMAND)) {
            out = out.with(TrackKeywords.FULL_COMMAND, Boolean.TRUE);
        }
        return out;
    }

    /**
     * quorum and quorum_max, in the order written (vrrp_tprocess_quorum_handler,
     * vrrp_tprocess_quorum_max_handler): each is refused if it contradicts the other as set so
     * far, and quorum_max 0 ("none may run") makes the quorum 0.
     */
    private static Block quorum(Block b, Block out, Diagnostics diags) {
        int quorum = 1;
        long quorumMax = -1; // unlimited
        boolean maxSet = false;
        for (Setting s : b.settings()) {
            if (s.keyword() == TrackKeywords.QUORUM) {
                int q = (Integer) s.value();
                if (maxSet && q > quorumMax) {
                    diags.error(s.pos(), "Quorum is greater than quorum_max - ignoring");
                    continue;
                }
                quorum = q;
            } else if (s.keyword() == TrackKeywords.QUORUM_MAX) {
                int m = (Integer) s.value();
                if ((m != 0 || quorum > 1) && m < quorum) {
                    diags.error(s.pos(), "quorum_max is less than quorum - ignoring");
                    continue;
                }
                quorumMax = m;
                maxSet = true;
                if (m == 0) {
                    quorum = 0;
                } else if (quorum == 0) {
                    quorum = 1;
                }
            }
        }
        Block r = out;
        // quorum 0 is only reachable through quorum_max 0 and cannot be written: leave it implied
        if (quorum == 0) {
            r = r.without(TrackKeywords.QUORUM);
        } else if (b.isSet(TrackKeywords.QUORUM)) {
            r = r.with(TrackKeywords.QUORUM, quorum);
        }
        r = maxSet ? r.with(TrackKeywords.QUORUM_MAX, (int) quorumMax) : r.without(TrackKeywords.QUORUM_MAX);
        return r;
    }

    /** delay sets both fork_delay and terminate_delay; in the order written, the last setting of each wins. */
    private static Block delays(Block b, Block out) {
        Duration fork = null;
        Duration terminate = null;
        for (Setting s : b.settings()) {
            if (s.keyword() == TrackKeywords.DELAY) {
                fork = (Duration) s.value();
                terminate = fork;
            } else if (s.keyword() == TrackKeywords.FORK_DELAY) {
                fork = (Duration) s.value();
            } else if (s.keyword() == TrackKeywords.TERMINATE_DELAY) {
                terminate = (Duration) s.value();
            }
        }
        Block r = out.without(TrackKeywords.DELAY);
        if (fork != null) {
            r = r.with(TrackKeywords.FORK_DELAY, fork);
        }
        if (terminate != null) {
            r = r.with(TrackKeywords.TERMINATE_DELAY, terminate);
        }
        return r;
    }

    private static List<Setting> settingsOf(Block b, Keyword<?> keyword) {
        return b.settings().stream().filter(s -> s.keyword() == keyword).toList();
    }
}
