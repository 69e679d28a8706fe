#!/usr/bin/env bash
# Runs ArtBot locally: Azurite (storage), the bot, and the Microsoft 365 Agents Playground (Teams emulator).
# Open the printed URL in a browser and chat with the bot. Ctrl+C stops all three.
# --demo: a storage of its own (.dev/run/azurite-demo) holding the demo train, Aurora ART (12 teams, 125 people, three
# PIs of history), seeded by tests/ArtBot.DemoTrain through the bot's stores before the bot starts (again: nothing doubled).
# Ports: ARTBOT_PORT (3978), AZURITE_TABLE_PORT (10002), PLAYGROUND_PORT (56150), PLAYGROUND_COMET_PORT (56151).
set -euo pipefail
demo=false
for arg in "$@"; do
  case "$arg" in
    --demo) demo=true ;;
    *) echo "usage: bash .dev/run-local.sh [--demo]" >&2; exit 2 ;;
  esac
done
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dev="$root/.dev"
run="$dev/run"
bot_port="${ARTBOT_PORT:-3978}"
table_port="${AZURITE_TABLE_PORT:-10002}"
playground_port="${PLAYGROUND_PORT:-56150}"
comet_port_wanted="${PLAYGROUND_COMET_PORT:-56151}"
data="$run/azurite"
$demo && data="$run/azurite-demo"
mkdir -p "$data"
storage="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:$table_port/devstoreaccount1;"

bash "$dev/setup.sh"
echo "[run] building the bot"
dotnet build "$root/src/ArtBot/ArtBot.csproj" -c Debug -nologo -v q -clp:ErrorsOnly
if $demo; then
  echo "[run] building the demo train seeder"
  dotnet build "$root/tests/ArtBot.DemoTrain/ArtBot.DemoTrain.csproj" -c Debug -nologo -v q -clp:ErrorsOnly
fi

