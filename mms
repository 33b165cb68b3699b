#!/usr/bin/env bash
# MMS launcher: finds a JDK 25 or newer, builds target/mms.jar when it is missing or older than the
# sources, then runs it with every argument passed through.
#
# A cmdlet is a short client call, so its JVM starts from target/mms-JDK.aot, an ahead-of-time cache of the
# client path's classes, already loaded and linked, and of how its methods ran (JEP 483/514/515),
# recorded from a training run right after the jar is built (bin/aot.sh); the version and the status
# cmdlet from target/mms-quick-JDK.aot, the cache of their quick path alone; with the quick compiler only
# and the serial collector, and no logging. The long-running commands and those that open the database
# (serve, demo, migrate-ics, generate-calendar, token) start as before. A missing or stale cache only
# makes a call slower, never noisier.
set -euo pipefail
# Parameter expansion rather than dirname and basename: every program the launcher starts costs a cmdlet time.
src="${BASH_SOURCE[0]}"
[[ "$src" == */* ]] || src="./$src"
root="$(cd "${src%/*}" && pwd)"

# shellcheck source=bin/jdk.sh
source "$root/bin/jdk.sh"
# shellcheck source=bin/aot.sh
source "$root/bin/aot.sh"

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
case "${1:-}" in
  serve | demo | migrate-ics | generate-calendar | token)
    exec "$JAVA_HOME/bin/java" ${MMS_JAVA_OPTS:-} -jar "$jar" "$@" ;;
esac
# Whether the quick start (org.mms.cli.QuickCmdlets) will answer: the same test, roughly. The call then starts
# from the cache of the quick path alone (bin/aot.sh). A wrong guess costs time, never a different result: a
# call the quick start leaves to the full cmdlet loads from the jar what the quick cache lacks (0.5 s CPU more).
quick_call() {
  case "${1,,}" in
    --version | -v) [ $# -eq 1 ]; return ;;
    get-csmeetingmigrationstatus) shift ;;
    *) return 1 ;;
  esac
  while [ $# -gt 0 ]; do
    case "${1,,}" in
      -summaryonly | -summaryonly:* | -state:* | -identity:*) ;;
      -state | -identity) shift ;;
      *) return 1 ;;
    esac
    shift
  done
}
cache=""
quick_call "$@" && cache=quick
ensure_aot_cache "$JAVA_HOME" "$jar" $cache
mapfile -t client < <(aot_client_options "$JAVA_HOME" "$jar" $cache)
exec "$JAVA_HOME/bin/java" "${client[@]}" ${MMS_JAVA_OPTS:-} -cp "$jar" org.mms.Main "$@"
