#!/usr/bin/env bash
# Runs every test. On a fresh machine it first installs what the tests need.
# Usage: bash tests/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."

# Japanese public-holiday data to check the holiday computation against (npm: @holiday-jp/holiday_jp).
if [ ! -f tests/tools/node_modules/@holiday-jp/holiday_jp/package.json ]; then
  (cd tests/tools && npm ci --no-audit --no-fund --loglevel=error)
fi

# Local .NET tools (dotnet-ef), pinned in .config/dotnet-tools.json.
dotnet tool restore >/dev/null

dotnet build MyNumberPortal.sln -c Release -warnaserror --nologo -v quiet
dotnet test MyNumberPortal.sln -c Release --no-build --nologo -v quiet \
  --logger "console;verbosity=normal" --results-directory artifacts/test-results
