#!/usr/bin/env bash
# make fuzz: builds the libFuzzer executable (Fuzz/FuzzTargets, AddressSanitizer + coverage, debug
# so that `@testable import` works), replays the saved findings of Fuzz/regressions/, then fuzzes
# each target for FUZZ_SECONDS from its committed seeds (Fuzz/corpus/<target>/) and prints one
# table: executions, exec/s and findings per target, and the totals.
#
#   bash scripts/fuzz.sh                      # every target, 60 s each
#   FUZZ_SECONDS=600 bash scripts/fuzz.sh json html
#
# Settings (environment): FUZZ_SECONDS (60 per target), FUZZ_MAX_LEN (4096 bytes), FUZZ_TIMEOUT
# (10 s per input), FUZZ_RSS_MB (2048), FUZZ_FRESH=1 (forget the corpus grown by earlier runs,
# kept in .build-fuzz/fuzz/corpus/), FUZZ_NO_BUILD=1 (use the binary as it is).
# Findings go to .build-fuzz/fuzz/findings/<target>/; a finding worth keeping is minimized
# (the command is printed) and saved under Fuzz/regressions/<target>/ with a README line.
# Exit code: 0 when no target found anything new and no saved finding reproduces, 1 otherwise.
set -uo pipefail
cd "$(dirname "$0")/.."

ALL_TARGETS=(frontmatter shortcodes page json validate html)
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=("${ALL_TARGETS[@]}")
SECONDS_PER_TARGET=${FUZZ_SECONDS:-60}
MAX_LEN=${FUZZ_MAX_LEN:-4096}
TIMEOUT=${FUZZ_TIMEOUT:-10}
RSS_MB=${FUZZ_RSS_MB:-2048}
SCRATCH=.build-fuzz
BIN=$SCRATCH/debug/DocgenFuzz
WORK=$SCRATCH/fuzz
NICE="nice -n 10"
SWIFT=${SWIFT:-swift}

# Build. Every module gets ASan and libFuzzer's coverage (what -sanitize=fuzzer turns on); only
# DocgenFuzz links libFuzzer (Package.swift). gold fails on the sanitized EmbedFiles build tool
# (internal error in format_file_lineno), so lld, which ships with Swift, links.
if [ -z "${FUZZ_NO_BUILD:-}" ]; then
    LLD=$(dirname "$(readlink -f "$(command -v "$SWIFT")")")/ld.lld
    [ -x "$LLD" ] || { echo "fuzz: needs ld.lld beside $SWIFT (ships with the Swift toolchain)" >&2; exit 2; }
    echo "fuzz: building $BIN"
    if ! DOCGEN_FUZZ=1 $NICE "$SWIFT" build -c debug --scratch-path "$SCRATCH" --product DocgenFuzz \
        -Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,trace-cmp,inline-8bit-counters,pc-table \
        -Xswiftc -use-ld=lld > "$SCRATCH.build.log" 2>&1; then
        grep -v "Cannot export local symbol" "$SCRATCH.build.log" | grep -E "error|warning: unre" | head -30
        echo "fuzz: build failed (full log: $SCRATCH.build.log)" >&2
        exit 2
    fi
fi
[ -x "$BIN" ] || { echo "fuzz: $BIN missing" >&2; exit 2; }

# The first docgen frame of a sanitizer or libFuzzer report, demangled, with its file and line.
stack_top() {
    local line
    line=$(grep -E '^ *#[0-9]+ .* (/[^ ]*/)?(Sources|Fuzz)/[^ ]+\.swift:[0-9]+' "$1" | grep -v 'fuzzFailure\|Fuzz/FuzzTargets/Entry.swift' | head -1)
    [ -z "$line" ] && { grep -m1 -E 'invariant broken|ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)' "$1" | cut -c1-160; return; }
    local symbol file
    symbol=$(echo "$line" | sed -E 's/^ *#[0-9]+ 0x[0-9a-f]+ in ([^ ]+) .*/\1/')
    file=$(echo "$line" | grep -oE '(Sources|Fuzz)/[^ ]+\.swift:[0-9]+')
    echo "$(echo "$symbol" | "$SWIFT" demangle --simplified 2>/dev/null | cut -c1-110) ($file)"
}

