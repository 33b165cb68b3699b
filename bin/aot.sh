# Sourced by the launcher: the ahead-of-time class caches of the cmdlets' client path (JEP 483/514/515).
#
# ensure_aot_cache records target/mms-JDK.aot when it is missing or older than the jar: one training run of
# org.mms.cli.StartupTraining (the cmdlets against a stand-in server, a few seconds), written to a
# temporary file and moved into place, so that two calls at once never see half a cache. A JVM that
# cannot make one (an older JDK, a read-only checkout) leaves none, and the calls start without it;
# a failed attempt is not repeated until the next build. With "quick" as third argument it records
# target/mms-quick-JDK.aot instead, from StartupTraining --quick: the version and the status cmdlet's quick
# start (QuickCmdlets) alone. The JVM loads every class of a cache at start, so those calls start from a
# cache of their own (16 MB rather than 35), which holds neither the command line library nor the JDK
# HTTP client nor Jackson's data binding.
#
# aot_client_options prints the JVM options, one a line, of a cmdlet call. The JVM checks that the cache matches
# the JDK and the jar and ignores it when it does not; its warnings are switched off, so a stale cache
# costs time, never a message.

# The cmdlets log nothing; without these the first look-up of a time zone (a date parameter) would load
# the calendar library's zone rules and start the logging library, XML configuration and all, on every call.
aot_client_properties=(-Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider -Dslf4j.internal.verbosity=WARN)

aot_cache_of() { # jar, java home, [quick]: one cache per JDK, which only that JDK can use
  echo "${1%/*}/mms-${3:+$3-}${2##*/}.aot"
}

ensure_aot_cache() { # java home, jar, [quick]
  local cache tmp
  cache="$(aot_cache_of "$2" "$1" "${3:-}")"
  [ -f "$cache" ] && [ ! "$2" -nt "$cache" ] && return 0
  # Tried for this jar already and failed, or nowhere to write: the calls go on without, and no retries.
  [ -f "$cache.failed" ] && [ ! "$2" -nt "$cache.failed" ] && return 0
  [ -w "${cache%/*}" ] || return 0
  tmp="$cache.$$"
  echo "mms: preparing the quick start of cmdlets (once per build)..." >&2
  if "$1/bin/java" -XX:AOTCacheOutput="$tmp" -Xlog:all=off -Xlog:aot*=off -Xlog:cds*=off "${aot_client_properties[@]}" \
      -cp "$2" org.mms.cli.StartupTraining ${3:+--$3} > /dev/null 2>&1 && [ -s "$tmp" ]; then
    mv -f "$tmp" "$cache" 2>/dev/null || rm -f "$tmp"
  else
    rm -f "$tmp" "$tmp.config"
    touch "$cache.failed" 2>/dev/null
  fi
  return 0
}

aot_client_options() { # java home, jar, [quick]; one option a line
  local cache
  cache="$(aot_cache_of "$2" "$1" "${3:-}")"
  printf '%s\n' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData "${aot_client_properties[@]}"
  [ -f "$cache" ] && printf '%s\n' "-XX:AOTCache=$cache" '-Xlog:aot*=off' '-Xlog:cds*=off'
  return 0
}
