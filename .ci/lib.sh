# Sourced by the .ci scripts (bash): small helpers they share.

# Runs "$@" for at most $1 seconds where coreutils' timeout exists (Linux, Git Bash); elsewhere the
# job's own timeout-minutes is the bound.
bounded() {
  local seconds=$1
  shift
  if command -v timeout >/dev/null 2>&1; then
    timeout "$seconds" "$@"
  else
    "$@"
  fi
}

# Lower-case, for machine ids built from RUNNER_OS/RUNNER_ARCH (bash 3.2 on macOS has no ${x,,}).
lower() {
  printf '%s' "$1" | tr '[:upper:]' '[:lower:]'
}

# The machine id a CI runner files its results under, e.g. github-linux-x64.
ci_machine_id() {
  if [ -n "${RUNNER_OS-}" ] && [ -n "${RUNNER_ARCH-}" ]; then
    printf 'github-%s-%s\n' "$(lower "$RUNNER_OS")" "$(lower "$RUNNER_ARCH")"
  else
    printf 'local-%s-%s\n' "$(lower "$(uname -s)")" "$(lower "$(uname -m)")"
  fi
}
