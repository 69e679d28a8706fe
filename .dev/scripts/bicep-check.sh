#!/usr/bin/env bash
# Compiles and lints infra/main.bicep with the Bicep CLI the NuGet feed serves (Azure.Bicep.CommandLine.linux-x64, version
# in Directory.Packages.props, restored by infra/Bicep.csproj; nothing is downloaded from elsewhere). Fails on any error
# or warning of `bicep build` or `bicep lint`, and prints them. Usage: bicep-check.sh [template, default infra/main.bicep]
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
template="${1:-infra/main.bicep}"

if [ "$(uname -s)/$(uname -m)" != "Linux/x86_64" ]; then
  echo "[bicep] the Bicep CLI package pinned here is linux-x64; on $(uname -s)/$(uname -m) use 'az bicep build' / 'az bicep lint'" >&2
  exit 1
fi

# Restore is a no-op when the project is up to date, and needs no network once the package is in the NuGet cache.
if ! restore_log="$(dotnet restore infra/Bicep.csproj -nologo -v q 2>&1)"; then
  echo "$restore_log" >&2
  echo "[bicep] restoring infra/Bicep.csproj (the Bicep CLI) failed" >&2
  exit 1
fi
# The package sets BicepPath (its tools/bicep) in the props it adds to the project.
bicep="$(dotnet msbuild infra/Bicep.csproj -nologo -getProperty:BicepPath)"
if [ -z "$bicep" ] || [ ! -f "$bicep" ]; then
  echo "[bicep] no Bicep CLI found after restore (BicepPath='$bicep')" >&2
  exit 1
fi
[ -x "$bicep" ] || chmod u+x "$bicep" 2>/dev/null || { echo "[bicep] $bicep is not executable" >&2; exit 1; }

status=0
# Both commands print their diagnostics ("file(line,col) : Warning|Error code: ...") on stderr, and exit 0 with warnings.
check() {
  local what="$1" out rc
  shift
  out="$("$bicep" "$@" 2>&1 >/dev/null)"
  rc=$?
  if [ "$rc" -ne 0 ] || grep -Eq ' : (Warning|Error) ' <<<"$out"; then
    [ -n "$out" ] && echo "$out" >&2
    echo "[bicep] $what $template: failed (exit $rc; warnings count as failures)" >&2
    status=1
  else
    [ -n "$out" ] && echo "$out"
    echo "[bicep] $what $template: no errors, no warnings"
  fi
}
echo "[bicep] $("$bicep" --version)"
check build build "$template" --stdout --no-restore
check lint lint "$template" --no-restore
exit "$status"
