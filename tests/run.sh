#!/usr/bin/env bash
# Runs every test. On a fresh machine it first installs what the tests need.
# Usage: bash tests/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian's Chromium and Japanese fonts for the browser tests (Playwright drives /usr/bin/chromium; it never downloads browsers).
if [ ! -x /usr/bin/chromium ]; then
  sudo_cmd=()
  if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then
    sudo_cmd=(sudo)
  fi
  "${sudo_cmd[@]}" apt-get update
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium fonts-noto-cjk
fi

# Japanese public-holiday data to check the holiday computation against (npm: @holiday-jp/holiday_jp).
if [ ! -f tests/tools/node_modules/@holiday-jp/holiday_jp/package.json ]; then
  (cd tests/tools && npm ci --no-audit --no-fund --loglevel=error)
fi

results=artifacts/test-results
rm -rf "$results"
dotnet build MyNumberPortal.sln -c Release --nologo -v quiet
status=0
dotnet test MyNumberPortal.sln -c Release --no-build --nologo -v quiet \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" || status=$?

# One closing line over all test projects: "N passed, N failed, N skipped".
passed=0 failed=0 total=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  total=$((total + $(sed -E 's/.* total="([0-9]+)".*/\1/' <<<"$counters")))
  passed=$((passed + $(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$counters")))
  failed=$((failed + $(sed -E 's/.* failed="([0-9]+)".*/\1/' <<<"$counters")))
done
echo "$passed passed, $failed failed, $((total - passed - failed)) skipped"
if [ "$total" -eq 0 ]; then
  echo "No test ran." >&2
  exit 1
fi
exit "$status"
