package io.jkeepalived.config.schema;

import io.jkeepalived.config.value.Script;
import io.jkeepalived.config.value.TrackValues;
import io.jkeepalived.config.value.TrackValues.InitFile;
import io.jkeepalived.config.value.TrackValues.ParamMatch;
import io.jkeepalived.config.value.TrackValues.ProcessSpec;
import io.jkeepalived.config.value.TrackValues.ScriptUser;
import io.jkeepalived.config.value.TrackValues.Weight;
import io.jkeepalived.config.value.Types;
import java.time.Duration;

/**
 * The keywords of vrrp_script, track_file (vrrp_track_file) and vrrp_track_process
 * (keepalived.conf(5), "VRRP script(s)", "Track files", "VRRP track processes"), with the ranges
 * and defaults the keepalived 2.2.7 binary enforces where they differ from the man page (a
 * vrrp_track_process weight defaults to 0, not 1). Which of several occurrences counts, and what
 * keepalived removes, is validation's job (TrackCheck).
 */
public final class TrackKeywords {

    private TrackKeywords() {
    }

    // ---- vrrp_script NAME { } ----------------------------------------------------------------------

    public static final BlockSpec VRRP_SCRIPT = new BlockSpec("vrrp_script", Feature.TRACKING);

    public static final Keyword.Value<Script> SCRIPT = VRRP_SCRIPT
            .value("script", Script.type(false)).since("1.1.13")
            .doc("the command to run, split with shell-like quoting into program and arguments");
    public static final Keyword.Value<Duration> INTERVAL = VRRP_SCRIPT
            .value("interval", TrackValues.scriptSeconds("interval")).defaultsTo(Duration.ofSeconds(1)).since("1.1.13")
            .readsParameterBlindly()
            .doc("seconds between runs, 1..4294 (0 is taken as 1)");
    public static final Keyword.Value<Duration> TIMEOUT = VRRP_SCRIPT
            .value("timeout", TrackValues.scriptSeconds("timeout")).since("1.2.6")
            .readsParameterBlindly()
            .doc("seconds after which a run counts as failed and is killed (default: the interval)");
    public static final Keyword.Value<Weight> WEIGHT = VRRP_SCRIPT
            .value("weight", TrackValues.SCRIPT_WEIGHT).defaultsTo(Weight.of(0)).since("1.1.13")
            .readsParameterBlindly()
            .doc("-253..253 added to the priority on success (negative: on failure); 0: failure means FAULT");
    public static final Keyword.Value<Integer> RISE = VRRP_SCRIPT
            .value("rise", TrackValues.scriptCount("rise")).defaultsTo(1).since("1.1.18")
            .readsParameterBlindly()
            .doc("consecutive successes needed for OK");
    public static final Keyword.Value<Integer> FALL = VRRP_SCRIPT
            .value("fall", TrackValues.scriptCount("fall")).defaultsTo(1).since("1.1.18")
            .readsParameterBlindly()
            .doc("consecutive failures needed for KO");
    public static final Keyword.Value<ScriptUser> USER = VRRP_SCRIPT
            .value("user", TrackValues.SCRIPT_USER).since("1.3.0")
            .readsParameterBlindly()
            .doc("user and group to run the script as (default script_user)");
    public static final Keyword.Value<Boolean> INIT_FAIL = VRRP_SCRIPT
            .value("init_fail", Types.flag()).since("1.3.2")
            .doc("assume the script is failing until its first result");

    // ---- track_file NAME { } -----------------------------------------------------------------------

    public static final BlockSpec TRACK_FILE = new BlockSpec("track_file", Feature.TRACKING);

    public static final Keyword.Value<String> FILE = TRACK_FILE
            .value("file", TrackValues.TRACK_FILE_PATH).since("2.0.0")
            .doc("the file whose number (times the weight) adjusts the priority; only the first file counts");
    public static final Keyword.Value<Weight> FILE_WEIGHT = TRACK_FILE
            .value("weight", TrackValues.FILE_WEIGHT).defaultsTo(Weight.of(1)).since("2.0.0")
            .doc("-254..254 multiplying the value read; 0: a non-zero value means FAULT");
    public static final Keyword.Value<InitFile> INIT_FILE = TRACK_FILE
            .value("init_file", TrackValues.INIT_FILE)
            .doc("at startup write VALUE (default 0) if the file is missing, or always with overwrite");

    // ---- vrrp_track_process NAME { } ---------------------------------------------------------------

    public static final BlockSpec TRACK_PROCESS = new BlockSpec("vrrp_track_process", Feature.TRACKING);

    public static final Keyword.Value<ProcessSpec> PROCESS = TRACK_PROCESS
            .value("process", TrackValues.PROCESS).since("2.0.11")
            .readsParameterBlindly()
            .doc("the process name and optionally its parameters; only the first process counts");
    public static final Keyword.Value<ParamMatch> PARAM_MATCH = TRACK_PROCESS
            .value("param_match", TrackValues.PARAM_MATCH).since("2.0.16")
            .doc("match the parameters exactly (no argument), the last one as a prefix (initial), or only those given (partial)");
    public static final Keyword.Value<Weight> PROCESS_WEIGHT = TRACK_PROCESS
            .value("weight", TrackValues.PROCESS_WEIGHT).defaultsTo(Weight.of(0)).since("2.0.11")
            .doc("-254..254 added to the priority with quorum (negative: without); 0: no quorum means FAULT");
    public static final Keyword.Value<Integer> QUORUM = TRACK_PROCESS
            .value("quorum", Types.integer(1, TrackValues.MAX_QUORUM)).defaultsTo(1).since("2.0.11")
            .readsParameterBlindly()
            .doc("minimum number of matching processes, 1..65535 (0 when quorum_max is 0)");
    public static final Keyword.Value<Integer> QUORUM_MAX = TRACK_PROCESS
            .value("quorum_max", Types.integer(0, TrackValues.MAX_QUORUM)).since("2.0.16")
            .readsParameterBlindly()
            .doc("maximum number of matching processes, 0..65535 (default: no maximum; 0: none may run)");
    public static final Keyword.Value<Duration> FORK_DELAY = TRACK_PROCESS
            .value("fork_delay", TrackValues.PROCESS_DELAY).since("2.0.16")
            .readsParameterBlindly()
            .doc("seconds quorum must hold after a process starts before counting it up (default 0)");
    public static final Keyword.Value<Duration> TERMINATE_DELAY = TRACK_PROCESS
            .value("terminate_delay", TrackValues.PROCESS_DELAY).since("2.0.16")
            .readsParameterBlindly()
            .doc("seconds quorum must stay lost after a process exits before counting it down (default 0)");
    public static final Keyword.Value<Duration> DELAY = TRACK_PROCESS
            .value("delay", TrackValues.PROCESS_DELAY).since("2.0.11")
            .readsParameterBlindly()
            .doc("sets both fork_delay and terminate_delay");
    public static final Keyword.Value<Boolean> FULL_COMMAND = TRACK_PROCESS
            .value("full_command", Types.flag()).since("2.0.11")
            .doc("match /proc/PID/cmdline instead of the process name (implied by parameters or param_match)");
}
