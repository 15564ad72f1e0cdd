# Sourced by ./mvnw and ./poolbench (POSIX sh): points JAVA_HOME at a JDK 25 or newer, so that a
# fresh clone builds where the default java is older. Order: JAVA_HOME if new enough, then the
# usual install folders, newest first; otherwise a clear error. Works under `set -euf` (no globs).

poolbench_required_java=25

# Git Bash and Cygwin on Windows: setup-java and installers set JAVA_HOME as C:\...; the checks below
# and "$JAVA_HOME/bin/java" want the POSIX form (/c/...). Java itself gets native paths from the callers.
if [ -n "${JAVA_HOME-}" ] && command -v cygpath >/dev/null 2>&1; then
  JAVA_HOME=$(cygpath --unix "$JAVA_HOME")
fi

# True when $1/bin holds the program $2, as `name` or, on Windows, `name.exe`.
poolbench_has_program() {
  [ -x "$1/bin/$2" ] || [ -x "$1/bin/$2.exe" ]
}

# Prints the feature release (e.g. 25) of the JDK at $1, or nothing when it is not a JDK.
poolbench_jdk_major() {
  poolbench_has_program "$1" java && poolbench_has_program "$1" javac || return 0
  if [ -f "$1/release" ]; then
    sed -n 's/^JAVA_VERSION="\(1\.\)\{0,1\}\([0-9]*\).*/\2/p' "$1/release" | head -n 1
  else
    "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\(1\.\)\{0,1\}\([0-9]*\).*/\2/p' | head -n 1
  fi
}

poolbench_is_new_enough() {
  poolbench_major=$(poolbench_jdk_major "$1")
  [ -n "$poolbench_major" ] && [ "$poolbench_major" -ge "$poolbench_required_java" ]
}

poolbench_find_jdk() {
  if [ -n "${JAVA_HOME-}" ] && poolbench_is_new_enough "$JAVA_HOME"; then
    printf '%s\n' "$JAVA_HOME"
    return 0
  fi
  if [ -x /usr/libexec/java_home ]; then  # macOS
    poolbench_mac=$(/usr/libexec/java_home -v "$poolbench_required_java+" 2>/dev/null || :)
    if [ -n "$poolbench_mac" ] && poolbench_is_new_enough "$poolbench_mac"; then
      printf '%s\n' "$poolbench_mac"
      return 0
    fi
  fi
  poolbench_best=
  poolbench_best_major=0
  for poolbench_root in /usr/lib/jvm /usr/java /opt/java /opt "${HOME-}/.sdkman/candidates/java" \
      "${HOME-}/.jdks" /Library/Java/JavaVirtualMachines; do
    [ -d "$poolbench_root" ] || continue
    # One folder a line: split on newlines only, so a folder name with spaces stays whole.
    poolbench_ifs=$IFS
    IFS='
'
    for poolbench_dir in $(find "$poolbench_root" -mindepth 1 -maxdepth 1 2>/dev/null | sort); do
      IFS=$poolbench_ifs
      [ -d "$poolbench_dir/Contents/Home" ] && poolbench_dir="$poolbench_dir/Contents/Home"
      poolbench_major=$(poolbench_jdk_major "$poolbench_dir")
      [ -n "$poolbench_major" ] || continue
      if [ "$poolbench_major" -ge "$poolbench_required_java" ] && [ "$poolbench_major" -gt "$poolbench_best_major" ]; then
        poolbench_best=$poolbench_dir
        poolbench_best_major=$poolbench_major
      fi
    done
    IFS=$poolbench_ifs
  done
  if [ -n "$poolbench_best" ]; then
    printf '%s\n' "$poolbench_best"
    return 0
  fi
  return 1
}

if poolbench_jdk=$(poolbench_find_jdk); then
  JAVA_HOME=$poolbench_jdk
  export JAVA_HOME
else
  echo "poolbench: no JDK $poolbench_required_java or newer found (JAVA_HOME=${JAVA_HOME:-unset}, searched /usr/lib/jvm and the usual folders)." >&2
  echo "poolbench: install one (e.g. apt-get install temurin-25-jdk) or set JAVA_HOME to it." >&2
  exit 1
fi

# Prints the JVM flags every JVM of the project gets, from their one definition: the line
# <poolbench.jvm.flags> of the parent pom in the checkout $1.
poolbench_jvm_flags() {
  sed -n 's:.*<poolbench.jvm.flags>\(.*\)</poolbench.jvm.flags>.*:\1:p' "$1/pom.xml"
}

# Maven's own JVM gets them too (JDK 25 warns when Maven's guava touches sun.misc.Unsafe). The
# scripts that source this file lie in the checkout's root.
for poolbench_flag in $(poolbench_jvm_flags "$(dirname "$0")"); do
  case " ${MAVEN_OPTS-} " in
    *" $poolbench_flag "*) ;;
    *) MAVEN_OPTS="${MAVEN_OPTS-} $poolbench_flag"; export MAVEN_OPTS ;;
  esac
done
