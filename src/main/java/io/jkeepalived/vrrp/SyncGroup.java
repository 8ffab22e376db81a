package io.jkeepalived.vrrp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A vrrp_sync_group at run time, with keepalived's semantics (vrrp_sync.c): the members go
 * MASTER only together (a member whose Master_Down_Timer fires waits until every other member
 * wants MASTER too), one member going BACKUP pulls the others to BACKUP, and one member in FAULT
 * puts them all in FAULT until it recovers.
 */
public final class SyncGroup {

    private final String name;
    final List<Instance> members = new ArrayList<>();
    private final Engine engine;
    VrrpState state = VrrpState.INIT;
    int numMemberFault;

    SyncGroup(String name, Engine engine) {
        this.name = name;
        this.engine = engine;
    }

    public String name() {
        return name;
    }

    public VrrpState state() {
        return state;
    }

    public List<Instance> members() {
        return Collections.unmodifiableList(members);
    }

    /**
     * keepalived's vrrp_sync_can_goto_master: yes if the group is MASTER already or every other
     * member wants MASTER; otherwise {@code member} waits another Master_Down_Interval.
     */
    boolean canGotoMaster(Instance member, long now) {
        if (state == VrrpState.MASTER) {
            return true;
        }
        for (Instance other : members) {
            if (other != member && other.wantState != VrrpState.MASTER) {
                member.holdBack(now);
                return false;
            }
        }
        return true;
    }

    /** keepalived's vrrp_sync_master: the other members follow {@code member} to MASTER. */
    void syncMaster(Instance member, long now) {
        if (state == VrrpState.MASTER || !canGotoMaster(member, now)) {
            return;
        }
        for (Instance other : members) {
            if (other != member && other.state() != VrrpState.MASTER) {
                other.wantState = VrrpState.MASTER;
                other.gotoMaster(now);
            }
        }
        setState(VrrpState.MASTER, member);
    }

    /** keepalived's vrrp_sync_backup: the other members follow {@code member} to BACKUP. */
    void syncBackup(Instance member, long now) {
        if (state == VrrpState.BACKUP) {
            return;
        }
        for (Instance other : members) {
            if (other == member || other.state() == VrrpState.BACKUP) {
                continue;
            }
            other.wantState = VrrpState.BACKUP;
            if (other.state() == VrrpState.FAULT || other.state() == VrrpState.INIT) {
                other.leaveFault(now);
            } else {
                other.leaveMaster(now, false);
            }
        }
        setState(VrrpState.BACKUP, member);
    }

    /** keepalived's vrrp_sync_fault: the other members follow {@code member} to FAULT. */
    void syncFault(Instance member, long now) {
        if (state == VrrpState.FAULT) {
            return;
        }
        for (Instance other : members) {
            if (other == member || other.state() == VrrpState.FAULT) {
                continue;
            }
            other.wantState = VrrpState.FAULT;
            if (other.state() == VrrpState.MASTER) {
                other.leaveMaster(now, false);
            } else if (other.state() == VrrpState.BACKUP || other.state() == VrrpState.INIT) {
                other.leaveFault(now);
            }
        }
        setState(VrrpState.FAULT, member);
    }

    void setState(VrrpState to, Instance because) {
        if (state != to) {
            VrrpState from = state;
            state = to;
            engine.emit(new Action.GroupStateChanged(because, this, from, to));
        }
    }

    @Override
    public String toString() {
        return "VRRP_Group(" + name + ")";
    }
}
