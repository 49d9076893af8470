#!/usr/bin/env bash
# Times the Overview page (/) in headless Debian Chromium on an existing database: time until both charts hold
# their data and bytes transferred, median of R runs, each in a new browser context (empty cache).
#
#   scripts/bench-overview.sh --db /tmp/ow1m.db [--mode run|publish] [--runs 7] [--screenshots DIR]
#
#   --mode run      as a newcomer runs it: `dotnet run --project src/GenAITrends.Web` (build output, the
#                   launch profile's Development environment, http://localhost:5043)
#   --mode publish  `dotnet publish -c Release` into bench-out/overview-publish, run in Production over plain
#                   HTTP on loopback (Auth__AllowInsecureHttp=true)
#
# Signs in as bench@genaitrends.local (an Analyst), created on the database with a generated password if absent.
# A 1M-post database: `genaitrends bench api --posts 1000000 --db /tmp/ow1m.db` (imports synthetic posts).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

mode=run; runs=7; db=""; shots=""; port=5043
while [ $# -gt 0 ]; do
  case "$1" in
    --mode) mode=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --db) db=$2; shift 2 ;;
    --screenshots) shots=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ -n "$db" ] && [ -f "$db" ] || { echo "--db PATH of an existing database is required" >&2; exit 2; }
db=$(readlink -f "$db")

out="$root/bench-out/overview"
mkdir -p "$out"
( cd scripts/bench-overview && [ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund >/dev/null )

# A bench account with a known password (set again on every run, so the file always matches).
email=bench@genaitrends.local
pwfile="$out/password.txt"
[ -f "$pwfile" ] || { head -c 18 /dev/urandom | base64 | tr -d '/+=' | cut -c1-20 | sed 's/$/-Aa1!/' > "$pwfile"; chmod 600 "$pwfile"; }
dotnet build -c Release src/GenAITrends.Cli -v q -nologo >/dev/null
cli=(dotnet run -c Release --no-build --project src/GenAITrends.Cli --)
if ! "${cli[@]}" users list --db "$db" 2>/dev/null | grep -q "$email"; then
  "${cli[@]}" users add "$email" --role Analyst --password-stdin --db "$db" < "$pwfile" >/dev/null
else
  "${cli[@]}" users set-password "$email" --password-stdin --db "$db" < "$pwfile" >/dev/null
fi

export ConnectionStrings__Default="Data Source=$db"
log="$out/web-$mode.log"
case "$mode" in
  run)
    dotnet build src/GenAITrends.Web -v q -nologo >/dev/null
    dotnet run --no-build --project src/GenAITrends.Web >"$log" 2>&1 &
    ;;
  publish)
    port=5098
    rm -rf "$out/publish"
    dotnet publish src/GenAITrends.Web -c Release -o "$out/publish" -v q -nologo >/dev/null
    ( cd "$out/publish" && ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" Auth__AllowInsecureHttp=true \
        Models__Directory="$root/data/models" exec dotnet "$out/publish/GenAITrends.Web.dll" ) >"$log" 2>&1 &
    ;;
  *) echo "--mode run|publish" >&2; exit 2 ;;
esac
app=$!
trap 'kill $app 2>/dev/null; pkill -P $app 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs -o /dev/null "http://localhost:$port/Account/Login" 2>/dev/null && break
  sleep 1
done
echo "mode $mode ($(grep -m1 -o 'Hosting environment: [A-Za-z]*' "$log" || true)); $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
node scripts/bench-overview/bench.mjs --url "http://localhost:$port" --email "$email" --password-file "$pwfile" --runs "$runs" \
  ${shots:+--screenshots "$shots"}
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
