#!/usr/bin/env bash
# Runs ArtBot's whole test suite from a fresh clone: installs the npm tools and Chromium, builds with
# warnings as errors, compiles and lints infra/main.bicep (warnings fail too), publishes the bot as deployed, runs unit,
# integration (Azurite) and end-to-end (Agents Playground + Chromium, against the published bot) tests.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

bash .dev/setup.sh --browser || exit 1
dotnet build ArtBot.sln -c Release -nologo -clp:"ErrorsOnly;Summary" || exit 1
bash .dev/scripts/bicep-check.sh || exit 1   # infra/main.bicep: Bicep CLI from the NuGet feed, warnings fail

# The bot as deployed (ReadyToRun): the end-to-end tests and the benchmarks
# start this build (ARTBOT_BOT, tests/Shared/Bot/BotBuild.cs), so the tests pass on what ships.
echo "[test] publishing the bot as deployed (ReadyToRun)"
dotnet publish src/ArtBot/ArtBot.csproj -c Release -o "$root/.dev/run/bot" -nologo -clp:"ErrorsOnly;Summary" || exit 1
export ARTBOT_BOT="$root/.dev/run/bot/ArtBot"

out="$(mktemp)"
dotnet test ArtBot.sln -c Release --no-build -nologo "$@" 2>&1 | tee "$out"
status=${PIPESTATUS[0]}

# The benchmarks, smoke-sized: fail when a ballot or a message is lost or doubled, or when what a ballot, a message or
# an ART room request costs the bot is over its budget in tests/ArtBot.LoadTests/budgets.json, or when a meeting's stage
# shows the last ballot later than 2 s (p95), or when the program board misses a target (API p95 200 ms, a move on
# every open board within 2 s p95, the page usable within 1 s) or a board read is over its budget (docs/benchmarks.md).
echo "[test] load test smoke runs"
dotnet run -c Release --no-build --project tests/ArtBot.LoadTests -- --smoke || status=1
dotnet run -c Release --no-build --project tests/ArtBot.LoadTests -- --scenario fanout --smoke || status=1
dotnet run -c Release --no-build --project tests/ArtBot.LoadTests -- --scenario room --smoke || status=1
dotnet run -c Release --no-build --project tests/ArtBot.LoadTests -- --scenario meeting --smoke || status=1
dotnet run -c Release --no-build --project tests/ArtBot.LoadTests -- --scenario board --smoke || status=1

# The failed tests by name, next to the closing line, so a CI log cut to its end still says which.
grep -E '^[[:space:]]+Failed [A-Za-z_]' "$out" | sed 's/^[[:space:]]*/[test] /' | sort -u
# One closing line for every runner: "N passed, N failed".
awk '/(Passed|Failed)! +- +Failed:/ {
       for (i = 1; i <= NF; i++) { gsub(",", "", $i); if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     }
     END { printf "Tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$out"
rm -f "$out"

exit "$status"
