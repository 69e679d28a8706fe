#!/usr/bin/env bash
# Runs ArtBot locally: Azurite (storage), the bot, and the Microsoft 365 Agents Playground (Teams emulator).
# Open the printed URL in a browser and chat with the bot. Ctrl+C stops all three.
# Ports: ARTBOT_PORT (3978), AZURITE_TABLE_PORT (10002), PLAYGROUND_PORT (56150).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dev="$root/.dev"
run="$dev/run"
bot_port="${ARTBOT_PORT:-3978}"
table_port="${AZURITE_TABLE_PORT:-10002}"
playground_port="${PLAYGROUND_PORT:-56150}"
mkdir -p "$run/azurite"

bash "$dev/setup.sh"
echo "[run] building the bot"
dotnet build "$root/src/ArtBot/ArtBot.csproj" -c Debug -nologo -v q -clp:ErrorsOnly

pids=()
stop() {
  trap - INT TERM EXIT
  echo; echo "[run] stopping"
  for pid in "${pids[@]}"; do kill -INT "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop INT TERM EXIT

wait_for() { # url, name, seconds
  local deadline=$((SECONDS + $3))
  until curl -fsS -o /dev/null "$1" 2>/dev/null; do
    if [ $SECONDS -ge $deadline ]; then echo "[run] $2 did not become ready at $1" >&2; exit 1; fi
    sleep 0.2
  done
}

echo "[run] Azurite table service on 127.0.0.1:$table_port (data in .dev/run/azurite)"
node "$dev/node_modules/azurite/dist/src/table/main.js" --tableHost 127.0.0.1 --tablePort "$table_port" \
  --location "$run/azurite" --disableTelemetry --silent &
pids+=($!)

echo "[run] ArtBot on http://127.0.0.1:$bot_port (local-development mode: no app id)"
ASPNETCORE_URLS="http://127.0.0.1:$bot_port" ASPNETCORE_ENVIRONMENT=Development \
  MicrosoftAppId="" \
  Storage__ConnectionString="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:$table_port/devstoreaccount1;" \
  dotnet "$root/src/ArtBot/bin/Debug/net10.0/ArtBot.dll" --contentRoot "$root/src/ArtBot/bin/Debug/net10.0" &
pids+=($!)
wait_for "http://127.0.0.1:$bot_port/health/ready" "ArtBot" 60

echo "[run] Agents Playground (Teams emulator)"
log="$run/playground.log"
(cd "$dev/playground" && TEAMSAPPTESTER_BROWSER=none exec node "$dev/node_modules/@microsoft/m365agentsplayground/cli.js" \
  -e "http://127.0.0.1:$bot_port/api/messages" -c msteams -p "$playground_port" --disable-telemetry) >"$log" 2>&1 &
pids+=($!)
deadline=$((SECONDS + 60))
until grep -qE "Listening on [0-9]+" "$log" 2>/dev/null; do
  if [ $SECONDS -ge $deadline ]; then echo "[run] the Playground did not start; see $log" >&2; exit 1; fi
  sleep 0.2
done
actual_port="$(grep -oE "Listening on [0-9]+" "$log" | head -1 | grep -oE "[0-9]+")"
wait_for "http://127.0.0.1:$actual_port/_debug/ping" "the Playground" 30

cat <<MSG

  ArtBot is running.
  Open http://localhost:$actual_port in a browser: that is Teams (the Agents Playground).
  Try "help" in the personal chat, or @ArtBot help in the team's channel.
  Bot: http://127.0.0.1:$bot_port   Storage: Azurite 127.0.0.1:$table_port   Playground log: $log
  Press Ctrl+C to stop everything.

MSG
wait -n "${pids[@]}" || true
