package io.jkeepalived.config.check;

import io.jkeepalived.config.Diagnostics;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a check needs besides the configuration: where to report, and the host. The host's
 * answers are remembered for the length of one load: a configuration names the same interfaces,
 * users and scripts many times.
 */
public record CheckContext(Diagnostics diags, Host host) {

    public CheckContext {
        host = host instanceof Memo ? host : new Memo(host);
    }

    /** Remembers a host's answers. */
    private static final class Memo implements Host {
        private final Host host;
        private Set<String> interfaces;
        private final Map<String, Boolean> loopback = new ConcurrentHashMap<>();
        private final Map<String, Optional<Account>> users = new ConcurrentHashMap<>();
        private final Map<String, Boolean> groups = new ConcurrentHashMap<>();
        private final Map<String, ScriptFile> scripts = new ConcurrentHashMap<>();

        Memo(Host host) {
            this.host = host;
        }

        @Override
        public Set<String> interfaces() {
            if (interfaces == null) {
                interfaces = Set.copyOf(host.interfaces());
            }
            return interfaces;
        }

        @Override
        public boolean isLoopback(String ifname) {
            return loopback.computeIfAbsent(ifname, host::isLoopback);
        }

        @Override
        public Optional<Account> user(String name) {
            return users.computeIfAbsent(name, host::user);
        }

        @Override
        public boolean groupExists(String name) {
            return groups.computeIfAbsent(name, host::groupExists);
        }

        @Override
        public ScriptFile scriptFile(String program) {
            return scripts.computeIfAbsent(program, host::scriptFile);
        }
    }
}
