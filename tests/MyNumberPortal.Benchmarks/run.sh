#!/usr/bin/env bash
# Performance and reliability evidence (issue 7, docs/performance.md): one command reruns everything.
#
#   bash tests/MyNumberPortal.Benchmarks/run.sh                 # every part
#   bash tests/MyNumberPortal.Benchmarks/run.sh web startup     # only some: bench web startup fuzz crash edit hostile
#
# Installs wrk from Debian if missing, publishes the portal in Release, and writes the results to
# artifacts/performance/ (summary.md, plus the raw BenchmarkDotNet reports and wrk lines).
# Environment: WRK_DURATION (default 12s), WRK_CONNECTIONS (32), WRK_THREADS (2), PORT (5380), CRASH_ROUNDS (4),
# HOSTILE_BASE (0f88831: the commit before issue 12's bounds, measured as "before" by part hostile; empty: after only).
# Parts crash and edit drive the admin console with admin_driver.py (python3, standard library) and read the SQLite
# file with its sqlite3 module.
# Only loopback addresses are used.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

out="$root/artifacts/performance"
app="$out/app"
duration=${WRK_DURATION:-12s}
connections=${WRK_CONNECTIONS:-32}
threads=${WRK_THREADS:-2}
port=${PORT:-5380}
base="http://127.0.0.1:$port"
summary="$out/summary.md"

# The cases measured: the most complex seed case (found by the benchmarks' `--cases`): 新潟市, reissue by a legal
# agent after a loss outside, holder under 15, five questions answered.
case_query="applicant=legal-agent&reissue-reason=lost&lost-where=outside&holder-status=under-15&relation-local=yes&noto-earthquake=yes"
trivial_path="/health/live"
api_path="/api/municipalities/151009/procedures/reissue/guidance?$case_query"
checklist_path="/guide/151009/reissue?$case_query"

parts=("$@")
if [ ${#parts[@]} -eq 0 ]; then
  parts=(bench web startup fuzz crash edit hostile)
fi
wants() { local p; for p in "${parts[@]}"; do [ "$p" = "$1" ] && return 0; done; return 1; }
for p in "${parts[@]}"; do
  case "$p" in bench | web | startup | fuzz | crash | edit | hostile) ;; *) echo "unknown part \"$p\": use bench web startup fuzz crash edit hostile" >&2; exit 2 ;; esac
done

log() { printf '\n== %s\n' "$*" >&2; }

