# Sourced by the other scripts: finds a JDK 21+ and Maven, never changes the machine.
# The default `java` on the target machines is 17; a Temurin 25 lives under /usr/lib/jvm.

# The feature release of the JDK in $1, from its release file (no JVM start), else from the JVM.
java_major() {
  local version
  version="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null)"
  if [ -z "$version" ]; then
    version="$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
  fi
  echo "$version"
}

find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(java_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    return 0
  fi
  for dir in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    if [ -x "$dir/bin/javac" ] && [ "$(java_major "$dir")" -ge 21 ] 2>/dev/null; then
      export JAVA_HOME="$dir"
      return 0
    fi
  done
  echo "error: no JDK 21 or newer found (looked at \$JAVA_HOME and /usr/lib/jvm/*)." >&2
  echo "       install one, e.g. Temurin 25, or set JAVA_HOME." >&2
  return 1
}

# jar_stale: true when target/ has no jar or one older than what goes into it (run from the repository root).
jar_stale() {
  local jar=target/llm-reliability-control-plane.jar
  [ ! -f "$jar" ] || [ -n "$(find pom.xml src datadog failure-theater/src failure-theater/package.json -newer "$jar" 2>/dev/null | head -1)" ]
}

# aot_stale: true when the jar has no extracted form under target/aot newer than itself (the build
# writes one unless -DskipAotCache; scripts/AotTraining.java writes it for a jar built without), or
# when the JVM options changed since the cache was trained with them.
aot_stale() {
  local app=target/aot/app/llm-reliability-control-plane.jar
  [ ! -f "$app" ] || [ target/llm-reliability-control-plane.jar -nt "$app" ] ||
    { [ -f target/aot/app.aot ] && [ scripts/jvm.options -nt target/aot/app.aot ]; }
}

source "$(dirname "${BASH_SOURCE[0]}")/jvm-options.sh"  # jvm_options

# service_command [--agent] [--jdk-defaults] [java options...]: sets SERVICE_COMMAND to the command
# line that starts the packaged service from the repository root (docs/adr/0015-start-up-and-memory.md).
# When the build extracted the jar (target/aot/app), that form starts in Spring's AOT mode, with the
# JDK's AOT cache when the build trained one with this very JDK; otherwise the jar as built. --agent
# attaches dd-java-agent, with which the JVM cannot use the cache (the agent changes the module
# graph), so it is left out. The service's memory settings (scripts/jvm.options and glibc's
# MALLOC_ARENA_MAX, docs/adr/0021-memory.md) apply unless the user's environment sets them, or
# --jdk-defaults leaves them out (bench/memory.sh's baseline). Further arguments are java options
# (e.g. -Xmx512m), placed before -jar, where they win over ours.
service_command() {
  local jar=target/llm-reliability-control-plane.jar aot=target/aot agent="" ours=1
  local app="$aot/app/llm-reliability-control-plane.jar"
  while [ $# -gt 0 ]; do
    case "$1" in
      --agent) agent=1 ;;
      --jdk-defaults) ours="" ;;
      *) break ;;
    esac
    shift
  done
  SERVICE_COMMAND=("$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED)
  if [ -n "$agent" ]; then
    SERVICE_COMMAND+=(-javaagent:target/agent/dd-java-agent.jar)
  fi
  if [ -n "$ours" ]; then
    local own
    mapfile -t own < <(jvm_options "$ROOT/scripts/jvm.options")
    SERVICE_COMMAND+=("${own[@]}")
    # fewer glibc malloc arenas: native libraries' freed memory is reused instead of kept per thread
    [ -n "${MALLOC_ARENA_MAX:-}" ] || SERVICE_COMMAND=(env MALLOC_ARENA_MAX=2 "${SERVICE_COMMAND[@]}")
  fi
  SERVICE_COMMAND+=("$@")
  if aot_stale; then
    SERVICE_COMMAND+=(-jar "$jar")
    return 0
  fi
  SERVICE_COMMAND+=(-Dspring.aot.enabled=true)
  if [ -z "$agent" ] && [ -f "$aot/app.aot" ] && [ -f "$aot/jdk" ] &&
    [ "$(cat "$aot/jdk")" = "$(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"/\1/p' "$JAVA_HOME/release" 2>/dev/null)" ]; then
    SERVICE_COMMAND+=(-XX:AOTCache="$aot/app.aot")
  fi
  SERVICE_COMMAND+=(-jar "$app")
}

find_jdk || exit 1
export PATH="$JAVA_HOME/bin:$PATH"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT
