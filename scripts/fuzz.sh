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
# Findings go to .build-fuzz/fuzz/findings/<target>/ (emptied at each run); each is replayed and
# reported once per kind and place. A finding worth keeping is minimized
#   DOCGEN_FUZZ_TARGET=T .build-fuzz/debug/DocgenFuzz -minimize_crash=1 -max_total_time=60 -detect_leaks=0 INPUT
# and saved under Fuzz/regressions/<target>/ with a line in that folder's README.md; saved inputs
# are replayed before fuzzing and reported as still open or fixed.
# Exit code: 0 when nothing was found and no saved finding still fails, 1 otherwise, 2 no build.
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
# -O on top of the debug configuration (which keeps -enable-testing for `@testable import`):
# unoptimized Swift under ASan runs several times slower. FUZZ_ONONE=1 builds without it.
OPTIMIZE="-Xswiftc -O"
[ -n "${FUZZ_ONONE:-}" ] && OPTIMIZE="-Xswiftc -Onone"
if [ -z "${FUZZ_NO_BUILD:-}" ]; then
    LLD=$(dirname "$(readlink -f "$(command -v "$SWIFT")")")/ld.lld
    [ -x "$LLD" ] || { echo "fuzz: needs ld.lld beside $SWIFT (ships with the Swift toolchain)" >&2; exit 2; }
    echo "fuzz: building $BIN"
    mkdir -p "$SCRATCH"
    if ! DOCGEN_FUZZ=1 $NICE "$SWIFT" build -c debug --scratch-path "$SCRATCH" --product DocgenFuzz \
        -Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,trace-cmp,inline-8bit-counters,pc-table \
        -Xswiftc -use-ld=lld $OPTIMIZE > "$SCRATCH/fuzz-build.log" 2>&1; then
        grep -v "Cannot export local symbol" "$SCRATCH/fuzz-build.log" | grep -E "error|warning: unre" | head -30
        echo "fuzz: build failed (full log: $SCRATCH/fuzz-build.log)" >&2
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
    kind=$(grep -m1 -oE 'ERROR: AddressSanitizer: [a-z-]+|ERROR: LeakSanitizer|ERROR: libFuzzer: [a-z-]+|invariant broken|Fatal error|Assertion .* failed' "$1")
    case "$kind" in
        Assertion*) echo "assertion: $(echo "${kind#Assertion }" | cut -c1-80)" ;;
        "ERROR: AddressSanitizer: "*) echo "${kind#ERROR: AddressSanitizer: }" ;;
        "ERROR: LeakSanitizer") echo "leak" ;;
        "ERROR: libFuzzer: "*) echo "${kind#ERROR: libFuzzer: }" ;;
        "invariant broken") echo "invariant" ;;
        "Fatal error") echo "swift-trap: $(grep -m1 -oE 'Fatal error: .*' "$1" | cut -c14-90)" ;;
        *) echo "crash" ;;
    esac
}

# The Swift runtime's backtracer would catch the crash first, and its memory reader (memserver)
# itself trips ASan; libFuzzer and ASan print the stacks instead.
export SWIFT_BACKTRACE=enable=no
# ASan's fake stacks (stack-use-after-return detection) put locals on the heap, below the thread's
# stack, and docgen's StackGuard (Sources/Rendering/StackGuard.swift) compares a local's address
# with the stack's limit: with fake stacks every page render trips it.
ASAN_BASE=detect_stack_use_after_return=0

mkdir -p "$WORK"
SUMMARY=$WORK/summary.txt
: > "$SUMMARY"
status=0
total_runs=0
total_findings=0
total_new=0
total_seconds=0