# What a report is: "leak", "timeout", "oom", "stack-overflow", "heap-buffer-overflow", "invariant", ….
finding_kind() {
    local kind
    kind=$(grep -m1 -oE 'ERROR: AddressSanitizer: [a-z-]+|ERROR: LeakSanitizer|ERROR: libFuzzer: [a-z-]+|invariant broken|Fatal error' "$1")
    case "$kind" in
        "ERROR: AddressSanitizer: "*) echo "${kind#ERROR: AddressSanitizer: }" ;;
        "ERROR: LeakSanitizer") echo "leak" ;;
        "ERROR: libFuzzer: "*) echo "${kind#ERROR: libFuzzer: }" ;;
        "invariant broken") echo "invariant" ;;
        "Fatal error") echo "swift-trap: $(grep -m1 -oE 'Fatal error: .*' "$1" | cut -c14-90)" ;;
        *) echo "crash" ;;
    esac
}

mkdir -p "$WORK"
SUMMARY=$WORK/summary.txt
: > "$SUMMARY"
status=0
total_runs=0
total_findings=0
total_seconds=0

# Leak checks. After each input whose mallocs outnumber its frees, libFuzzer runs the input again and
# then a full LeakSanitizer pass. The page target leaves memory behind on every input (caches of
# the template and dispatch libraries that stay reachable), so every input would cost a pass:
# 16 exec/s instead of about 400, and libFuzzer gives up on leak checks after 1000 such inputs
# anyway. That target is checked for leaks once, when each libFuzzer run ends, instead.
# Known open leaks are suppressed (Fuzz/lsan.supp); the replay of saved findings is not.
EXIT_LEAK_CHECK_ONLY=" page "
SUPPRESSIONS=$PWD/Fuzz/lsan.supp

