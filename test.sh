#!/usr/bin/env bash
# The one test command (README, .ci/run). Installs what the tests need, builds everything,
# runs every test project, and ends with one summary line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"

log() { printf '==> %s\n' "$*" >&2; }

# --- 1. What the tests need, from Debian's packages (CI starts from a clean machine). ---------
# Tests start their own throwaway redis-server and postgres on free loopback ports; only the
# binaries are needed here (no system service is started or used).
need_pkgs=()
command -v chromium >/dev/null 2>&1 || need_pkgs+=(chromium)
command -v node >/dev/null 2>&1 || need_pkgs+=(nodejs npm)
command -v redis-server >/dev/null 2>&1 || [ -x /usr/bin/redis-server ] || need_pkgs+=(redis-server)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_pkgs+=(postgresql)
# The reverse proxy of docker-compose.yml, run by the scale-out test with the repository's own configuration.
command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ] || need_pkgs+=(haproxy)
if [ ${#need_pkgs[@]} -gt 0 ]; then
  log "installing ${need_pkgs[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  # Three tries: a mirror or the package lists' lock can fail once on a fresh machine.
  installed=0
  for try in 1 2 3; do
    if $SUDO apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_pkgs[@]}" >/dev/null; then
      installed=1; break
    fi
    log "install try $try failed"; sleep $((try * 5))
  done
  [ "$installed" -eq 1 ] || { echo "could not install ${need_pkgs[*]}"; echo "0 passed, 1 failed"; exit 1; }
fi

# --- 2. Build once; the test runs below reuse it. -------------------------------------------------
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log "building"
mkdir -p artifacts/test-logs
if ! dotnet build CandleDashboard.sln -nologo > artifacts/test-logs/build.log 2>&1; then
  grep -E 'error|Error' artifacts/test-logs/build.log | sort -u | head -n 40
  echo "build failed (artifacts/test-logs/build.log)"
  echo "0 passed, 1 failed"
  exit 1
fi

# --- 3. Every test project; counts summed from each run's summary line. ------------------------
# A failure prints its message and the first two source lines of its stack (CI shows only this output).
passed=0; failed=0
for proj in tests/*.Tests/*.csproj; do
  name=$(basename "$proj" .csproj)
  log "testing $name"
  out="artifacts/test-logs/$name.log"
  # Benchmarks (Category=Benchmark) measure speed; they run by hand (docs/benchmarks.md), not here.
  dotnet test "$proj" --no-build --nologo --filter "Category!=Benchmark" 2>&1 | tee "$out" | awk '/^[[:space:]]*(Failed|Passed|Skipped)!|^[[:space:]]*Failed [A-Za-z]/ {print; s=0; next} /Error Message/ {print; n=3; next} n > 0 {print; n--; next} /Stack Trace/ {s=2; next} s > 0 && /:line [0-9]+/ {print; s--}'
  rc=${PIPESTATUS[0]}
  summary=$(grep -E '(Passed|Failed)!\s+- Failed:' "$out" | tail -n 1)
  if [ -n "$summary" ]; then
    p=$(sed -E 's/.*Passed:[[:space:]]*([0-9]+).*/\1/' <<<"$summary")
    f=$(sed -E 's/.*Failed:[[:space:]]*([0-9]+),.*/\1/' <<<"$summary")
    passed=$((passed + p)); failed=$((failed + f))
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then failed=$((failed + 1)); log "$name exited $rc"; fi
  else
    # No summary: the test host crashed or nothing ran. That is a failure, never a silent pass.
    log "$name produced no summary (exit $rc); see $out"
    tail -n 40 "$out"
    failed=$((failed + 1))
  fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
