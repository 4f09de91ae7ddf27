#!/usr/bin/env bash
# credreport benchmark: how soon fetch notices a report IAM takes a while to generate, start-up
# against moto and the AWS CLI, --input formats against a JVM "hello world", and a million-row
# report against awk. Runs each competitor in alternation with credreport after a warm-up, and
# prints medians, min-max and every goal of issue 13 as a ratio; writes them to
# target/bench/results.md. Not part of `mvn -B verify`.
#
#   src/bench/run.sh [--runs N] [--big-runs N] [--moto-users N] [--big-rows N] [--poll-seconds "1-3 8-12"]
#                    [--cases "polling moto input big"] [--launcher PATH] [--no-build]
#
# --launcher times another build's target/credreport (e.g. the previous commit's) instead of this one.
#
# Needs: a JDK, Maven, GNU time (/usr/bin/time), moto_server for target 1 and the `aws` CLI for its
# comparison (each skipped with a note when missing), awk.
set -euo pipefail
cd "$(dirname "$0")/../.."

runs=7 big_runs= moto_users=100 big_rows=1000000 build=1 poll_seconds="1-3 8-12" cases="polling moto input big" launcher=
while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    --moto-users) moto_users=$2; shift 2 ;;
    --big-rows) big_rows=$2; shift 2 ;;
    --big-runs) big_runs=$2; shift 2 ;;
    --poll-seconds) poll_seconds=$2; shift 2 ;;
    --cases) cases=$2; shift 2 ;;
    --launcher) launcher=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    *) echo "usage: $0 [--runs N] [--big-runs N] [--moto-users N] [--big-rows N] [--poll-seconds LIST] [--cases LIST] [--launcher PATH] [--no-build]" >&2; exit 2 ;;
  esac