for target in "${TARGETS[@]}"; do
    seeds=Fuzz/corpus/$target
    [ -d "$seeds" ] || { echo "fuzz: no seed corpus $seeds" >&2; exit 2; }
    corpus=$WORK/corpus/$target
    findings=$WORK/findings/$target
    logs=$WORK/logs/$target
    [ -n "${FUZZ_FRESH:-}" ] && rm -rf "$corpus"
    rm -rf "$logs"
    mkdir -p "$corpus" "$findings" "$logs"
    cp -n "$seeds"/* "$corpus"/
    leaks=1
    notes=""
    case "$EXIT_LEAK_CHECK_ONLY" in *" $target "*) leaks=0; notes="leaks checked at exit only" ;; esac

    # Saved findings first: each one that still reproduces is an open finding.
    open=0
    for input in Fuzz/regressions/"$target"/*; do
        [ -f "$input" ] || continue
        case "$(basename "$input")" in README*) continue ;; esac
        log=$logs/regression-$(basename "$input").log
        if DOCGEN_FUZZ_TARGET=$target ASAN_OPTIONS=detect_leaks=1 timeout $((TIMEOUT * 3)) $NICE "$BIN" \
            -timeout="$TIMEOUT" -rss_limit_mb="$RSS_MB" "$input" > "$log" 2>&1; then
            echo "fuzz: $target: fixed: $input"
        else
            open=$((open + 1))
            echo "fuzz: $target: still open: $input: $(finding_kind "$log") at $(stack_top "$log")"
        fi
    done

    # Fuzz until the time is used up. libFuzzer stops at its first finding; it is then started
    # again for the rest of the time, from the corpus grown so far less the input that failed. A
    # leak seen three times turns per-input leak checks off; any other finding seen three times,
    # or 20 findings in all, end the target.
    runs=0
    signatures=""
    seen=""
    start=$(date +%s)
    restarts=0
    while :; do
        elapsed=$(( $(date +%s) - start ))
        left=$((SECONDS_PER_TARGET - elapsed))
        [ "$left" -le 0 ] && break
        [ "$restarts" -ge 20 ] && { notes="${notes:+$notes; }stopped after 20 findings"; break; }
        log=$logs/run-$restarts.log
        DOCGEN_FUZZ_TARGET=$target ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$SUPPRESSIONS \
            $NICE "$BIN" -max_total_time="$left" -timeout="$TIMEOUT" -rss_limit_mb="$RSS_MB" -max_len="$MAX_LEN" \
            -detect_leaks="$leaks" -print_final_stats=1 -artifact_prefix="$findings/" "$corpus" > "$log" 2>&1
        rc=$?
        executed=$(grep -m1 -oE 'stat::number_of_executed_units: [0-9]+' "$log" | grep -oE '[0-9]+$')
        runs=$((runs + ${executed:-0}))
        [ "$rc" -eq 0 ] && break
        artifact=$(grep -m1 -oE "Test unit written to [^ ]+" "$log" | cut -d' ' -f5)
        if [ -z "$artifact" ]; then
            echo "fuzz: $target: libFuzzer stopped (exit $rc) without a finding; see $log" >&2
            tail -5 "$log" >&2
            status=1
            break
        fi
        kind=$(finding_kind "$log")
        # A report after the last input (the check at exit) is not that input's fault.
        grep -q "Done [0-9]* runs in\|libFuzzer: run interrupted" "$log" && kind="$kind (at exit)"
        signature="$kind at $(stack_top "$log")"
        if ! grep -qxF -- "$signature" <<< "$signatures"; then
            signatures="$signatures$signature"$'\n'
            echo "fuzz: $target: FINDING: $signature"
            echo "      input: $artifact  log: $log"
            echo "      minimize: DOCGEN_FUZZ_TARGET=$target $BIN -minimize_crash=1 -max_total_time=60 -timeout=$TIMEOUT -detect_leaks=0 $artifact"
        fi
        seen="$seen$signature"$'\n'
        # The failing input out of the corpus (corpus files are named by content, seeds are not).
        sum=$(sha1sum < "$artifact" | cut -c1-40)
        for f in "$corpus"/*; do [ "$(sha1sum < "$f" | cut -c1-40)" = "$sum" ] && rm -f "$f"; done
        times=$(grep -cxF -- "$signature" <<< "$seen")
        if [ "$times" -ge 3 ]; then
            if [ "${kind%% *}" = leak ] && [ "$leaks" = 1 ]; then
                leaks=0; notes="${notes:+$notes; }per-input leak checks off after 3 leaks"
            elif [ "${kind%% *}" != leak ]; then
                notes="${notes:+$notes; }stopped: same finding 3 times"; break
            fi
        fi
        restarts=$((restarts + 1))
    done
    seconds=$(( $(date +%s) - start ))
    found=$(printf '%s' "$signatures" | grep -c . || true)
    if [ "$found" -gt 0 ] || [ "$open" -gt 0 ]; then status=1; fi
    rate=$(( seconds > 0 ? runs / seconds : runs ))
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$target" "$seconds" "$runs" "$rate" "$found" "$open" "$notes" >> "$SUMMARY"
    total_runs=$((total_runs + runs))
    total_findings=$((total_findings + found))
    total_seconds=$((total_seconds + seconds))
done

echo
printf '%-12s %8s %12s %9s %9s %14s  %s\n' target seconds executions exec/s findings "open (saved)" notes
while IFS=$'\t' read -r target seconds runs rate found open notes; do
    printf '%-12s %8s %12s %9s %9s %14s  %s\n' "$target" "$seconds" "$runs" "$rate" "$found" "$open" "$notes"
done < "$SUMMARY"
printf '%-12s %8s %12s %9s %9s\n' total "$total_seconds" "$total_runs" $(( total_seconds > 0 ? total_runs / total_seconds : 0 )) "$total_findings"
exit $status
