# Sourced by the launcher and the scripts: find_jdk prints the home of a JDK 25 or newer, looking at
# JAVA_HOME first, then every JDK under /usr/lib/jvm; it fails when there is none.

java_major() { # the feature version of the java binary given, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}

find_jdk() {
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  local dir
  for dir in /usr/lib/jvm/*; do candidates+=("$dir"); done
  local home version
  for home in "${candidates[@]}"; do
    [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || continue
    version="$(java_major "$home/bin/java")"
    if [ -n "$version" ] && [ "$version" -ge 25 ]; then
      echo "$home"
      return 0
    fi
  done
  return 1
}
