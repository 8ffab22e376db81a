package io.jkeepalived.config.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * keepalived's check_script_secure: a script run as root is unsafe if a non-root user can change
 * or replace it, i.e. if the file or any directory on its path is not owned by root or is
 * writable by group or others (a sticky directory such as /tmp still lets its owner's files be
 * replaced only by their owner, so it is allowed when the file is root's).
 */
final class ScriptSecurity {

    private ScriptSecurity() {
    }

    /** Why the file is not secure, or null if it is. */
    static String insecurity(Path file) {
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException e) {
            return null;
        }
        for (Path p = real; p != null; p = p.getParent()) {
            try {
                PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                Set<PosixFilePermission> perms = a.permissions();
                boolean root = a.owner().getName().equals("root");
                boolean otherWritable = perms.contains(PosixFilePermission.GROUP_WRITE)
                        || perms.contains(PosixFilePermission.OTHERS_WRITE);
                boolean sticky = p != real && stickyBit(p);
                if (!root) {
                    return p + " is owned by " + a.owner().getName() + ", not root";
                }
                if (otherWritable && !sticky) {
                    return p + " is writable by " + (perms.contains(PosixFilePermission.OTHERS_WRITE) ? "others" : "its group");
                }
            } catch (IOException | UnsupportedOperationException e) {
                return null;
            }
        }
        return null;
    }

    private static boolean stickyBit(Path dir) {
        try {
            Object mode = Files.getAttribute(dir, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            return mode instanceof Integer m && (m & 01000) != 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
