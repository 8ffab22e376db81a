package io.jkeepalived.config.value;

import io.jkeepalived.config.read.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A script to run: {@code keyword <STRING>|<QUOTED-STRING> [username [groupname]]}. As in
 * keepalived (notify_script_init, set_script_params_array), the line is split with shell-like
 * quoting and escapes, and the script string itself is split again the same way into the program
 * and its arguments, so {@code notify "/bin/x 'a b' c"} runs /bin/x with "a b" and "c".
 *
 * @param command the script string as configured (after quote removal)
 * @param argv    the program and its arguments
 * @param user    the user to run it as, or null for the default (script_user)
 * @param group   the group, or null for the user's group
 */
public record Script(String command, List<String> argv, String user, String group) {

    public Script {
        argv = List.copyOf(argv);
    }

    public static Script of(String command) {
        return new Script(command, Words.splitQuotedEscaped(command), null, null);
    }

    /** The value type; {@code withUser} accepts the optional username and groupname. */
    public static ValueType<Script> type(boolean withUser) {
        return withUser ? WITH_USER : PLAIN;
    }

    private static final ValueType<Script> WITH_USER = new Type(true);
    private static final ValueType<Script> PLAIN = new Type(false);

    private record Type(boolean withUser) implements ValueType<Script> {

        @Override
        public Script parse(Args args) {
            List<String> words;
            try {
                words = Words.splitQuotedEscaped(args.text());
            } catch (IllegalArgumentException e) {
                throw new ValueException(e.getMessage());
            }
            if (words.size() < 2) {
                throw ValueException.missingParameter("no script specified");
            }
            if (words.get(1).isBlank()) {
                throw new ValueException("no script specified");
            }
            String command = words.get(1);
            List<String> argv;
            try {
                argv = Words.splitQuotedEscaped(command);
            } catch (IllegalArgumentException e) {
                throw new ValueException("script '" + command + "': " + e.getMessage());
            }
            String user = null;
            String group = null;
            if (withUser) {
                user = words.size() > 2 ? words.get(2) : null;
                group = words.size() > 3 ? words.get(3) : null;
                if (words.size() > 4) {
                    args.lint("extra words ignored: '" + String.join(" ", words.subList(4, words.size())) + "'");
                }
            } else if (words.size() > 2) {
                args.lint("extra words ignored: '" + String.join(" ", words.subList(2, words.size())) + "'"
                        + " - quote the script and its arguments together");
            }
            return new Script(command, argv, user, group);
        }

        @Override
        public List<String> format(Script s) {
            List<String> out = new ArrayList<>();
            out.add(quoteCommand(s.command));
            if (s.user != null) {
                out.add(s.user);
                if (s.group != null) {
                    out.add(s.group);
                }
            }
            return out;
        }

        @Override
        public Object json(Script s) {
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("command", s.command);
            m.put("argv", s.argv);
            if (s.user != null) {
                m.put("user", s.user);
            }
            if (s.group != null) {
                m.put("group", s.group);
            }
            return m;
        }

        @Override
        public String syntax() {
            return withUser ? "<STRING>|<QUOTED-STRING> [username [groupname]]" : "<STRING>|<QUOTED-STRING>";
        }

        @Override
        public Script sample(RandomGenerator r) {
            String[] commands = {"/bin/true", "/usr/local/bin/check.sh", "/bin/echo 'a b' c", "/bin/kill -0 $(cat /run/x.pid)"};
            String c = commands[r.nextInt(commands.length)];
            String user = withUser && r.nextBoolean() ? "nobody" : null;
            String group = user != null && r.nextBoolean() ? "nogroup" : null;
            return new Script(c, Words.splitQuotedEscaped(c), user, group);
        }
    }

    /**
     * Writes the script string so that reading it back gives the same string: in double quotes
     * (which protect '#', '!' and braces from the reader), with '\' and '"' escaped.
     */
    static String quoteCommand(String command) {
        return '"' + command.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
