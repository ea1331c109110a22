# Sourced by scripts/env.sh and by the container's entrypoint: the service's own JVM options
# (scripts/jvm.options, docs/adr/0021-memory.md) minus those a user sets in JAVA_TOOL_OPTIONS,
# JDK_JAVA_OPTIONS or _JAVA_OPTIONS. Ours go on the command line, which the JVM reads after
# JAVA_TOOL_OPTIONS, so without this a user's JAVA_TOOL_OPTIONS would lose to them.

# jvm_options file: prints the file's options the user does not set, one per line.
jvm_options() {
  local user=" ${JAVA_TOOL_OPTIONS:-} ${JDK_JAVA_OPTIONS:-} ${_JAVA_OPTIONS:-} " opt
  while IFS= read -r opt || [ -n "$opt" ]; do
    case "$opt" in '' | '#'*) continue ;; esac
    if ! grep -qE -- "[[:space:]]($(jvm_option_setting "$opt"))" <<< "$user"; then
      printf '%s\n' "$opt"
    fi
  done < "$1"
}

# jvm_option_setting option: a pattern for the user's options that decide the same thing. Heap
# sizes are one setting (a user's -Xmx below our -Xms would stop the JVM), so are the heap's free
# ratios (a minimum above our maximum would), the collector is one.
jvm_option_setting() {
  case "$1" in
    -Xm[sx]* | -XX:[IM][a-z]*HeapSize=* | -XX:[IM][a-z]*RAM*=*)
      echo '-Xm[sx]|-XX:(Initial|Min|Max)(HeapSize|RAM|RAMPercentage|RAMFraction)=' ;;
    -XX:M[a-z]*HeapFreeRatio=*) echo '-XX:M(in|ax)HeapFreeRatio=' ;;
    -XX:[+-]Use*GC) echo '-XX:[+-]Use[A-Za-z]*GC([[:space:]]|$)' ;;
    -XX:[+-]*) echo "-XX:[+-]${1#-XX:?}([[:space:]]|\$)" ;;
    *=*) echo "${1%%=*}=" ;;
    *) echo "$1" ;;
  esac
}
