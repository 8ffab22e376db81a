package io.jkeepalived.daemon;

import io.jkeepalived.vrrp.Addresses;
import io.jkeepalived.vrrp.DropReason;
import io.jkeepalived.vrrp.Engine;
import io.jkeepalived.vrrp.Instance;
import io.jkeepalived.vrrp.InstanceConfig;
import io.jkeepalived.vrrp.InstanceStats;
import io.jkeepalived.vrrp.SyncGroup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * SIGUSR1 and SIGUSR2: the data and statistics dumps keepalived writes to
 * {@code $TMPDIR/keepalived.data} and {@code $TMPDIR/keepalived.stats} (/tmp by default).
 */
public final class Dumps {

    private Dumps() {
    }

    public static Path directory() {
        String tmp = System.getenv("TMPDIR");
        return Path.of(tmp == null || tmp.isEmpty() ? "/tmp" : tmp);
    }

    /** keepalived.stats, in keepalived's layout, then the drops keepalived does not count. */
    public static Path writeStats(Engine engine) throws IOException {
        StringBuilder out = new StringBuilder();
        for (Instance i : engine.instances()) {
            InstanceStats s = i.stats();
            out.append("VRRP Instance: ").append(i.name()).append('\n')
                    .append("  Advertisements:\n")
                    .append("    Received: ").append(s.advertsReceived()).append('\n')
                    .append("    Sent: ").append(s.advertsSent()).append('\n')
                    .append("  Became master: ").append(s.becameMaster()).append('\n')
                    .append("  Released master: ").append(s.releasedMaster()).append('\n')
                    .append("  Packet Errors:\n")
                    .append("    Length: ").append(s.drops(DropReason.BAD_LENGTH)).append('\n')
                    .append("    TTL: ").append(s.drops(DropReason.BAD_TTL)).append('\n')
                    .append("    Invalid Type: ").append(s.drops(DropReason.BAD_TYPE)).append('\n')
                    .append("    Advertisement Interval: ").append(s.drops(DropReason.INTERVAL_MISMATCH)).append('\n')
                    .append("    Address List: ").append(s.drops(DropReason.ADDRESS_LIST) + s.drops(DropReason.WRONG_CAST)).append('\n')
                    .append("  Authentication Errors:\n")
                    .append("    Invalid Type: ").append(s.drops(DropReason.INVALID_AUTH_TYPE)).append('\n')
                    .append("    Type Mismatch: ").append(s.drops(DropReason.AUTH_TYPE_MISMATCH) + s.drops(DropReason.AH_MISMATCH)).append('\n')
                    .append("    Failure: ").append(s.drops(DropReason.AUTH_FAILURE)).append('\n')
                    .append("  Priority Zero:\n")
                    .append("    Received: ").append(s.priorityZeroReceived()).append('\n')
                    .append("    Sent: ").append(s.priorityZeroSent()).append('\n')
                    .append("  Drops (jkeepalived):\n");
            for (DropReason r : DropReason.values()) {
                if (s.drops(r) > 0) {
                    out.append("    ").append(r.text()).append(": ").append(s.drops(r)).append('\n');
                }
            }
            out.append("    Address list accepted despite a mismatch: ").append(s.addressListWarnings()).append('\n');
        }
        Path file = directory().resolve("keepalived.stats");
        Files.writeString(file, out);
        return file;
    }

    /** keepalived.data: the running state of every instance and sync group. */
    public static Path writeData(Engine engine, long now) throws IOException {
        StringBuilder out = new StringBuilder("------< VRRP Topology >------\n");
        for (Instance i : engine.instances()) {
            InstanceConfig c = i.config();
            out.append(" VRRP Instance = ").append(i.name()).append('\n')
                    .append("   State = ").append(i.state()).append('\n')
                    .append("   Interface = ").append(c.socketKey().isEmpty() ? "(none)" : c.socketKey()).append('\n')
                    .append("   Using src_ip = ").append(i.localAddress() == null ? "(none)" : Addresses.format(i.localAddress())).append('\n')
                    .append("   Virtual Router ID = ").append(c.vrid()).append('\n')
                    .append("   VRRP Version = ").append(c.version()).append('\n')
                    .append("   Priority = ").append(i.basePriority()).append('\n')
                    .append("   Effective priority = ").append(i.effectivePriority()).append('\n')
                    .append("   Advert interval = ").append(c.advertIntervalNs() / 1_000_000).append(" milli-sec\n")
                    .append("   Master advert interval = ").append(i.masterAdvertIntervalNs() / 1_000_000).append(" milli-sec\n")
                    .append("   Preempt = ").append(c.preempt() ? "enabled" : "disabled").append('\n')
                    .append("   Preempt delay = ").append(c.preemptDelayNs() / 1_000_000_000.0).append(" secs\n")
                    .append("   Master down interval = ").append(i.masterDownIntervalNs() / 1000).append(" usecs\n");
            if (i.timerArmed()) {
                out.append("   Timer = ").append((i.deadline() - now) / 1000).append(" usecs from now\n");
            }
            if (i.masterAddress() != null) {
                out.append("   Last master = ").append(Addresses.format(i.masterAddress())).append(" priority ")
                        .append(i.masterPriority()).append('\n');
            }
            if (!i.faults().isEmpty()) {
                out.append("   Faults = ").append(String.join(", ", i.faults())).append('\n');
            }
            out.append("   Virtual IP (").append(c.addresses().size()).append("):\n");
            for (byte[] a : c.addresses()) {
                out.append("     ").append(Addresses.format(a)).append('\n');
            }
            if (c.unicast()) {
                out.append("   Unicast Peer:\n");
                for (InstanceConfig.Peer p : c.peers()) {
                    out.append("     ").append(p).append('\n');
                }
            }
        }
        if (!engine.syncGroups().isEmpty()) {
            out.append("------< VRRP Sync groups >------\n");
            for (SyncGroup g : engine.syncGroups()) {
                out.append(" VRRP Sync Group = ").append(g.name()).append(", ").append(g.state()).append('\n');
                for (Instance i : g.members()) {
                    out.append("   monitor = ").append(i.name()).append('\n');
                }
            }
        }
        Path file = directory().resolve("keepalived.data");
        Files.writeString(file, out);
        return file;
    }
}
