package io.jkeepalived.config.read;

import io.jkeepalived.config.Diagnostics;
import io.jkeepalived.config.SourcePos;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The lexical layer of keepalived's configuration parser ({@code read_line} in keepalived's
 * lib/parser.c), producing {@link Line}s for the block parser. In order, for each line:
 * comments ('#' and '!' outside double quotes; {@code \#} and {@code \!} escape them), the
 * conditional prefix {@code @id} / {@code @^id}, definitions {@code $NAME=VALUE} (multi-line with
 * a trailing '\'), sequences {@code ~SEQ(...)} / {@code ~SEQx(...)} and lists {@code ~LST(...)},
 * substitution of {@code $NAME} and {@code ${NAME}}, {@code include} and its checking variants;
 * finally a '{' or '}' outside double quotes ends the line and becomes a line of its own.
 *
 * <p>Where keepalived has no limit we set one, so that no input can hang or exhaust the daemon:
 * total configuration size, line length, include depth, and expansion counts. Included files,
 * sequences and multi-line expansions are scoped to the file that started them.
 */
public final class ConfigReader {

    /** Far above any real configuration (2,000 VRRP instances take about 400 KiB). */
    public static final long MAX_TOTAL_BYTES = 32L << 20;
    /** keepalived itself stops at 1,023 characters (MAXBUF); we allow longer lines. */
    public static final int MAX_LINE_CHARS = 64 * 1024;
    public static final int MAX_INCLUDE_DEPTH = 64;
    /** Substitutions within one line: deep enough for any template, bounded against $A=$A. */
    static final int MAX_SUBSTITUTIONS_PER_LINE = 10_000;

    /** Reader options: the configuration id for {@code @id} lines, and the seed for {@code ${_RANDOM}}. */
    public record Options(String configId, long randomSeed) {
    }

    private final Diagnostics diags;
    private final Deque<Source> sources = new ArrayDeque<>();
    private final Definitions defs;
    private final String configId;
    private long bytesRead;
    private boolean stopped;
    /** Position of the physical line the current logical line came from. */
    private SourcePos pos;
    /** A multi-line definition being collected, and whether one is. */
    private Definitions.Definition collecting;

    public ConfigReader(Path mainFile, Options options, Diagnostics diags) {
        this.diags = diags;
        this.configId = options.configId();
        this.defs = new Definitions(options.configId(), this::currentDir, options.randomSeed());
        this.pos = SourcePos.of(mainFile);
        open(mainFile, mainFile.toAbsolutePath().normalize(), EnumSet.noneOf(IncludeCheck.class), true);
    }

    /** global_defs {@code include_check}: the checks for later includes from the current file. */
    public void includeCheck(Set<IncludeCheck> checks) {
        Source s = sources.peek();
        if (s != null) {
            s.includeChecks = EnumSet.noneOf(IncludeCheck.class);
            s.includeChecks.addAll(checks);
        }
    }

    public Set<IncludeCheck> includeCheck() {
        Source s = sources.peek();
        return s == null ? Set.of() : Set.copyOf(s.includeChecks);
    }

    /** global_defs {@code random_seed}. */
    public void randomSeed(long seed) {
        defs.seed(seed);
    }

    /** The position of the line most recently returned. */
    public SourcePos position() {
        return pos;
    }

    /** The next logical line, or null at the end of the configuration. */
    public Line next() {
        while (true) {
            Source src = top();
            if (src == null) {
                return null;
            }
            String buf = nextText(src);
            if (buf == null) {
                close();
                continue;
            }
            String line = process(src, buf);
            if (line == null || line.isEmpty() || include(src, line)) {
                continue;
            }
            Line split = split(src, line);
            if (split != null) {
                return split;
            }
        }
    }

    // ---- sources -------------------------------------------------------------------------

    /** One open configuration file, and the expansions that belong to it. */
    private static final class Source {
        final Path display;
        /** The absolute directory of the file as named: relative includes start here (keepalived chdir()s to it). */
        final Path dir;
        final Path real;
        final List<String> lines;
        int index;
        int lineNo;
        String residue;
        final Deque<Repeat> repeats = new ArrayDeque<>();
        final Deque<Expansion> expansions = new ArrayDeque<>();
        EnumSet<IncludeCheck> includeChecks;
        /** Files matched by an include of this file, opened one after the other. */
        final Deque<Path[]> queuedIncludes = new ArrayDeque<>();

        Source(Path display, Path real, List<String> lines, EnumSet<IncludeCheck> checks) {
            this.display = display;
            Path parent = display.toAbsolutePath().normalize().getParent();
            this.dir = parent == null ? Path.of("/") : parent;
            this.real = real;
            this.lines = lines;
            this.includeChecks = checks;
        }
    }

    /** The remaining lines of a multi-line definition being expanded. */
    private record Expansion(Deque<String> lines, int repeatDepth) {
    }

    private Source top() {
        Source s = sources.peek();
        while (s != null && !s.queuedIncludes.isEmpty()) {
            Path[] next = s.queuedIncludes.poll();
            if (open(next[0], next[1], EnumSet.copyOf(s.includeChecks), false)) {
                return sources.peek();
            }
        }
        return s;
    }

    private void close() {
        Source done = sources.pop();
        if (done.residue != null) {
            done.residue = null;
        }
        Source parent = sources.peek();
        if (parent != null) {
            pos = new SourcePos(parent.display, parent.lineNo);
        }
    }

    private String currentDir() {
        Source s = sources.peek();
        Path dir = s == null ? null : s.real.getParent();
        return dir == null ? "/" : dir.toString();
    }

    /** Opens a file (the main file or an include); false if it was not opened. */
    private boolean open(Path display, Path real, EnumSet<IncludeCheck> checks, boolean main) {
        if (stopped) {
            return false;
        }
        SourcePos at = pos;
        if (sources.size() >= MAX_INCLUDE_DEPTH) {
            diags.error(at, "includes nested more than " + MAX_INCLUDE_DEPTH + " deep at '" + display
                    + "' - not opening it");
            return false;
        }
        Path canonical = real;
        try {
            canonical = real.toRealPath();
        } catch (IOException e) {
            // reported below when reading fails
        }
        for (Source s : sources) {
            if (s.real.equals(canonical)) {
                diags.error(at, "include cycle: " + cycle(canonical, display) + " - not including it again");
                return false;
            }
        }
        if (!main && !regularNonExecutable(real, display, at)) {
            return false;
        }
        byte[] bytes;
        try {
            long size = Files.size(real);
            if (bytesRead + size > MAX_TOTAL_BYTES) {
                diags.fatal(main ? SourcePos.of(display) : at, "configuration is larger than "
                        + (MAX_TOTAL_BYTES >> 20) + " MiB (" + display + " is " + mib(size)
                        + ") - refusing to read it");
                stopped = true;
                sources.clear();
                return false;
            }
            bytes = Files.readAllBytes(real);
        } catch (IOException e) {
            String why = e instanceof java.nio.file.NoSuchFileException ? "no such file"
                    : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e.getMessage();
            if (main) {
                diags.fatal(SourcePos.of(display), "cannot read configuration file: " + why);
            } else {
                diags.error(at, "cannot read included file '" + display + "': " + why);
            }
            return false;
        }
        bytesRead += bytes.length;
        List<String> lines = decode(bytes, display, at);
        if (lines == null) {
            return false;
        }
        sources.push(new Source(display, canonical, lines, checks));
        return true;
    }

    private boolean regularNonExecutable(Path real, Path display, SourcePos at) {
        if (Files.isDirectory(real)) {
            return false;
        }
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(real, LinkOption.NOFOLLOW_LINKS);
            boolean executable = perms.contains(PosixFilePermission.OWNER_EXECUTE)
                    || perms.contains(PosixFilePermission.GROUP_EXECUTE)
                    || perms.contains(PosixFilePermission.OTHERS_EXECUTE);
            if (Files.isSymbolicLink(real)) {
                perms = Files.getPosixFilePermissions(real);
                executable = perms.contains(PosixFilePermission.OWNER_EXECUTE)
                        || perms.contains(PosixFilePermission.GROUP_EXECUTE)
                        || perms.contains(PosixFilePermission.OTHERS_EXECUTE);
            }
            if (executable || !Files.isRegularFile(real)) {
                diags.lint(at, "configuration file '" + display + "' is not a regular non-executable file - skipping");
                return false;
            }
        } catch (IOException | UnsupportedOperationException e) {
            return true; // let the read report it
        }
        return true;
    }

    private String cycle(Path canonical, Path display) {
        StringBuilder sb = new StringBuilder();
        List<Source> chain = new ArrayList<>(sources);
        java.util.Collections.reverse(chain);
        boolean started = false;
        for (Source s : chain) {
            started |= s.real.equals(canonical);
            if (started) {
                sb.append(s.display).append(" -> ");
            }
        }
        return sb.append(display).toString();
    }

    private static String mib(long bytes) {
        return String.format("%.1f MiB", bytes / 1048576.0);
    }

    /**
     * Splits a file into lines ("\n", "\r\n" or "\r" end a line). A file with a NUL or other
     * control character is not a configuration file: it is reported once and skipped.
     */
    private List<String> decode(byte[] bytes, Path display, SourcePos at) {
        int line = 1;
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            if (b == '\n') {
                line++;
            } else if (b < 0x20 && b != '\t' && b != '\r' && b != '\f' && b != 0x0b || b == 0x7f) {
                diags.error(new SourcePos(display, line), String.format(
                        "binary data (byte 0x%02x) - this is not a configuration file, skipping it", b));
                return null;
            }
        }
        String text = new String(bytes, StandardCharsets.UTF_8); // malformed UTF-8 becomes U+FFFD
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(start, i));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    // ---- getting the next piece of text --------------------------------------------------------

    /**
     * The next text to process, in keepalived's order of precedence: what followed a brace on the
     * previous line; the next round of the innermost sequence started since the current multi-line
     * expansion; the next line of that expansion; the next physical line. Null at end of file.
     */
    private String nextText(Source src) {
        if (src.residue != null) {
            String r = src.residue;
            src.residue = null;
            return r;
        }
        Expansion exp = src.expansions.peek();
        int depth = exp == null ? 0 : exp.repeatDepth();
        if (src.repeats.size() > depth) {
            Repeat r = src.repeats.peek();
            String text = r.next(defs);
            if (r.exhausted()) {
                src.repeats.pop();
            }
            return text;
        }
        if (exp != null) {
            String text = exp.lines().poll();
            if (exp.lines().isEmpty()) {
                src.expansions.pop();
            }
            return text;
        }
        return physical(src);
    }

    /** The next non-empty physical line, decommented; "" for a line that decomments to nothing. */
    private String physical(Source src) {
        while (src.index < src.lines.size()) {
            String raw = src.lines.get(src.index++);
            src.lineNo++;
            pos = new SourcePos(src.display, src.lineNo);
            if (raw.length() > MAX_LINE_CHARS) {
                diags.error(pos, "line is " + raw.length() + " characters long (limit " + MAX_LINE_CHARS + ") - ignored");
                continue;
            }
            if (raw.isEmpty()) {
                if (collecting != null) {
                    endDefinition();
                }
                continue;
            }
            return decomment(raw);
        }
        return null;
    }

    /**
     * keepalived's decomment(): drops leading blanks, a comment from '#' or '!' outside double
     * quotes, and trailing blanks; {@code \#} and {@code \!} outside quotes become '#' and '!'; a
     * trailing '\' (a continuation, meaningful in multi-line definitions) is kept.
     */
    String decomment(String raw) {
        int start = 0;
        while (start < raw.length() && (raw.charAt(start) == ' ' || raw.charAt(start) == '\t')) {
            start++;
        }
        StringBuilder out = new StringBuilder(raw.length());
        boolean quote = false;
        boolean continued = false;
        int commentAt = -1;
        for (int i = start; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '"') {
                if (commentAt < 0) {
                    quote = !quote;
                }
            } else if (c == '\\') {
                if (i + 1 < raw.length()) {
                    char next = raw.charAt(i + 1);
                    if (!quote && commentAt < 0 && (next == '#' || next == '!')) {
                        out.append(next);
                        i++;
                        continue;
                    }
                    out.append(c).append(next);
                    i++;
                    continue;
                }
                continued = true;
                break;
            } else if (!quote && commentAt < 0 && (c == '!' || c == '#')) {
                commentAt = out.length();
            }
            out.append(c);
        }
        if (quote) {
            diags.error(pos, "unterminated quote in '" + raw.strip() + "'");
        }
        if (commentAt >= 0) {
            out.setLength(commentAt);
        }
        int end = out.length();
        while (end > 0 && (out.charAt(end - 1) == ' ' || out.charAt(end - 1) == '\t')) {
            end--;
        }
        out.setLength(end);
        if (continued) {
            out.append('\\');
        }
        return out.toString();
    }

    // ---- processing one piece of text ---------------------------------------------------------

    /**
     * Applies multi-line definition collection, conditionals, definitions, sequences and
     * substitution. Returns the line to use, or "" / null when the text produced no line.
     */
    private String process(Source src, String text) {
        if (collecting != null) {
            collect(text);
            return "";
        }
        String buf = text;
        boolean recheck;
        do {
            recheck = false;
            if (buf.isEmpty()) {
                return "";
            }
            if (buf.charAt(0) == '@') {
                buf = conditional(buf);
                if (buf.isEmpty()) {
                    return "";
                }
            }
            if (buf.charAt(0) == '$' && define(buf)) {
                return "";
            }
            if (buf.startsWith("~SEQ") || buf.startsWith("~LST")) {
                Repeat r = Repeat.parse(buf, defs, this::substituteParams, msg -> diags.error(pos, msg));
                if (r != null && !r.exhausted()) {
                    src.repeats.push(r);
                }
                return "";
            }
            if (buf.charAt(0) == '~') {
                break;
            }
            if (buf.indexOf('$') >= 0) {
                StringBuilder sb = new StringBuilder(buf);
                Substitution result = substitute(src, sb);
                if (result == Substitution.FAILED) {
                    return "";
                }
                if (result == Substitution.NONE) {
                    break;
                }
                buf = sb.toString();
                recheck = !buf.isEmpty() && (buf.charAt(0) == '@' || buf.indexOf('$') >= 0);
            }
        } while (recheck);
        return buf;
    }

    /** {@code @id rest} keeps "rest" only if id is our config id; {@code @^id rest} only if it is not. */
    private String conditional(String buf) {
        boolean negate = buf.length() > 1 && buf.charAt(1) == '^';
        int idStart = negate ? 2 : 1;
        int space = idStart;
        while (space < buf.length() && buf.charAt(space) != ' ' && buf.charAt(space) != '\t') {
            space++;
        }
        if (space >= buf.length()) {
            return "";
        }
        boolean matches = configId != null && buf.substring(idStart, space).equals(configId);
        if (matches == negate) {
            return "";
        }
        int rest = space;
        while (rest < buf.length() && (buf.charAt(rest) == ' ' || buf.charAt(rest) == '\t')) {
            rest++;
        }
        return buf.substring(rest);
    }

    /** {@code $NAME=VALUE}; true if the line was a definition. */
    private boolean define(String buf) {
        if (buf.length() < 2 || !Definitions.isNameStart(buf.charAt(1))) {
            return false;
        }
        int i = 2;
        while (i < buf.length() && buf.charAt(i) != '=') {
            if (!Definitions.isNameChar(buf.charAt(i))) {
                return false;
            }
            i++;
        }
        if (i >= buf.length()) {
            return false;
        }
        String name = buf.substring(1, i);
        int v = i + 1;
        while (v < buf.length() && (buf.charAt(v) == ' ' || buf.charAt(v) == '\t')) {
            v++;
        }
        String value = buf.substring(v);
        if (value.endsWith("\\")) {
            String first = stripTrailingBlanks(value.substring(0, value.length() - 1));
            Definitions.Definition d = defs.define(name, first.isEmpty() ? "" : first + "\n", true);
            collecting = d;
        } else {
            defs.define(name, value, false);
        }
        return true;
    }

    /** Adds a line to the multi-line definition being collected. */
    private void collect(String text) {
        Definitions.Definition d = collecting;
        boolean more = text.endsWith("\\");
        String line = more ? stripTrailingBlanks(text.substring(0, text.length() - 1)) : text;
        if (!line.isEmpty()) {
            d.value = d.value + line + (more ? "\n" : "");
        }
        if (!more) {
            endDefinition();
        }
    }

    private void endDefinition() {
        Definitions.Definition d = collecting;
        collecting = null;
        if (d.value.endsWith("\n")) {
            d.value = d.value.substring(0, d.value.length() - 1);
        }
        if (d.value.isEmpty()) {
            d.multiline = false;
        }
    }

    private static String stripTrailingBlanks(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) {
            end--;
        }
        return s.substring(0, end);
    }

    private enum Substitution { NONE, DONE, FAILED }

    /**
     * keepalived's replace_param: replaces each use of a definition, rescanning the replacement
     * (so values may use other definitions). A multi-line definition used at the end of a line
     * puts its first line there and queues the rest.
     */
    private Substitution substitute(Source src, StringBuilder buf) {
        boolean found = false;
        int cur = 0;
        int count = 0;
        Definitions.Reference[] ref = new Definitions.Reference[1];
        while ((cur = buf.indexOf("$", cur)) >= 0 && cur + 1 < buf.length()) {
            Definitions.Definition d = defs.lookup(buf, cur, ref);
            if (d == null) {
                cur++;
                continue;
            }
            if (++count > MAX_SUBSTITUTIONS_PER_LINE) {
                diags.error(pos, "more than " + MAX_SUBSTITUTIONS_PER_LINE
                        + " substitutions in one line (a definition that uses itself?) - line ignored");
                return Substitution.FAILED;
            }
            found = true;
            String value = defs.valueOf(d, ref[0].params());
            String replacement = value;
            if (d.multiline) {
                int nl = value.indexOf('\n');
                replacement = nl < 0 ? value : value.substring(0, nl);
                if (nl >= 0) {
                    Deque<String> rest = new ArrayDeque<>(List.of(value.substring(nl + 1).split("\n", -1)));
                    src.expansions.push(new Expansion(rest, src.repeats.size()));
                }
            }
            buf.replace(ref[0].start(), ref[0].end(), replacement);
            if (buf.length() > MAX_LINE_CHARS) {
                diags.error(pos, "substitution makes the line longer than " + MAX_LINE_CHARS
                        + " characters (a definition that uses itself?) - line ignored");
                return Substitution.FAILED;
            }
            if (value.stripLeading().startsWith("~")) {
                break;
            }
        }
        return found ? Substitution.DONE : Substitution.NONE;
    }

    /** Substitution inside the parameters of ~SEQ and ~LST, which must not be multi-line. */
    private String substituteParams(String text) {
        StringBuilder sb = new StringBuilder(text);
        Definitions.Reference[] ref = new Definitions.Reference[1];
        int cur = 0;
        int count = 0;
        while ((cur = sb.indexOf("$", cur)) >= 0 && cur + 1 < sb.length() && count++ < MAX_SUBSTITUTIONS_PER_LINE) {
            Definitions.Definition d = defs.lookup(sb, cur, ref);
            if (d == null || d.multiline) {
                cur++;
                continue;
            }
            sb.replace(ref[0].start(), ref[0].end(), defs.valueOf(d, ref[0].params()));
            if (sb.length() > MAX_LINE_CHARS) {
                break;
            }
        }
        return sb.toString();
    }

    // ---- includes --------------------------------------------------------------------------------

    /** If the line is an include (a keyword of the include family and one file name), handles it. */
    private boolean include(Source src, String line) {
        if (!line.startsWith("include")) {
            return false;
        }
        List<String> words = Words.split(line);
        if (words.size() != 2) {
            return false;
        }
        Set<IncludeCheck> added = IncludeCheck.forKeyword(words.get(0));
        if (added == null) {
            return false;
        }
        EnumSet<IncludeCheck> checks = EnumSet.noneOf(IncludeCheck.class);
        checks.addAll(src.includeChecks);
        checks.addAll(added);
        String pattern = words.get(1);
        Path displayDir = src.display.getParent() == null ? Path.of("") : src.display.getParent();
        List<Path[]> files = new ArrayList<>();
        for (String alternative : Glob.expandBraces(pattern)) {
            List<Path> matches = Glob.match(src.dir, alternative);
            if (matches.isEmpty() && checks.contains(IncludeCheck.BRACE_MATCH) && !alternative.equals(pattern)) {
                diags.error(pos, "include '" + pattern + "': no file matches '" + alternative + "'");
            }
            for (Path m : matches) {
                // name it as the operator would: absolute if they wrote it so, else beside its includer
                Path display = Path.of(alternative).isAbsolute() ? m : displayDir.resolve(src.dir.relativize(m));
                files.add(new Path[] {display, m});
            }
        }
        List<Path[]> readable = new ArrayList<>();
        for (Path[] f : files) {
            if (Files.isDirectory(f[1])) {
                continue;
            }
            if (!Files.isReadable(f[1])) {
                if (checks.contains(IncludeCheck.READABLE)) {
                    diags.error(pos, "included file '" + f[0] + "' is not readable");
                } else {
                    diags.lint(pos, "included file '" + f[0] + "' is not readable - skipping");
                }
                continue;
            }
            readable.add(f);
        }
        if (readable.isEmpty()) {
            boolean wildcard = Glob.hasWildcard(pattern);
            if (checks.contains(IncludeCheck.WILDCARD_MATCH) || (checks.contains(IncludeCheck.MATCH) && !wildcard)) {
                diags.error(pos, "include '" + pattern + "': no such file");
            } else {
                diags.lint(pos, "include '" + pattern + "' matched no file");
            }
        }
        src.queuedIncludes.addAll(readable);
        return true;
    }

    // ---- splitting at braces ---------------------------------------------------------------------

    /**
     * A '{' or '}' outside double quotes ends the line: at the start of the line it is the line,
     * and the rest is read next; elsewhere the text before it is the line. Null if no words remain
     * (an unmatched '"' at the start, already reported by decomment).
     */
    private Line split(Source src, String buf) {
        int brace = -1;
        if (buf.charAt(0) == '{' || buf.charAt(0) == '}') {
            brace = 0;
        } else {
            boolean quote = false;
            for (int i = 0; i < buf.length(); i++) {
                char c = buf.charAt(i);
                if (c == '"') {
                    quote = !quote;
                } else if (!quote && (c == '{' || c == '}')) {
                    brace = i;
                    break;
                }
            }
        }
        String line = buf;
        if (brace >= 0) {
            int restStart = brace == 0 ? 1 : brace;
            String rest = buf.substring(restStart).strip();
            line = brace == 0 ? buf.substring(0, 1) : stripTrailingBlanks(buf.substring(0, brace));
            if (!rest.isEmpty()) {
                src.residue = rest;
            }
        }
        List<String> words = Words.split(line);
        return words.isEmpty() ? null : new Line(List.copyOf(words), line, pos);
    }
}
