#!/usr/bin/env bash
# Organization-scale benchmark (issue 26): `credreport fetch --org` against a local fake
# Organization of N accounts (Organizations, STS and IAM on one loopback endpoint,
# dev.credreport.bench.FakeOrganizationServer from the test classes), with and without throttling
# and a hung account, and the days of a cron job saving with --output-dir --keep. Each row: wall
# time, CPU time (user + system: on a shared machine, steadier than wall time), peak RSS of the
# credreport process, accounts complete (distinct account ids in the merged
# CSV, or reports saved that day) and the exit code. Appends rows to target/bench/scale.md and prints
# them. Not part of `mvn -B verify`; speed is never asserted in tests.
#
#   src/bench/scale.sh [--sizes "1000 5000 10000"] [--cases "plain sts iam pages hung save day100"]
#                      [--latency MS] [--save-size N] [--day100-size N] [--no-build]
#
# plain: no throttling; sts: AssumeRole limited to 20 a second, --concurrency 64; iam: every 5th
# IAM call throttled; pages: every 2nd ListAccounts page throttled; hung: the middle account never
# answers, --account-timeout 30s; save: day 1, 2 and 3 with --output-dir --keep 2 (--save-size
# accounts); day100: an archive of 99 days (--keep 90 pruned) built by SyntheticArchive, then day 100
# with --keep 90, against day 1 of an empty archive of the same size.
#
# Needs: a JDK, Maven (unless --no-build), GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/../.."

sizes="1000 5000 10000" cases="plain sts iam pages hung save day100" latency=0 build=1 save_size=5000 day100_size=1000
while [ $# -gt 0 ]; do
  case $1 in
    --sizes) sizes=$2; shift 2 ;;
    --cases) cases=$2; shift 2 ;;
    --latency) latency=$2; shift 2 ;;
    --save-size) save_size=$2; shift 2 ;;
    --day100-size) day100_size=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    *) echo "usage: $0 [--sizes LIST] [--cases LIST] [--latency MS] [--save-size N] [--day100-size N] [--no-build]" >&2; exit 2 ;;
  esac
done
want() { case " $cases " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }
[ -x /usr/bin/time ] || { echo "GNU time (/usr/bin/time) is needed for memory figures" >&2; exit 2; }
if [ $build = 1 ]; then mvn -B -q package -DskipTests; fi

mkdir -p target/bench
results=target/bench/scale.md
work=$(mktemp -d)
fake=
trap '[ -n "$fake" ] && kill "$fake" 2>/dev/null; rm -rf "$work"' EXIT
cp="target/test-classes:target/credreport.jar"
export CREDREPORT_CDS=off CREDREPORT_CACHE_DIR=$work/cache

start_fake() { # start_fake N OPTION...: the fake Organization of N member accounts (and the management one)
  : > "$work/fake"
  java -cp "$cp" dev.credreport.bench.FakeOrganizationServer "$1" "$latency" "${@:2}" > "$work/fake" 2>&1 &
  fake=$!
  for _ in $(seq 100); do [ -s "$work/fake" ] && break; sleep 0.1; done
  endpoint=$(head -1 "$work/fake")
}
stop_fake() { kill "$fake" 2>/dev/null || true; wait "$fake" 2>/dev/null || true; fake=; }

# run LABEL N ACCOUNTS_COUNTER FAKE_OPTIONS... -- CREDREPORT_ARGS...: one row
run() {
  local label=$1 n=$2 counter=$3; shift 3
  local options=()
  while [ "$1" != -- ]; do options+=("$1"); shift; done; shift
  start_fake "$n" "${options[@]}"
  local begin end status
  begin=$(date +%s%N)
  AWS_ENDPOINT_URL=$endpoint AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench AWS_REGION=us-east-1 \
    /usr/bin/time -f "%M %U %S" -o "$work/rss" target/credreport fetch --org -q "$@" > "$work/out" 2> "$work/err" \
    && status=0 || status=$?
  end=$(date +%s%N)
  stop_fake
  local complete seconds rss cpu
  complete=$($counter)
  seconds=$(awk -v ns=$((end - begin)) 'BEGIN { printf "%.1f", ns / 1e9 }')
  read -r rss user sys < <(tail -1 "$work/rss")
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.1f", u + s }')
  printf "| %s | %s | %s | %s | %s | %s | %s/%s | %s | %s |\n" "$label" "$n" "$seconds" \
    "$(awk -v s="$seconds" -v n="$n" 'BEGIN { printf "%.2f", s * 1000 / (n + 1) }')" "$cpu" \
    "$(awk -v s="$cpu" -v n="$n" 'BEGIN { printf "%.2f", s * 1000 / (n + 1) }')" \
    "$complete" "$((n + 1))" "$((rss / 1024))" "$status" | tee -a "$results"
}
in_csv() { tail -n +2 "$work/out" | cut -d, -f1 | sort -u | wc -l; }
saved_today() { find "$archive" -maxdepth 1 -name "credential-report-*-${stamp}.csv" | wc -l; }

{
  echo
  echo "$(date -u +%Y-%m-%dT%H:%MZ), latency ${latency} ms, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "| case | accounts | wall s | wall ms per account | CPU s | CPU ms per account | accounts complete | peak RSS MB | exit |"
  echo "|---|---|---|---|---|---|---|---|---|"
} | tee -a "$results"

for n in $sizes; do
  want plain && run "unthrottled" "$n" in_csv -- --format csv
  want sts && run "sts-rate=20, --concurrency 64" "$n" in_csv sts-rate=20 -- --concurrency 64 --format csv
  want iam && run "throttle-iam=5 (a fifth of IAM calls)" "$n" in_csv throttle-iam=5 -- --format csv
  want pages && run "throttle-pages=2 (half the pages)" "$n" in_csv throttle-pages=2 -- --format csv
  want hung && run "one hung account, --account-timeout 30s" "$n" in_csv "slow=$((n / 2)):100000000" -- \
    --account-timeout 30s --format csv
done

if want save; then
  archive=$work/archive
  for day in 1 2 3; do
    stamp="202406$(printf %02d "$day")T000000Z"
    run "save day $day, --output-dir --keep 2" "$save_size" saved_today "generated=2024-06-$(printf %02d "$day")T00:00:00Z" -- \
      --output-dir "$archive" --keep 2
  done
  echo "(after day 3: $(find "$archive" -maxdepth 1 -name '*.csv' | wc -l) reports, $(find "$archive" -maxdepth 1 -name '*.meta.json' | wc -l) metadata files)" | tee -a "$results"
  rm -rf "$archive"
fi

if want day100; then
  archive=$work/day1
  stamp=20240909T000000Z
  run "day 1 of an empty archive, --keep 90" "$day100_size" saved_today generated=2024-09-09T00:00:00Z -- \
    --output-dir "$archive" --keep 90
  rm -rf "$archive"
  archive=$work/day100
  java -cp "$cp" dev.credreport.bench.SyntheticArchive "$archive" "$day100_size" 90 2024-09-09T00:00:00Z
  run "day 100 (90 days kept), --keep 90" "$day100_size" saved_today generated=2024-09-09T00:00:00Z -- \
    --output-dir "$archive" --keep 90
  echo "(after day 100: $(find "$archive" -maxdepth 1 -name '*.csv' | wc -l) reports, $(find "$archive" -maxdepth 1 -name '*.meta.json' | wc -l) metadata files)" | tee -a "$results"
  rm -rf "$archive"
fi