pids=()
# Background jobs of a script ignore SIGINT (bash does that without job control), and dotnet keeps it ignored:
# stop them with SIGTERM (a graceful shutdown for ASP.NET Core and Node), and SIGKILL what is left after 10 s.
stop() {
  trap - INT TERM EXIT
  [ ${#pids[@]} -eq 0 ] && return
  echo; echo "[run] stopping"
  kill -TERM "${pids[@]}" 2>/dev/null || true
  local deadline=$((SECONDS + 10)) pid
  for pid in "${pids[@]}"; do
    while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.1; done
  done
  kill -KILL "${pids[@]}" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap 'stop; exit 130' INT
trap 'stop; exit 143' TERM
trap stop EXIT

wait_for() { # url, name, seconds, pid of the process that must stay up
  local deadline=$((SECONDS + $3))
  until curl -fsS --max-time 2 -o /dev/null "$1" 2>/dev/null; do
    if ! kill -0 "$4" 2>/dev/null; then echo "[run] $2 exited before it was ready at $1 (is the port taken?)" >&2; exit 1; fi
    if [ $SECONDS -ge $deadline ]; then echo "[run] $2 did not become ready at $1" >&2; exit 1; fi
    sleep 0.2
  done
}

echo "[run] Azurite table service on 127.0.0.1:$table_port (data in ${data#"$root/"})"
node "$dev/node_modules/azurite/dist/src/table/main.js" --tableHost 127.0.0.1 --tablePort "$table_port" \
  --location "$data" --disableTelemetry --silent &
pids+=($!)

if $demo; then
  echo "[run] seeding the demo train (Aurora ART) into Azurite"
  Storage__ConnectionString="$storage" dotnet "$root/tests/ArtBot.DemoTrain/bin/Debug/net10.0/ArtBot.DemoTrain.dll" \
    --service-url "http://localhost:$playground_port/_connector" --comet-service-url "http://localhost:$comet_port_wanted/_connector"
fi

echo "[run] ArtBot on http://127.0.0.1:$bot_port (local-development mode: no app id)"
ASPNETCORE_URLS="http://127.0.0.1:$bot_port" ASPNETCORE_ENVIRONMENT=Development \
  MicrosoftAppId="" \
  Storage__ConnectionString="$storage" \
  dotnet "$root/src/ArtBot/bin/Debug/net10.0/ArtBot.dll" --contentRoot "$root/src/ArtBot/bin/Debug/net10.0" &
pids+=($!)
wait_for "http://127.0.0.1:$bot_port/health/ready" "ArtBot" 60 "${pids[-1]}"

# A Playground emulates one Teams team with two channels: the first holds the ART's channel (General) and team Rocket
# (PI Planning); the second is team Comet's, so a train of two teams can plan objectives and dependencies.
start_playground() { # config directory, port, log; prints the port it listens on
  : >"$3" # not the previous run's "Listening on"
  (cd "$1" && TEAMSAPPTESTER_BROWSER=none exec node "$dev/node_modules/@microsoft/m365agentsplayground/cli.js" \
    -e "http://127.0.0.1:$bot_port/api/messages" -c msteams -p "$2" --disable-telemetry) >"$3" 2>&1 &
  pids+=($!)
  local deadline=$((SECONDS + 60))
  until grep -qE "Listening on [0-9]+" "$3" 2>/dev/null; do
    if ! kill -0 "${pids[-1]}" 2>/dev/null || [ $SECONDS -ge $deadline ]; then echo "[run] the Playground did not start; see $3" >&2; exit 1; fi
    sleep 0.2
  done
  started_port="$(grep -oE "Listening on [0-9]+" "$3" | head -1 | grep -oE "[0-9]+")"
  wait_for "http://127.0.0.1:$started_port/_debug/ping" "the Playground" 30 "${pids[-1]}"
}

echo "[run] Agents Playground (Teams emulator): the ART's team"
log="$run/playground.log"
start_playground "$dev/playground" "$playground_port" "$log"
actual_port="$started_port"
echo "[run] Agents Playground: team Comet"
comet_log="$run/playground-comet.log"
start_playground "$dev/playground-comet" "$comet_port_wanted" "$comet_log"
comet_port="$started_port"

room="http://127.0.0.1:$bot_port/room/?conversation=19:team-general@thread.tacv2"
# A PI Planning meeting of the General channel (the Playground's tenant), simulated: Teams' meeting surfaces side by side.
meeting="http://127.0.0.1:$bot_port/room/simulated-meeting.html?meeting=local-pi-planning&chat=19%3Ateam-general%40thread.tacv2%3Bmessageid%3D1&tenant=72f988bf-86f1-41af-91ab-2d7cd011db47"
cat <<MSG

  ArtBot is running.
  Open http://localhost:$actual_port in a browser: that is Teams (the Agents Playground).
  Try "help" in the personal chat, or @ArtBot help in the team's channel.
  A second team (Comet, another Teams team of the same tenant): http://localhost:$comet_port
  The ART room tab (the Playground does not host tabs; no sign-in locally), once the ART is set up in General:
    $room   (team Rocket: 19:team-planning@thread.tacv2)
  A PI Planning meeting of the ART's channel, simulated (the side panel, the stage and an attendee's in-meeting
  notification side by side; the Playground hosts no meeting surfaces), once the ART is set up in General:
    $meeting
  Bot: http://127.0.0.1:$bot_port   Storage: Azurite 127.0.0.1:$table_port   Playground logs: $log, $comet_log
  Press Ctrl+C to stop everything.

MSG
if $demo; then
  cat <<MSG
  The demo train: Aurora ART, 12 teams and 125 people with three PIs of votes, check-ins, impediments and risks,
  objectives with business value, dependencies and improvement items; Alex (at the Playground's keyboard) is its RTE.
  Its ART room: $room
    (&theme=dark or &theme=contrast for the other themes; team Rocket's channel: 19:team-planning@thread.tacv2)
  In the Playground its General channel is the ART's and PI Planning is team Rocket's: try @ArtBot predictability,
  @ArtBot objectives, @ArtBot dependencies, @ArtBot impediments. Without --demo, your own ART (.dev/run/azurite) is back.

MSG
fi
wait -n "${pids[@]}" || true
