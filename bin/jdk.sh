# Sourced by the launcher and the scripts: find_jdk prints the home of a JDK 25 or newer, looking at
# JAVA_HOME first, then every JDK under /usr/lib/jvm; it fails when there is none.
#
# Asking a JDK its version starts a JVM, so the answer is kept in target/jdk-home (next to the jar) and
# used again while that JDK is still there: every later call costs a file read and two tests, no JVM.
# A JAVA_HOME other than the remembered one is asked afresh (and remembered when it will do).

jdk_cache="$(cd "${BASH_SOURCE[0]%/*}/.." && pwd)/target/jdk-home"

java_major() { # the feature version of the java binary given, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}

usable_jdk() { # whether the directory given holds a JDK (java and javac) of version 25 or newer
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  local version
  version="$(java_major "$1/bin/java")"
  [ -n "$version" ] && [ "$version" -ge 25 ]
}

remembered_jdk() { # the JDK found before, if it is still there (and is the JAVA_HOME asked for, if any)
  local home
  [ -r "$jdk_cache" ] && IFS= read -r home < "$jdk_cache" || return 1
  [ -n "$home" ] && [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 1
  [ -z "${JAVA_HOME:-}" ] || [ "$JAVA_HOME" = "$home" ] || return 1
  echo "$home"
}

remember_jdk() { # best effort: a read-only checkout still works, only slower
  mkdir -p "$(dirname "$jdk_cache")" 2>/dev/null || return 0
  { echo "$1" > "$jdk_cache.$$" && mv -f "$jdk_cache.$$" "$jdk_cache"; } 2>/dev/null || rm -f "$jdk_cache.$$" 2>/dev/null
  return 0
}

find_jdk() {
  remembered_jdk && return 0
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  local dir
  for dir in /usr/lib/jvm/*; do candidates+=("$dir"); done
  local home
  for home in "${candidates[@]}"; do
    if usable_jdk "$home"; then
      remember_jdk "$home"
      echo "$home"
      return 0
    fi
  done
  return 1
}
