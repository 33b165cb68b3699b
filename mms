#!/usr/bin/env bash
# MMS launcher: finds a JDK 25 or newer, builds target/mms.jar when it is missing or older than the
# sources, then runs it with every argument passed through.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

# shellcheck source=bin/jdk.sh
source "$root/bin/jdk.sh"

if ! JAVA_HOME="$(find_jdk)"; then
  echo "mms: no JDK 25 or newer found (looked at JAVA_HOME and /usr/lib/jvm). Install one, for example Temurin 25, and set JAVA_HOME." >&2
  exit 1
fi
export JAVA_HOME

jar="$root/target/mms.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$root/src/main" "$root/pom.xml" -newer "$jar" -print -quit 2>/dev/null)" ]; then
  echo "mms: building target/mms.jar (first use or sources changed)..." >&2
  (cd "$root" && ./mvnw -q -B -DskipTests package) >&2
fi

# Every file MMS makes is its owner's alone, those the database library creates included.
umask 077
exec "$JAVA_HOME/bin/java" ${MMS_JAVA_OPTS:-} -jar "$jar" "$@"
