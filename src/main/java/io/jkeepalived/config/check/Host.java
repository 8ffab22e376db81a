package io.jkeepalived.config.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What validation looks at besides the configuration, as keepalived does at {@code -t}: the
 * interfaces of this host, its users and groups, and script files. Tests substitute their own.
 */
public interface Host {

    /** The names of the host's network interfaces. */
    Set<String> interfaces();

    /** True if the interface is a loopback (keepalived refuses it for VRRP). */
    boolean isLoopback(String ifname);

    /** A user account: uid and primary gid. */
    record Account(String name, int uid, int gid) {
    }

    Optional<Account> user(String name);

    boolean groupExists(String name);

    /** Facts about a script's program file, for keepalived's checks (check_script_secure). */
    record ScriptFile(boolean exists, boolean executable, String insecurity) {
        /** Missing or not executable: keepalived disables the script. */
        public boolean usable() {
            return exists && executable;
        }
    }

    /**
     * The program file of a script: whether it exists and is executable, and, if a non-root user
     * could change or replace it (the file or a directory on its path writable by others, or not
     * owned by root), why.
     */
    ScriptFile scriptFile(String program);

    /** The host this process runs on: /sys/class/net, /etc/passwd, /etc/group, the file system. */
    static Host system() {
        return SystemHost.INSTANCE;
    }

    /** A host with the given interfaces and the system's users and files (for tests). */
    static Host withInterfaces(Set<String> names) {
        return new Host() {
            @Override
            public Set<String> interfaces() {
                return names;
            }

            @Override
            public boolean isLoopback(String ifname) {
                return ifname.equals("lo");
            }

            @Override
            public Optional<Account> user(String name) {
                return SystemHost.INSTANCE.user(name);
            }

            @Override
            public boolean groupExists(String name) {
                return SystemHost.INSTANCE.groupExists(name);
            }

            @Override
            public ScriptFile scriptFile(String program) {
                return SystemHost.INSTANCE.scriptFile(program);
            }
        };
    }

    /** Reads the host; every lookup is cheap and done on demand. */
    final class SystemHost implements Host {
        static final SystemHost INSTANCE = new SystemHost();

        @Override
        public Set<String> interfaces() {
            Set<String> names = new TreeSet<>();
            try (var dir = Files.list(Path.of("/sys/class/net"))) {
                dir.forEach(p -> names.add(p.getFileName().toString()));
            } catch (IOException e) {
                // no sysfs: no interfaces known
            }
            return names;
        }

        @Override
        public boolean isLoopback(String ifname) {
            try {
                // ARPHRD_LOOPBACK is 772
                return Files.readString(Path.of("/sys/class/net", ifname, "type")).strip().equals("772");
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }

        @Override
        public Optional<Account> user(String name) {
            for (String[] f : entries(Path.of("/etc/passwd"))) {
                if (f.length >= 4 && f[0].equals(name)) {
                    try {
                        return Optional.of(new Account(name, Integer.parseInt(f[2]), Integer.parseInt(f[3])));
                    } catch (NumberFormatException e) {
                        return Optional.empty();
                    }
                }
            }
            return Optional.empty();
        }

        @Override
        public boolean groupExists(String name) {
            return entries(Path.of("/etc/group")).stream().anyMatch(f -> f.length >= 1 && f[0].equals(name));
        }

        private static List<String[]> entries(Path file) {
            try {
                return Files.readAllLines(file).stream().map(l -> l.split(":", -1)).toList();
            } catch (IOException e) {
                return List.of();
            }
        }

        @Override
        public ScriptFile scriptFile(String program) {
            Path p = Path.of(program);
            if (!p.isAbsolute()) {
                Optional<Path> found = onPath(program);
                if (found.isEmpty()) {
                    return new ScriptFile(false, false, null);
                }
                p = found.get();
            }
            if (!Files.isRegularFile(p)) {
                return new ScriptFile(false, false, null);
            }
            return new ScriptFile(true, Files.isExecutable(p), ScriptSecurity.insecurity(p));
        }

        private static Optional<Path> onPath(String program) {
            String path = System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
            for (String dir : path.split(":")) {
                Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
                if (Files.isRegularFile(candidate)) {
                    return Optional.of(candidate);
                }
            }
            return Optional.empty();
        }
    }
}