ensure_wrk() {
  command -v wrk >/dev/null 2>&1 && return
  local sudo_cmd=()
  if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then sudo_cmd=(sudo); fi
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends wrk \
    || { "${sudo_cmd[@]}" apt-get update && "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends wrk; }
}

machine() {
  echo "- machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo) memory"
  echo "- OS: $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
  echo "- .NET: SDK $(dotnet --version), runtime $(dotnet --list-runtimes | awk '/Microsoft.NETCore.App/ {v=$2} END {print v}')"
  echo "- load average at start: $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared: figures are noisy)"
}

# ── the portal process ─────────────────────────────────────────────────────────────────────────────────────────
portal_pid=""
start_portal() { # $1 = database file, then extra VAR=value settings
  local db=$1
  shift
  # The API's per-client rate limit (120 per 10 s) would turn a load test from one address into 429s: raised here.
  (cd "$app" && exec env ASPNETCORE_ENVIRONMENT=Production \
      "ConnectionStrings__Portal=Data Source=$db" \
      RateLimits__Api__PermitLimit=1000000000 RateLimits__Api__WindowSeconds=1 "$@" \
      dotnet MyNumberPortal.Web.dll --urls "$base" >"$out/portal.log" 2>&1) &
  portal_pid=$!
}
stop_portal() {
  if [ -n "$portal_pid" ]; then
    kill "$portal_pid" 2>/dev/null || true
    wait "$portal_pid" 2>/dev/null || true
    portal_pid=""
  fi
}
trap stop_portal EXIT
wait_for() { # $1 = path; prints the milliseconds since $2 (ns) when it first answers 200
  local code
  for _ in $(seq 1 3000); do
    code=$(curl -s -o /dev/null -w '%{http_code}' "$base$1" || true)
    if [ "$code" = 200 ]; then
      echo $(( ($(date +%s%N) - $2) / 1000000 ))
      return 0
    fi
    kill -0 "$portal_pid" 2>/dev/null || { echo "portal exited; see $out/portal.log" >&2; return 1; }
    sleep 0.01
  done
  echo "no 200 from $1 after 30 s" >&2
  return 1
}
rm_db() { rm -f "$1" "$1-wal" "$1-shm"; }

publish() {
  log "publish the portal (Release) to $app"
  rm -rf "$app"
  dotnet publish src/MyNumberPortal.Web -c Release -o "$app" --nologo -v quiet
}

# ── 1. rules engine ────────────────────────────────────────────────────────────────────────────────────────────
bench() {
  log "1. rules engine (BenchmarkDotNet, ShortRun)"
  dotnet build tests/MyNumberPortal.Benchmarks -c Release --nologo -v quiet
  local dll=tests/MyNumberPortal.Benchmarks/bin/Release/net10.0/MyNumberPortal.Benchmarks.dll
  dotnet "$dll" --cases | tee "$out/cases.txt"
  rm -rf "$out/bdn"
  dotnet "$dll" --filter '*' --artifacts "$out/bdn" --exporters github >"$out/bdn.log"
  {
    echo "## 1. Rules engine"
    echo
    sed 's/^/    /' "$out/cases.txt"
    echo
    cat "$out"/bdn/results/*-report-github.md | grep '^|' | sed "s/&#39;/'/g"
    echo
  } >>"$summary"
}

# ── 2. web throughput ──────────────────────────────────────────────────────────────────────────────────────────
rss_max_kb=0
sample_rss() { # until the file $1 disappears, keep the highest VmRSS of the portal in $out/rss.max
  local max=0 rss
  while [ -e "$1" ]; do
    rss=$(awk '/VmRSS/ {print $2}' "/proc/$portal_pid/status" 2>/dev/null || echo 0)
    [ "${rss:-0}" -gt "$max" ] && max=$rss
    sleep 0.25
  done
  echo "$max" >"$out/rss.max"
}
run_wrk() { # $1 = name, $2 = path, $3 = duration; appends "name key=value…" to $wrk_results
  local flag="$out/sampling"
  touch "$flag"
  sample_rss "$flag" &
  local sampler=$!
  wrk -t"$threads" -c"$connections" -d"$3" --latency -s tests/MyNumberPortal.Benchmarks/wrk/report.lua "$base$2" >"$out/wrk-$1.log"
  rm -f "$flag"
  wait "$sampler"
  echo "$1 $(grep '^RESULT' "$out/wrk-$1.log" | sed 's/^RESULT //') rss_kb=$(cat "$out/rss.max")" >>"$wrk_results"
}
web_run() { # $1 = label, then extra VAR=value settings for the portal
  local label=$1 db="$out/web.db"
  shift
  rm_db "$db"
  start_portal "$db" "$@"
  wait_for "$checklist_path" "$(date +%s%N)" >/dev/null
  for p in "$trivial_path" "$api_path" "$checklist_path"; do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$base$p")" = 200 ] || { echo "not 200: $p" >&2; exit 1; }
  done
  # Warm-up (JIT, tiered compilation), not reported.
  for p in "$trivial_path" "$api_path" "$checklist_path"; do
    wrk -t"$threads" -c"$connections" -d3s "$base$p" >/dev/null
  done
  wrk_results="$out/wrk-$label.txt"
  rm -f "$wrk_results"
  run_wrk "$label-trivial" "$trivial_path" "$duration"
  run_wrk "$label-api" "$api_path" "$duration"
  run_wrk "$label-checklist" "$checklist_path" "$duration"
  stop_portal
  awk -v label="$label" '
    { for (i = 2; i <= NF; i++) { split($i, kv, "="); v[$1, kv[1]] = kv[2] } names[NR] = $1 }
    END {
      t = label "-trivial"
      for (n = 1; n <= NR; n++) {
        k = names[n]; endpoint = substr(k, length(label) + 2)
        printf "| %s | %s | %.0f | %.0f %% | %.2f ms | %.2f ms | %.2f ms | %d/%d/%d/%d | %d | %.0f MB |\n", label, endpoint, v[k, "rps"],
          100 * v[k, "rps"] / v[t, "rps"], v[k, "p50_us"] / 1000, v[k, "p99_us"] / 1000, v[k, "max_us"] / 1000,
          v[k, "connect"], v[k, "read"], v[k, "write"], v[k, "timeout"], v[k, "status"], v[k, "rss_kb"] / 1024
      }
    }' "$wrk_results" >>"$out/web-table.md"
}
web() {
  log "2. web throughput (wrk, $connections connections, $threads threads, $duration per endpoint)"
  ensure_wrk
  rm -f "$out/web-table.md"
  # As shipped (resident output cache on), then with the cache off: what rendering and serialising cost per request.
  web_run cached
  web_run uncached OutputCache__Enabled=false
  {
    echo "## 2. Web throughput"
    echo
    echo "wrk -t$threads -c$connections -d$duration --latency, one portal process (Release, Production, SQLite), loopback; peak RSS sampled every 0.25 s."
    echo
    echo "- trivial: \`$trivial_path\`"
    echo "- api: \`$api_path\`"
    echo "- checklist: \`$checklist_path\`"
    echo
    echo "| output cache | endpoint | requests/s | ratio to trivial | p50 | p99 | max | errors (connect/read/write/timeout) | non-2xx | peak RSS |"
    echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
    cat "$out/web-table.md"
    echo
  } >>"$summary"
}

# ── 3. start-up ────────────────────────────────────────────────────────────────────────────────────────────────
startup() {
  log "3. start-up (process start to the first 200 from the checklist page)"
  local db="$out/startup.db" empty=() seeded=() ms
  for _ in 1 2 3; do
    rm_db "$db"
    start_portal "$db"
    empty+=("$(wait_for "$checklist_path" "$(date +%s%N)")")
    stop_portal
    start_portal "$db"
    seeded+=("$(wait_for "$checklist_path" "$(date +%s%N)")")
    stop_portal
  done
  rm_db "$db"
  median() { printf '%s\n' "$@" | sort -n | sed -n 2p; }
  {
    echo "## 3. Start-up"
    echo
    echo "| database | runs (ms) | median |"
    echo "|---|---|---:|"
    echo "| empty SQLite file (migrate + seed) | ${empty[*]} | $(median "${empty[@]}") ms |"
    echo "| already seeded | ${seeded[*]} | $(median "${seeded[@]}") ms |"
    echo
  } >>"$summary"
}

# ── 4. bad input ───────────────────────────────────────────────────────────────────────────────────────────────
fuzz() {
  log "4. bad input (tests/MyNumberPortal.Web.Tests, FuzzTests)"
  local status=0 started=$SECONDS
  dotnet test tests/MyNumberPortal.Web.Tests -c Release --nologo -v quiet --filter "FullyQualifiedName~Fuzz" \
    --logger "console;verbosity=detailed" >"$out/fuzz.log" 2>&1 || status=$?
  {
    echo "## 4. Bad input"
    echo
    echo "dotnet test tests/MyNumberPortal.Web.Tests -c Release --filter FullyQualifiedName~Fuzz: exit $status in $((SECONDS - started)) s (build included)"
    echo
    grep -E '^ *Fuzz: |Passed FuzzTests|Failed FuzzTests|Passed .*Fuzz|Failed .*Fuzz|Total tests' "$out/fuzz.log" | sed 's/^ */    /' || true
    echo
  } >>"$summary"
  return "$status"
}

# ── 5. and 6.: admin publishes (tests/MyNumberPortal.Benchmarks/admin_driver.py drives the admin console over HTTP) ──
# The driver signs in as a 品川区 admin created at start (Staff:InitialAdmin) and loops: fee reissue-fee's card part
# 830 ↔ 870 yen and kofu-tokusetsu's weekday closing time 17:10 ↔ 17:20, two saves into the draft, then publish
# (effective today). Each publish the portal acknowledges (302 to /history?published=N) goes to a file at once.
driver=(python3 tests/MyNumberPortal.Benchmarks/admin_driver.py)
admin_user=perf-admin
admin_password=perf-admin-password-131091
admin_env=(Staff__InitialAdmin__UserName=$admin_user Staff__InitialAdmin__Password=$admin_password Staff__InitialAdmin__MunicipalityCode=131091
  RateLimits__SignIn__PermitLimit=1000)
# A complete 品川区 checklist that shows both changed places (the fee total and kofu-tokusetsu's next openings).
edit_path="/guide/131091/reissue?applicant=self&reissue-reason=damaged"
kill_portal() { # SIGKILL, no shutdown: for the crash-safety part
  if [ -n "$portal_pid" ]; then
    kill -KILL "$portal_pid" 2>/dev/null || true
    wait "$portal_pid" 2>/dev/null || true
    portal_pid=""
  fi
}
acks_count() { [ -f "$1" ] && wc -l <"$1" || echo 0; }

# ── 5. crash safety ────────────────────────────────────────────────────────────────────────────────────────────
crash() {
  local rounds=${CRASH_ROUNDS:-4} db="$out/crash.db" acks="$out/crash-acks.txt" status=0 round before driver_pid delay_ms
  local lines="$out/crash-rounds.txt" kills=0 checks_ok=0
  log "5. crash safety ($rounds rounds: admin publishes in a loop, SIGKILL at a random moment, restart, check)"
  rm_db "$db"
  rm -f "$acks" "$lines"
  for round in $(seq 1 "$rounds"); do
    start_portal "$db" "${admin_env[@]}"
    wait_for /health/ready "$(date +%s%N)" >/dev/null
    before=$(acks_count "$acks")
    "${driver[@]}" publish-loop "$base" "$admin_user" "$admin_password" "$acks" --seconds 90 >"$out/crash-driver-$round.log" 2>&1 &
    driver_pid=$!
    # The kill comes 0–5 s after this round's first acknowledged publish: anywhere in a save, a publish or between them.
    for _ in $(seq 1 600); do
      [ "$(acks_count "$acks")" -gt "$before" ] && break
      kill -0 "$driver_pid" 2>/dev/null || break
      sleep 0.1
    done
    delay_ms=$((RANDOM % 5000))
    sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
    kill_portal
    kills=$((kills + 1))
    wait "$driver_pid" || true
    # Restart on the same file: the snapshot must load (readiness, checklist) and the store must hold what was acknowledged.
    start_portal "$db" "${admin_env[@]}"
    local ready checklist verify_out verify_status=0
    wait_for /health/ready "$(date +%s%N)" >/dev/null || true
    ready=$(curl -s -o /dev/null -w '%{http_code}' "$base/health/ready" || echo 000)
    checklist=$(curl -s -o "$out/crash-checklist.html" -w '%{http_code}' "$base$edit_path" || echo 000)
    verify_out=$("${driver[@]}" verify "$db" "$acks" "$out/crash-checklist.html") || verify_status=$?
    stop_portal
    echo "round $round: killed ${delay_ms} ms after the round's first acknowledged publish; $(acks_count "$acks") acknowledged so far ($(sed 's/^DRIVER //' "$out/crash-driver-$round.log" | tail -1)); after restart: ready $ready, checklist $checklist, $(printf '%s' "$verify_out" | sed 's/^VERIFY //')" | tee -a "$lines" >&2
    if [ "$ready" = 200 ] && [ "$checklist" = 200 ] && [ "$verify_status" = 0 ]; then checks_ok=$((checks_ok + 1)); else status=1; fi
  done
  {
    echo "## 5. Crash safety"
    echo
    echo "$rounds rounds on one SQLite file: the portal (Release) with an admin publishing in a loop (two saves + publish per cycle), SIGKILL 0–5 s after the round's first acknowledged publish, restart, then checks."
    echo
    sed 's/^/- /' "$lines"
    echo
    echo "Total: $(acks_count "$acks") publishes acknowledged, $kills kills, $checks_ok of $rounds restarts passed every check (integrity_check ok, every acknowledged version Published with its content and audit entry, no half-published row, readiness 200, checklist 200)."
    echo
  } >>"$summary"
  return "$status"
}

# ── 6. load while editing ──────────────────────────────────────────────────────────────────────────────────────
edit() {
  local db="$out/edit.db" acks="$out/edit-acks.txt" status=0 driver_pid seconds
  log "6. load while editing (wrk on the 品川区 checklist, $connections connections, $duration, while an admin publishes every ~0.5 s)"
  ensure_wrk
  rm_db "$db"
  rm -f "$acks"
  start_portal "$db" "${admin_env[@]}"
  wait_for "$edit_path" "$(date +%s%N)" >/dev/null
  # One cycle first, so that the page shows one of the two sets (the seed has neither), then a warm-up.
  "${driver[@]}" publish-loop "$base" "$admin_user" "$admin_password" "$acks" --max 1 >"$out/edit-driver-warm.log" 2>&1
  wrk -t"$threads" -c"$connections" -d3s "$base$edit_path" >/dev/null
  seconds=${duration%s}
  "${driver[@]}" publish-loop "$base" "$admin_user" "$admin_password" "$acks" --interval 0.5 --seconds "$seconds" >"$out/edit-driver.log" 2>&1 &
  driver_pid=$!
  local flag="$out/sampling"
  touch "$flag"
  sample_rss "$flag" &
  local sampler=$!
  EDIT_A_FEE="1,030円" EDIT_A_CLOSE="~17:10" EDIT_B_FEE="1,070円" EDIT_B_CLOSE="~17:20" \
    wrk -t"$threads" -c"$connections" -d"$duration" --latency -s tests/MyNumberPortal.Benchmarks/wrk/edit.lua "$base$edit_path" >"$out/wrk-edit.log"
  rm -f "$flag"
  wait "$sampler"
  wait "$driver_pid" || true
  stop_portal
  local result edit_line driver_line
  result=$(grep '^RESULT' "$out/wrk-edit.log" | sed 's/^RESULT //')
  edit_line=$(grep '^EDIT' "$out/wrk-edit.log" | sed 's/^EDIT //')
  driver_line=$(sed 's/^DRIVER //' "$out/edit-driver.log" | tail -1)
  val() { printf '%s\n' "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
  {
    echo "## 6. Load while editing"
    echo
    echo "wrk -t$threads -c$connections -d$duration --latency on \`$edit_path\` (output cache on, as shipped), every response body checked by \`wrk/edit.lua\`, while the admin driver publishes every ~0.5 s (fee total 1,030円 with closing 17:10, or 1,070円 with 17:20)."
    echo
    echo "| requests/s | p50 | p99 | max | socket errors (connect/read/write/timeout) | non-2xx | bodies checked | set A | set B | mixed | publishes acknowledged | peak RSS |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    printf '| %.0f | %.2f ms | %.2f ms | %.2f ms | %s/%s/%s/%s | %s | %s | %s | %s | %s | %s | %.0f MB |\n' \
      "$(val "$result" rps)" "$(echo "$(val "$result" p50_us) / 1000" | bc -l)" "$(echo "$(val "$result" p99_us) / 1000" | bc -l)" \
      "$(echo "$(val "$result" max_us) / 1000" | bc -l)" "$(val "$result" connect)" "$(val "$result" read)" "$(val "$result" write)" \
      "$(val "$result" timeout)" "$(val "$result" status)" "$(val "$edit_line" checked)" "$(val "$edit_line" set_a)" "$(val "$edit_line" set_b)" \
      "$(val "$edit_line" mixed)" "$(val "$driver_line" acknowledged)" "$(echo "$(cat "$out/rss.max") / 1024" | bc -l)"
    echo
    echo "Driver: $driver_line"
    echo
  } >>"$summary"
  if [ "$(val "$edit_line" mixed)" != 0 ] || [ "$(val "$result" status)" != 0 ] || [ "$(val "$edit_line" set_a)" = 0 ] || [ "$(val "$edit_line" set_b)" = 0 ]; then
    status=1
  fi
  return "$status"
}

# ── 7. hostile rule files (issue 12) ───────────────────────────────────────────────────────────────────────────
# Each of the issue's files is read as an import (or the questions section editor) would, by HostileDriver in a process of
# its own, measured with GNU time (elapsed, peak RSS); before (the rules domain of $HOSTILE_BASE) and after (this tree).
# The "before" runs get a 3 GB GC heap limit and 300 s, so that a runaway ends as "out of memory" instead of taking the machine.
hostile_build() { # $1 = label, $2 = rules project (empty: this tree's); prints the driver's path
  local args=()
  [ -n "$2" ] && args=("-p:RulesProject=$2")
  dotnet build tests/MyNumberPortal.Benchmarks/HostileDriver -c Release --nologo -v quiet --artifacts-path "$out/hostile-$1" "${args[@]}" >&2
  find "$out/hostile-$1/bin/HostileDriver" -name HostileDriver.dll | head -n1
}
hostile_run() { # $1 = driver, $2 = case; prints "outcome|seconds|peak MB"
  local err="$out/hostile.err" code=0 outcome
  /usr/bin/time -o "$out/hostile.time" -f '%e %M' timeout 300 env DOTNET_GCHeapHardLimit=0xC0000000 dotnet "$1" "$2" >"$out/hostile.out" 2>"$err" || code=$?
  if [ "$code" = 0 ]; then outcome=$(sed -E 's/.* outcome=([^ ]*) .*/\1/; s/_/ /g; s/ \(line \)//' "$out/hostile.out")
  elif grep -q 'Stack overflow' "$err"; then outcome="process crashed (stack overflow)"
  elif [ "$code" = 124 ]; then outcome="killed after 300 s"
  elif grep -qiE 'OutOfMemory|^Out of memory' "$err"; then outcome="out of memory (3 GB heap limit)"
  elif grep -q '^Unhandled exception' "$err"; then
    outcome="failed: $(sed -nE 's/^Unhandled exception\. ([A-Za-z.]+).*/\1/p' "$err" | head -n1) (a 500 in the portal)"
  else outcome="process exited with $code"; fi
  read -r seconds kb < <(grep -E '^[0-9.]+ [0-9]+$' "$out/hostile.time" | tail -n1)
  printf '%s|%s s|%.0f MB\n' "$outcome" "${seconds:-?}" "$(echo "${kb:-0} / 1024" | bc -l)"
}
hostile() {
  log "7. hostile rule files (issue 12)"
  local after before="" base=${HOSTILE_BASE-0f88831} tree c
  after=$(hostile_build after "")
  if [ -n "$base" ] && git cat-file -e "$base^{commit}" 2>/dev/null; then
    tree=$(mktemp -d)
    git archive "$base" src/MyNumberPortal.Rules Directory.Build.props Directory.Packages.props | tar -x -C "$tree"
    before=$(hostile_build before "$tree/src/MyNumberPortal.Rules/MyNumberPortal.Rules.csproj")
  fi
  {
    echo "## 7. Hostile rule files (issue 12)"
    echo
    echo "Each file read as the import (or the questions section editor) reads it, in a process of its own (tests/MyNumberPortal.Benchmarks/HostileDriver); elapsed time and peak RSS of that process (GNU time). Before: the rules domain at \`${base:-none}\`."
    echo
    echo "| file | before | time | peak RSS | after | time | peak RSS |"
    echo "|---|---|---:|---:|---|---:|---:|"
    for c in deep-condition aliases-200 aliases-350 section-aliases-200; do
      local b="(not measured)|–|–"
      [ -n "$before" ] && b=$(hostile_run "$before" "$c")
      echo "| $c | ${b//|/ | } | $(hostile_run "$after" "$c" | sed 's/|/ | /g') |"
    done
    echo
  } >>"$summary"
  rm -rf "${tree:-/nonexistent}"
}

rm -rf "$out"   # no stale figures from an earlier run
mkdir -p "$out"
{
  echo "# Performance run $(date -u +%Y-%m-%dT%H:%M:%SZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo
  machine
  echo
} >"$summary"

if wants web || wants startup || wants crash || wants edit; then publish; fi
status=0
wants bench && bench
wants web && web
wants startup && startup
wants fuzz && { fuzz || status=$?; }
wants crash && { crash || status=$?; }
wants edit && { edit || status=$?; }
wants hostile && hostile
echo >&2
cat "$summary"
exit "$status"