# Leak checks. After each input whose mallocs outnumber its frees, libFuzzer runs the input again and
# then a full LeakSanitizer pass (about 0.1 s here). While a saved leak of a target is still open,
# most of its inputs leak (every TOML front matter, every page render), which would cost a pass
# per input (page: 16 exec/s instead of about 400; frontmatter: 950 instead of 17,000), and
# libFuzzer gives up per-input checks after 1000 of them anyway. Such a target is checked for
# leaks once, when each libFuzzer run ends, with the known leaks suppressed (Fuzz/lsan.supp); the
# replay of saved findings is not suppressed.
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
    # The page pipeline allocates for the process on many inputs (Swift's runtime metadata, the
    # fixture's memo), so libFuzzer's per-input leak check, a full LeakSanitizer pass, took 90%
    # of its time (68 exec/s against 576). Its leaks are checked when each fork-mode job exits
    # instead, which still reports a leak, only not at the input that made it.
    if [ "$target" = page ]; then leaks=0; notes="leaks checked at each job's exit"; fi

    # Saved findings first: each one that still reproduces is an open finding.
    open=0
    known=""
    for input in Fuzz/regressions/"$target"/*; do
        [ -f "$input" ] || continue
        case "$(basename "$input")" in README*) continue ;; esac
        log=$logs/regression-$(basename "$input").log
        if DOCGEN_FUZZ_TARGET=$target ASAN_OPTIONS=$ASAN_BASE:detect_leaks=1 timeout $((TIMEOUT * 3)) $NICE "$BIN" \
            -timeout="$TIMEOUT" -rss_limit_mb="$RSS_MB" "$input" > "$log" 2>&1; then
            echo "fuzz: $target: fixed: $input"
        else
            open=$((open + 1))
            kind=$(finding_kind "$log")
            known="$known$kind at $(stack_top "$log")"$'\n'
            echo "fuzz: $target: still open: $input: $kind at $(stack_top "$log")"
            if [ "$kind" = leak ]; then leaks=0; notes="leaks checked at exit only (open leak)"; fi
        fi
    done

    # Fuzz in libFuzzer's fork mode (one job at a time: the machine has two cores), which goes on
    # after a crash, leak or timeout instead of stopping at the first one, so a known bug that the
    # fuzzer keeps finding does not end the run. Each finding is an input in $findings.
    rm -rf "$findings"; mkdir -p "$findings"
    log=$logs/fuzz.log
    start=$(date +%s)
    DOCGEN_FUZZ_TARGET=$target ASAN_OPTIONS=$ASAN_BASE:detect_leaks=1 LSAN_OPTIONS=suppressions=$SUPPRESSIONS \
        $NICE "$BIN" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
        -max_total_time="$SECONDS_PER_TARGET" -timeout="$TIMEOUT" -rss_limit_mb="$RSS_MB" -max_len="$MAX_LEN" \
        -detect_leaks="$leaks" -artifact_prefix="$findings/" "$corpus" > "$log" 2>&1
    runs=$(grep -oE '^#[0-9]+: cov' "$log" | tail -1 | grep -oE '[0-9]+')
    runs=${runs:-0}
    seconds=$(( $(date +%s) - start ))
    grep -q "INFO: exiting" "$log" || { echo "fuzz: $target: libFuzzer did not finish; see $log" >&2; tail -5 "$log" >&2; status=1; }

    # Each finding is replayed once to tell what it is; the same kind at the same place is one finding.
    signatures=""
    replayed=0
    for artifact in "$findings"/*; do
        [ -f "$artifact" ] || continue
        case "$(basename "$artifact")" in slow-unit-*) continue ;; esac
        [ "$replayed" -ge 40 ] && { notes="${notes:+$notes; }only 40 findings replayed"; break; }
        replayed=$((replayed + 1))
        rlog=$logs/$(basename "$artifact").log
        DOCGEN_FUZZ_TARGET=$target ASAN_OPTIONS=$ASAN_BASE:detect_leaks=1 LSAN_OPTIONS=suppressions=$SUPPRESSIONS \
            timeout $((TIMEOUT * 3)) $NICE "$BIN" -timeout="$TIMEOUT" -rss_limit_mb="$RSS_MB" "$artifact" > "$rlog" 2>&1
        rc=$?
        if [ "$rc" -eq 0 ]; then
            # Did not fail on its own: a leak blamed on the last input of a job, or flaky.
            signature="does not reproduce alone ($(basename "$artifact" | cut -d- -f1))"
        elif [ "$rc" -eq 124 ]; then
            signature="timeout (replay > $((TIMEOUT * 3)) s)"
        else
            signature="$(finding_kind "$rlog") at $(stack_top "$rlog")"
        fi
        if ! grep -qxF -- "$signature" <<< "$signatures"; then
            signatures="$signatures$signature"$'\n'
            label=FINDING
            grep -qxF -- "$signature" <<< "$known" && label="finding (known, saved in Fuzz/regressions/$target)"
            echo "fuzz: $target: $label: $signature"
            echo "      input: $artifact  (replay log: $rlog)"
        fi
    done
    found=$(printf '%s' "$signatures" | grep -c . || true)
    new=$(printf '%s' "$signatures" | grep -vxF -f <(printf '%s' "$known") -c 2>/dev/null || true)
    [ -z "$known" ] && new=$found
    if [ "$found" -gt 0 ] || [ "$open" -gt 0 ]; then status=1; fi
    rate=$(( seconds > 0 ? runs / seconds : runs ))
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$target" "$seconds" "$runs" "$rate" "$found" "$new" "$open" "$notes" >> "$SUMMARY"
    total_runs=$((total_runs + runs))
    total_findings=$((total_findings + found))
    total_new=$((total_new + new))
    total_seconds=$((total_seconds + seconds))
done

echo
printf '%-12s %8s %12s %9s %9s %5s %12s  %s\n' target seconds executions exec/s findings new "saved open" notes
while IFS=$'\t' read -r target seconds runs rate found new open notes; do
    printf '%-12s %8s %12s %9s %9s %5s %12s  %s\n' "$target" "$seconds" "$runs" "$rate" "$found" "$new" "$open" "$notes"
done < "$SUMMARY"
printf '%-12s %8s %12s %9s %9s %5s\n' total "$total_seconds" "$total_runs" $(( total_seconds > 0 ? total_runs / total_seconds : 0 )) "$total_findings" "$total_new"
echo "findings: distinct (kind, first docgen frame) pairs; new: not among the saved findings that still fail."
exit $status
