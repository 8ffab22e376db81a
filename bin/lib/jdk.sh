# Sourced by bin/jkeepalived and bin/test: finds a JDK 25 and exports JAVA_HOME.
# Order: $JAVA_HOME if it is a JDK 25, else the first /usr/lib/jvm/*25* that is one.

jdk_major() {   # prints the major version of the JDK at $1, or nothing
    local release="$1/release"
    [ -x "$1/bin/java" ] && [ -f "$release" ] || return 0
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release"
}

find_jdk25() {
    local candidate
    for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*25*; do
        [ -n "$candidate" ] || continue
        if [ "$(jdk_major "$candidate")" = "25" ]; then
            JAVA_HOME=$candidate
            export JAVA_HOME
            return 0
        fi
    done
    echo "jkeepalived: no JDK 25 found (looked at JAVA_HOME='${JAVA_HOME:-}' and /usr/lib/jvm/*25*);" \
         "install one, or point JAVA_HOME at it" >&2
    return 1
}
