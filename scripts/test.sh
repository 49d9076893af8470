#!/usr/bin/env bash
# Runs every test. On a fresh machine (as root) it first installs the OS packages the tests need.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
command -v sqlite3 >/dev/null 2>&1 || need+=(sqlite3)
fc-list 2>/dev/null | grep -qi dejavu || need+=(fonts-dejavu-core)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "Installing OS packages: ${need[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "Missing OS packages (${need[*]}); run as root or install them with apt. Tests that need them will say so." >&2
  fi
fi

dotnet tool restore >/dev/null
dotnet test GenAITrends.sln --configuration Release "$@"
