#!/usr/bin/env bash
# Installs what ArtBot's local run and tests need, from files the project owns. Idempotent and quick when done.
#  - npm tools from .dev/package-lock.json (Azurite, Agents Playground, Adaptive Cards, manifest schema, PNG and zip)
#  - Debian's Chromium for the end-to-end test (only with --browser; needs root or sudo)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

if [ ! -f "$here/node_modules/.package-lock.json" ] || ! cmp -s "$here/package-lock.json" "$here/node_modules/.artbot-lock"; then
  echo "[setup] npm ci in .dev (Azurite, Agents Playground, adaptivecards, app-manifest, pngjs, yazl)"
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$here/package-lock.json" "$here/node_modules/.artbot-lock"
fi

if [ "${1:-}" = "--browser" ] && ! command -v chromium >/dev/null 2>&1; then
  echo "[setup] apt-get install chromium (end-to-end test browser)"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null
fi