done
want() { case " $cases " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

[ -x /usr/bin/time ] || { echo "GNU time (/usr/bin/time) is needed for memory figures" >&2; exit 2; }
# The benchmark's helpers (servers, generators) are test classes, so the build includes them.
if [ $build = 1 ]; then mvn -B -q package -DskipTests; fi

out=target/bench
mkdir -p "$out"
work=$(mktemp -d)
trap '[ -n "${BENCH_KEEP:-}" ] || rm -rf "$work"; [ -n "${moto_pid:-}" ] && kill "$moto_pid" 2>/dev/null; [ -n "${gen_pid:-}" ] && kill "$gen_pid" 2>/dev/null || true' EXIT
export CREDREPORT_CACHE_DIR=$work/cache
credreport=${launcher:-$PWD/target/credreport}
cp="target/test-classes:target/credreport.jar"
results=$out/results.md
: > "$work/rows"; : > "$work/polling"

# --- helpers ---------------------------------------------------------------------------------
# measure NAME COMMAND...: one run; appends "NAME seconds kilobytes exit" to $work/samples
measure() {
  local name=$1; shift
  local start end
  start=$(date +%s%N)
  /usr/bin/time -f %M -o "$work/rss" "$@" > "$work/stdout" 2> "$work/stderr" && status=0 || status=$?
  end=$(date +%s%N)
  measured_end_ms=$(( end / 1000000 ))
  echo "$name $(( (end - start) / 1000 )) $(tail -1 "$work/rss") $status" >> "$work/samples"
}
# stats NAME: "median min max" in seconds, and the largest RSS in MB
stats() {
  grep "^$1 " "$work/samples" | awk '{print $2}' | sort -n | awk '{a[NR]=$1} END {
    m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2;
    printf "%.3f %.3f %.3f", m/1e6, a[1]/1e6, a[NR]/1e6 }'
}
rss() { grep "^$1 " "$work/samples" | awk '{print $3}' | sort -n | tail -1 | awk '{printf "%.0f", $1/1024}'; }
failures() { grep "^$1 " "$work/samples" | awk '$4 != 0' | wc -l; }
row() { # row LABEL NAME
  read -r med min max <<< "$(stats "$2")"
  printf "| %s | %s | %s-%s | %s | %s |\n" "$1" "$med" "$min" "$max" "$(rss "$2")" "$(failures "$2")" >> "$work/rows"
}
median() { stats "$1" | awk '{print $1}'; }
# median_of: the median of sorted numbers on standard input
median_of() { awk '{a[NR]=$1} END { if (NR % 2) print a[(NR+1)/2]; else print (a[NR/2] + a[NR/2+1]) / 2 }'; }
ratio() { awk -v a="$(median "$1")" -v b="$(median "$2")" 'BEGIN { printf "%.2f", a / b }'; }
# settle: waits for the launcher's background training runs (one per kind of run, made by the
# warm-up) to finish, so that counted runs use their archive and share the cores with nothing
settle() {
  for _ in $(seq 600); do
    ls -d "$CREDREPORT_CACHE_DIR"/*.lock > /dev/null 2>&1 || return 0
    sleep 0.2
  done
}
# alternate A_NAME B_NAME -- A_COMMAND -- B_COMMAND: a warm-up of each, then $runs runs of each in turn
alternate() {
  local a=$1 b=$2; shift 2; shift
  local acmd=() bcmd=()
  while [ "$1" != -- ]; do acmd+=("$1"); shift; done; shift
  bcmd=("$@")
  "${acmd[@]}" > /dev/null 2>&1 || true
  "${bcmd[@]}" > /dev/null 2>&1 || true
  settle
  for _ in $(seq "$runs"); do
    measure "$a" "${acmd[@]}"
    measure "$b" "${bcmd[@]}"
  done
}

# --- inputs ----------------------------------------------------------------------------------
echo "generating inputs..." >&2
java -cp "$cp" dev.credreport.bench.SyntheticReport 5000 1 "$work/r5k.csv"
if want big; then java -cp "$cp" dev.credreport.bench.SyntheticReport "$big_rows" 2 "$work/big.csv" 200; fi
mkdir -p "$work/hello"
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' > "$work/hello/Hello.java"
javac -d "$work/hello" "$work/hello/Hello.java"
# The JVM floor, started as the launcher starts credreport (C1, serial GC, CDS of the JDK).
hello=(java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData -Xshare:auto -cp "$work/hello" Hello)

# The launcher makes its class-data sharing archive in the background on its first run.
"$credreport" --version > /dev/null
for _ in $(seq 300); do ls "$CREDREPORT_CACHE_DIR"/*.jsa > /dev/null 2>&1 && break; sleep 0.2; done

# --- 0. polling: a report IAM takes a set time to generate ----------------------------------
# A fake IAM (GeneratingIamServer) starts a report at the first GenerateCredentialReport and has
# it ready MIN to MAX seconds later (drawn for each run, so that readiness falls anywhere between
# two polls); it logs, per fetch, when the report was ready and the calls made.
# The delay is from that moment to the end of the credreport process (its output complete).
goals=()   # "goal|allowed|measured|ratio": ratio is measured over what the goal allows (<= 1.00 met)
goal() { goals+=("$1|$2|$3|$4"); }
over() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
if want polling; then
  for takes in $poll_seconds; do
    echo "polling: a report ready after ${takes}s..." >&2
    java -cp "$cp" dev.credreport.bench.GeneratingIamServer $(( ${takes%-*} * 1000 )) $(( ${takes#*-} * 1000 )) > "$work/gen.log" 2>&1 &
    gen_pid=$!
    for _ in $(seq 100); do grep -q '^http' "$work/gen.log" 2>/dev/null && break; sleep 0.1; done
    gen_endpoint=$(head -1 "$work/gen.log")
    AWS_ACCESS_KEY_ID=benchmark AWS_SECRET_ACCESS_KEY=benchmark "$credreport" fetch --endpoint-url "$gen_endpoint" --format csv -q > /dev/null
    : > "$work/poll-$takes"
    for _ in $(seq "$runs"); do
      AWS_ACCESS_KEY_ID=benchmark AWS_SECRET_ACCESS_KEY=benchmark \
        measure "poll-$takes" "$credreport" fetch --endpoint-url "$gen_endpoint" --format csv -q
      read -r _ ready calls polls polling_ms <<< "$(grep '^fetched ' "$work/gen.log" | tail -1)"
      echo "$(( measured_end_ms - ready )) $calls $polls $polling_ms" >> "$work/poll-$takes"
    done
    kill "$gen_pid" 2>/dev/null || true
    wait "$gen_pid" 2>/dev/null || true
    gen_pid=
    # median and largest delay (ms), median calls, polls a second over the time they were spread
    delay_med=$(cut -d' ' -f1 "$work/poll-$takes" | sort -n | median_of)
    delay_max=$(cut -d' ' -f1 "$work/poll-$takes" | sort -n | tail -1)
    calls_med=$(cut -d' ' -f2 "$work/poll-$takes" | sort -n | median_of)
    # polls a second: all polls over all the time they were spread across
    rate=$(awk '{p += $3; t += $4} END { printf "%.2f", (t > 0 ? p / (t / 1000) : 0) }' "$work/poll-$takes")
    printf "| report ready after %ss | %s | %s | %s | %s |\n" "$takes" "$delay_med" "$delay_max" "$calls_med" "$rate" >> "$work/polling"
    goal "report ready after ${takes}s printed within 1.5 s of it (median; max)" "1,500 ms" "$delay_med ms; $delay_max ms" \
      "$(over "$delay_med" 1500); $(over "$delay_max" 1500)"
    goal "report ready after ${takes}s: at most one poll a second" "1 poll/s" "$rate polls/s" "$(over "$rate" 1)"
  done
fi

# --- 1. fetch against moto vs the AWS CLI pipeline -------------------------------------------
target1="skipped: moto_server not on PATH"
want moto || target1="skipped"
if want moto && command -v moto_server > /dev/null; then
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 5099)
  moto_server -H 127.0.0.1 -p "$port" > "$work/moto.log" 2>&1 &
  moto_pid=$!
  endpoint=http://127.0.0.1:$port
  for _ in $(seq 100); do curl -s -o /dev/null "$endpoint/moto-api/" && break; sleep 0.2; done
  java -cp "$cp" dev.credreport.bench.SeedMoto "$endpoint" "$moto_users"
  export AWS_ACCESS_KEY_ID=benchmark AWS_SECRET_ACCESS_KEY=benchmark AWS_DEFAULT_REGION=us-east-1
  if command -v aws > /dev/null; then
    echo "target 1: fetch against moto ($moto_users users) vs the AWS CLI..." >&2
    alternate fetch-moto aws-cli -- "$credreport" fetch --endpoint-url "$endpoint" --format csv -q -- \
      sh -c "aws iam generate-credential-report --endpoint-url $endpoint > /dev/null && aws iam get-credential-report --endpoint-url $endpoint --output text --query Content | base64 -d"
    row "credreport fetch --format csv (moto, $moto_users users)" fetch-moto
    row "aws iam generate-credential-report + get-credential-report \\| base64 -d" aws-cli
    target1="$(ratio fetch-moto aws-cli)x the AWS CLI's time (goal: at most 0.30x); max RSS $(rss fetch-moto) MB vs $(rss aws-cli) MB"
    goal "fetch (moto, $moto_users users) against the AWS CLI pipeline: time" "0.30x" "$(ratio fetch-moto aws-cli)x" "$(over "$(ratio fetch-moto aws-cli)" 0.30)"
    goal "fetch (moto, $moto_users users) against the AWS CLI pipeline: peak memory" "1.00x" "$(rss fetch-moto) MB / $(rss aws-cli) MB" \
      "$(over "$(rss fetch-moto)" "$(rss aws-cli)")"
  else
    for _ in $(seq "$runs"); do measure fetch-moto "$credreport" fetch --endpoint-url "$endpoint" --format csv -q; done
    row "credreport fetch --format csv (moto, $moto_users users)" fetch-moto
    target1="AWS CLI not on PATH: credreport alone, median $(median fetch-moto) s"
  fi
fi

# --- 2. --input formats on 5,000 users vs a JVM hello world ----------------------------------
target2=" skipped"
if want input; then
  echo "target 2: --input formats on 5,000 users vs hello world..." >&2
  target2=""
  for format in csv blocks json table; do
    alternate "input-$format" "hello-$format" -- "$credreport" fetch --input "$work/r5k.csv" --format "$format" --width 160 -- "${hello[@]}"
    row "credreport fetch --input (5,000 users) --format $format" "input-$format"
    target2="$target2 $format $(ratio "input-$format" "hello-$format")x;"
    goal "--input 5,000 users --format $format against a JVM hello world" "4x" "$(ratio "input-$format" "hello-$format")x" \
      "$(over "$(ratio "input-$format" "hello-$format")" 4)"
  done
  row "java Hello (same JVM options)" hello-csv
fi

# --- 3. a million rows with -Xmx128m, and blocks vs the awk one-liner -------------------------
big_failures=skipped
if want big; then
  echo "target 3: $big_rows rows with -Xmx128m..." >&2
  awk_blocks='NR==1{next}{print "User:", $1; print "ARN:", $2; print "Creation Time:", $3; print "Password Enabled:", $4; print "Password Last Used:", $5; print "Password Last Changed:", $6; print "Password Next Rotation:", $7; print "MFA Active:", $8; print "Access Key 1 Active:", $9; print "Access Key 1 Last Rotated:", $10; print "Access Key 1 Last Used Date:", $11; print "Access Key 1 Last Used Region:", $12; print "Access Key 1 Last Used Service:", $13; print "Access Key 2 Active:", $14; print "Access Key 2 Last Rotated:", $15; print "Access Key 2 Last Used Date:", $16; print "Access Key 2 Last Used Region:", $17; print "Access Key 2 Last Used Service:", $18; print "Cert 1 Active:", $19; print "Cert 1 Last Rotated:", $20; print "Cert 2 Active:", $21; print "Cert 2 Last Rotated:", $22; print "-------------------"}'
  saved_runs=$runs; runs=${big_runs:-$runs}
  export CREDREPORT_JAVA_OPTS=-Xmx128m
  # The seeds' one-liner, run by mawk where it is installed (Debian's awk), else by awk.
  awk_command=$(command -v mawk || command -v awk)
  alternate big-blocks big-awk -- "$credreport" fetch --input "$work/big.csv" --format blocks -- "$awk_command" -F, "$awk_blocks" "$work/big.csv"
  row "credreport fetch --input ($big_rows rows) --format blocks, -Xmx128m" big-blocks
  row "$(basename "$awk_command") -F, '{print \"User:\", \$1; ...}' (the one-liner)" big-awk
  for format in csv json table; do
    measure "big-$format" "$credreport" fetch --input "$work/big.csv" --format "$format" --width 160
    row "credreport fetch --input ($big_rows rows) --format $format, -Xmx128m" "big-$format"
  done
  measure big-audit "$credreport" audit --input "$work/big.csv" --as-of 2024-06-01 --format csv --fail-on none
  row "credreport audit --input ($big_rows rows) --format csv, -Xmx128m" big-audit
  unset CREDREPORT_JAVA_OPTS
  runs=$saved_runs
  big_failures=$(cat "$work/samples" | awk '$1 ~ /^big-(blocks|csv|json|table|audit)$/ && $4 != 0' | wc -l)
  goal "$big_rows rows of blocks against the awk one-liner (mawk), -Xmx128m" "1.5x" \
    "$(ratio big-blocks big-awk)x, $big_failures failed runs" "$(over "$(ratio big-blocks big-awk)" 1.5)"
fi

# --- report ----------------------------------------------------------------------------------
{
  echo "# credreport benchmark"
  echo
  echo "$(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo),"
  echo "$(java -version 2>&1 | head -1), credreport $("$credreport" --version | head -1 | cut -d' ' -f2)."
  echo "Command: src/bench/run.sh --runs $runs${big_runs:+ --big-runs $big_runs} --moto-users $moto_users --big-rows $big_rows --poll-seconds \"$poll_seconds\" --cases \"$cases\""
  echo
  echo "## Goals, from this run (each pair of commands measured in turn, A B A B, medians)"
  echo
  echo "Against goal: what was measured over what the goal allows; 1.00 or less meets it."
  echo
  echo "| goal | allowed | measured | against goal |"
  echo "|---|---|---|---|"
  for g in "${goals[@]}"; do IFS='|' read -r what allowed measured r <<< "$g"; echo "| $what | $allowed | $measured | $r |"; done
  if [ -s "$work/polling" ]; then
    echo
    echo "## Polling: delay from the report being ready to the end of the fetch"
    echo
    echo "| case | median ms | max ms | median IAM calls | polls a second |"
    echo "|---|---|---|---|---|"
    cat "$work/polling"
  fi
  echo
  echo "## Runs"
  echo
  echo "| run | median s | min-max s | max RSS MB | failed runs |"
  echo "|---|---|---|---|---|"
  cat "$work/rows"
  echo
  echo "1. fetch against moto: $target1"
  echo "2. --input 5,000 users, time over a JVM hello world (goal: at most 4x):$target2"
  echo "3. $big_rows rows with -Xmx128m: failed runs: $big_failures (goal: 0)"
} | tee "$results"
echo "written to $results" >&2
