#!/usr/bin/env bash
# make test-sanitize: the whole test suite under AddressSanitizer (with LeakSanitizer), then under
# ThreadSanitizer, then a TSan build of the CVAT corpus (../shared/corpus/cvat), with and without
# --check. Sanitizer reports are counted in the captured output. The script exits 1 if there is
# any report, any test failure or a failed build. Logs go to .build/sanitize/.
#
# How the reports are caught: every sanitized process writes its reports to its own file
# (log_path=…, log_exe_name=1 → .build/sanitize/<phase>-reports/<asan|tsan>.<exe>.<pid>). The
# docgen binaries that Tests/CLITests start also write there, although the tests capture those
# binaries' stderr. After each phase the files are appended to the phase's log, and the log is
# counted.
#
# cmark-gfm and libyaml: a sanitizer only sees memory accesses in code it instrumented. Against the
# system's libcmark-gfm and libyaml, TSan cannot see a race inside them, such as the one on
# cmark-gfm's global special-character table (github/cmark-gfm#221), and ASan cannot see an
# overflow inside them. So, by default (SANITIZE_C_LIBS=auto), the script builds both libraries
# with the sanitizer, from the Debian source of the installed version. It uses `apt-get source` with
# a private package list under .build/sanitize/apt, so /etc/apt is not touched. The libraries
# are put in front with LD_LIBRARY_PATH. If the source cannot be had (no network), the script says
# so and goes on with the system libraries. SANITIZE_C_LIBS=0 turns this off; SANITIZE_C_LIBS=1
# makes its failure an error.
#
# Settings (environment):
#   SANITIZE_PHASES="asan tsan cvat"   which phases to run
#   SANITIZE_C_LIBS=auto|0|1           sanitized cmark-gfm and libyaml (see above)
#   SANITIZE_BUILD_RETRIES=0           retry a failed build this many times, 120 s apart
#   SANITIZE_TRACE_EXEC=1              record, under the TSan run, which docgen binary the CLI tests start
#                                      (strace; LSan cannot run under ptrace, so not under ASan)
#   CVAT_CORPUS=../shared/corpus/cvat
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=$ROOT/.build/sanitize
SWIFT=${SWIFT:-swift}
NICE=(nice -n 10)
PHASES=${SANITIZE_PHASES:-asan tsan cvat}
C_LIBS=${SANITIZE_C_LIBS:-auto}
RETRIES=${SANITIZE_BUILD_RETRIES:-0}
TRACE_EXEC=${SANITIZE_TRACE_EXEC:-1}
CVAT=${CVAT_CORPUS:-../shared/corpus/cvat}
CC=${SANITIZE_CC:-$(dirname "$(realpath "$(command -v "$SWIFT")")")/clang}
mkdir -p "$OUT"

# Say where we are and how long each step took (also into the summary file).
SUMMARY=$OUT/summary.txt
: > "$SUMMARY"
say() { echo "test-sanitize: $*"; }
note() { echo "$*" >> "$SUMMARY"; say "$*"; }
now() { date +%s; }

FAILED=0
declare -A REPORTS=()

# Counts sanitizer reports in a log: the headline of each report, or its SUMMARY line, whichever is
# more. Each report has one of each, so a report with no headline still counts.
count_reports() {
  local log=$1 heads sums
  heads=$(grep -cE 'ERROR: AddressSanitizer|WARNING: ThreadSanitizer|ERROR: LeakSanitizer' "$log")
  sums=$(grep -cE 'SUMMARY: ' "$log")
  echo $(( heads > sums ? heads : sums ))
}

# Copies every per-process report file of a phase into its log. Files with no report (for
# example those that only list the suppressions used) are added too, but count for nothing.
collect_reports() {
  local dir=$1 log=$2 f
  for f in "$dir"/*; do
    [ -e "$f" ] || continue
    { echo; echo "===== sanitizer output of $(basename "$f") ====="; cat "$f"; } >> "$log"
  done
}

# The test counts from swift-testing's output (docgen has no XCTest tests; the XCTest pass runs 0).
test_counts() {
  local log=$1 passed failed skipped run
  local total
  failed=$(grep -cE '^✘ Test .* failed after' "$log")
  skipped=$(grep -cE '^[^ ]+ Test .* skipped' "$log")
  run=$(grep -E '^. Test run with [0-9]+ tests' "$log" | tail -1)
  if [ -n "$run" ]; then
    total=$(echo "$run" | grep -oE '[0-9]+ tests' | grep -oE '[0-9]+')
    passed=$(( total - failed - skipped ))
  else
    passed="$(grep -cE '^✔ Test .* passed after' "$log") (so far)"
  fi
  echo "$passed passed, $failed failed, $skipped skipped (${run:-no swift-testing summary line: the test process died before the end}; failures and skips are counted per test function)"
}

# swift build with the sanitizer. Retries are for a Sources/ edit that is half made.
build() {
  local san=$1 tag=$2 log=$OUT/$2-build.log attempt=0 start rc
  start=$(now)
  while :; do
    "${NICE[@]}" "$SWIFT" build --build-tests --sanitize="$san" --scratch-path ".build-$tag" > "$log" 2>&1
    rc=$?
    [ $rc = 0 ] && break
    if [ $attempt -ge "$RETRIES" ]; then
      note "$tag: build FAILED (exit $rc) after $(( $(now) - start )) s; see $log"
      grep -m 10 'error:' "$log"
      return 1
    fi
    attempt=$((attempt + 1))
    say "$tag: build failed; retry $attempt of $RETRIES in 120 s"
    sleep 120
  done
  note "$tag: build took $(( $(now) - start )) s"
}

# --- Sanitized cmark-gfm and libyaml -------------------------------------------------------------

SRC=$OUT/c-src
APT=$OUT/apt
APT_OPTS=(-o Dir::Etc::SourceList=/dev/null -o "Dir::Etc::SourceParts=$APT" -o "Dir::State::Lists=$APT/lists"
          -o Debug::NoDropPrivs=true -o APT::Sandbox::User=root)

# The Debian source of the installed package that holds library $1, unpacked with its patches.
# Prints the source folder.
fetch_source() {
  local binary=$1 pkg ver upstream dir
  read -r pkg ver < <(dpkg-query -W -f='${source:Package} ${source:Version}\n' "$binary" 2>/dev/null) || return 1
  upstream=${ver%-*}; upstream=${upstream#*:}
  dir=$SRC/$pkg-$ver
  if [ ! -f "$dir/.ready" ]; then
    mkdir -p "$APT/lists/partial" "$SRC/dl"
    if [ ! -f "$APT/lists/.updated" ]; then
      printf 'Types: deb-src\nURIs: http://deb.debian.org/debian\nSuites: %s\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
        "$(. /etc/os-release && echo "$VERSION_CODENAME")" > "$APT/src.sources"
      timeout 300 apt-get "${APT_OPTS[@]}" update > "$OUT/apt.log" 2>&1 || return 1
      touch "$APT/lists/.updated"
    fi
    (cd "$SRC/dl" && timeout 300 apt-get "${APT_OPTS[@]}" source --download-only "$pkg=$ver") >> "$OUT/apt.log" 2>&1 || return 1
    rm -rf "$dir" && mkdir -p "$dir"
    tar -xzf "$SRC/dl/${pkg}_${upstream}.orig.tar.gz" -C "$dir" --strip-components=1 || return 1
    tar -xJf "$SRC/dl/${pkg}_${ver}.debian.tar.xz" -C "$dir" || return 1
    if [ -f "$dir/debian/patches/series" ]; then
      local p
      while read -r p; do
        case $p in ''|'#'*) continue;; esac
        patch -d "$dir" -p1 -s < "$dir/debian/patches/$p" || return 1
      done < "$dir/debian/patches/series"
    fi
    touch "$dir/.ready"
  fi
  echo "$dir"
}

# Builds libcmark-gfm, libcmark-gfm-extensions and libyaml with -fsanitize=$1 into $2. The sonames are
# the system's, so LD_LIBRARY_PATH=$2 puts them in front. The run-time symbols (__tsan_*, __asan_*)
# come from the sanitized executable that loads them.
build_c_libs() {
  local san=$1 dest=$2 cm ym v gfm sys=/usr/lib/x86_64-linux-gnu
  cm=$(fetch_source libcmark-gfm-dev) || { echo "cannot get the cmark-gfm source (see $OUT/apt.log)"; return 1; }
  ym=$(fetch_source libyaml-dev) || { echo "cannot get the libyaml source (see $OUT/apt.log)"; return 1; }
  [ -x "$CC" ] || { echo "no clang beside swift ($CC)"; return 1; }
  rm -rf "$dest" && mkdir -p "$dest/gen"
  local flags=(-fsanitize="$san" -g -O1 -fno-omit-frame-pointer -fPIC -shared -w -D_GNU_SOURCE)
  # The headers CMake would have made.
  v=$(sed -n 's/^set(PROJECT_VERSION_\(MAJOR\|MINOR\|PATCH\|GFM\) \([0-9]*\)).*/\2/p' "$cm/CMakeLists.txt" | tr '\n' ' ')
  read -r -a v <<< "$v"
  gfm="${v[0]}.${v[1]}.${v[2]}.gfm.${v[3]}"
  sed -e "s/@PROJECT_VERSION_MAJOR@/${v[0]}/g; s/@PROJECT_VERSION_MINOR@/${v[1]}/g; s/@PROJECT_VERSION_PATCH@/${v[2]}/g; s/@PROJECT_VERSION_GFM@/${v[3]}/g" \
    "$cm/src/cmark-gfm_version.h.in" > "$dest/gen/cmark-gfm_version.h"
  printf '#ifndef CMARK_CONFIG_H\n#define CMARK_CONFIG_H\n#include <stdbool.h>\n#define HAVE___BUILTIN_EXPECT 1\n#define HAVE___ATTRIBUTE__ 1\n#define CMARK_ATTRIBUTE(list) __attribute__ (list)\n#define CMARK_INLINE inline\n#endif\n' > "$dest/gen/config.h"
  printf '#define CMARK_GFM_EXPORT __attribute__((visibility("default")))\n#define CMARK_GFM_NO_EXPORT __attribute__((visibility("hidden")))\n' > "$dest/gen/cmark-gfm_export.h"
  printf '#define CMARK_GFM_EXTENSIONS_EXPORT __attribute__((visibility("default")))\n' > "$dest/gen/cmark-gfm-extensions_export.h"
  local core=() f
  for f in $(sed -n '/^set(LIBRARY_SOURCES/,/)/p' "$cm/src/CMakeLists.txt" | grep -o '[a-z_0-9]*\.c'); do core+=("$cm/src/$f"); done
  "$CC" "${flags[@]}" -fvisibility=hidden -std=c99 -I"$dest/gen" -I"$cm/src" "${core[@]}" \
    -Wl,-soname,"libcmark-gfm.so.$gfm" -o "$dest/libcmark-gfm.so.$gfm" || return 1
  "$CC" "${flags[@]}" -std=c99 -I"$dest/gen" -I"$cm/src" -I"$cm/extensions" "$cm"/extensions/*.c \
    -L"$dest" -l:"libcmark-gfm.so.$gfm" -Wl,-soname,"libcmark-gfm-extensions.so.$gfm" -o "$dest/libcmark-gfm-extensions.so.$gfm" || return 1
  local yv
  yv=$(sed -n 's/^m4_define(\[YAML_\(MAJOR\|MINOR\|PATCH\)\], *\([0-9]*\)).*/\2/p' "$ym/configure.ac" | tr '\n' ' ')
  read -r -a yv <<< "$yv"
  "$CC" "${flags[@]}" -DYAML_VERSION_MAJOR="${yv[0]}" -DYAML_VERSION_MINOR="${yv[1]}" -DYAML_VERSION_PATCH="${yv[2]}" \
    "-DYAML_VERSION_STRING=\"${yv[0]}.${yv[1]}.${yv[2]}\"" -I"$ym/include" "$ym"/src/*.c \
    -Wl,-soname,libyaml-0.so.2 -o "$dest/libyaml-0.so.2" || return 1
  # Each must export everything the system's library does, or docgen would load a different ABI.
  local lib missing
  for lib in "libcmark-gfm.so.$gfm" "libcmark-gfm-extensions.so.$gfm" libyaml-0.so.2; do
    [ -f "$sys/$lib" ] || { echo "the system has no $sys/$lib (another version is installed)"; return 1; }
    missing=$(comm -23 <(nm -D --defined-only "$sys/$lib" | awk '{print $3}' | sort -u) \
                       <(nm -D --defined-only "$dest/$lib" | awk '{print $3}' | sort -u))
    [ -z "$missing" ] || { echo "$lib lacks symbols of the system's: $missing"; return 1; }
  done
  echo "built from $(basename "$cm") and $(basename "$ym")"
}

# Sets C_LIB_PATH for phase $2 (sanitizer $1), or leaves it empty.
C_LIB_PATH=
prepare_c_libs() {
  local san=$1 tag=$2 dest=$OUT/c-libs-$2 msg
  C_LIB_PATH=
  [ "$C_LIBS" = 0 ] && { note "$tag: cmark-gfm and libyaml: the system's (SANITIZE_C_LIBS=0; the sanitizer cannot see inside them)"; return 0; }
  if [ -f "$dest/.built" ]; then
    C_LIB_PATH=$dest
    note "$tag: cmark-gfm and libyaml: built with -fsanitize=$san, $(cat "$dest/.built") (already built)"
  elif msg=$(build_c_libs "$san" "$dest" 2>&1); then
    C_LIB_PATH=$dest
    echo "$msg" | tail -1 > "$dest/.built"
    note "$tag: cmark-gfm and libyaml: built with -fsanitize=$san, $(echo "$msg" | tail -1)"
  else
    note "$tag: cmark-gfm and libyaml: the system's, because the sanitized build failed: $(echo "$msg" | tail -3 | tr '\n' ' ')"
    [ "$C_LIBS" = 1 ] && FAILED=1
  fi
  return 0
}

# --- The test suite under one sanitizer ---------------------------------------------------------

run_suite() {
  local san=$1 tag=$2 reports=$OUT/$2-reports log=$OUT/$2-test.log start rc bin env=() wrap=()
  build "$san" "$tag" || { FAILED=1; REPORTS[$tag]="no run (build failed)"; return; }
  bin=.build-$tag/debug/docgen
  # Tests/CLITests start "docgen" from the folder of the test bundle (.build-$tag/debug/), before
  # .build/debug/docgen, so they run the sanitized binary. Check that the binary is sanitized.
  if [ "$(nm "$bin" 2>/dev/null | grep -cE " __${tag}_init$")" -gt 0 ]; then
    note "$tag: $bin has the $tag run time; Tests/CLITests run it (bundle folder first)"
  else
    note "$tag: $bin does not have the $tag run time"; FAILED=1
  fi
  prepare_c_libs "$san" "$tag"
  rm -rf "$reports"; mkdir -p "$reports"
  if [ "$tag" = asan ]; then
    # detect_stack_use_after_return=0: with ASan's "fake stack" (on by default), Swift locals
    # live on the heap. docgen's StackGuard (Sources/Rendering/StackGuard.swift) measures stack
    # depth from a local's address, so it cannot see the depth any more and
    # LimitsTests.runawayTemplateRecursionIsStopped overflows the real stack in swift-mustache
    # (ERROR: AddressSanitizer: stack-overflow). That aborts the test process and with it the rest of
    # the suite. A build without ASan has no fake stack. SANITIZE_ASAN_UAR=1 turns the fake stack back on.
    env=(ASAN_OPTIONS="log_path=$reports/asan:log_exe_name=1:detect_leaks=1:abort_on_error=0:detect_stack_use_after_return=${SANITIZE_ASAN_UAR:-0}"
         LSAN_OPTIONS="suppressions=$ROOT/scripts/lsan-suppressions.txt:print_suppressions=1")
    [ -s scripts/asan-suppressions.txt ] && env[0]+=":suppressions=$ROOT/scripts/asan-suppressions.txt"
  else
    env=(TSAN_OPTIONS="log_path=$reports/tsan:log_exe_name=1:halt_on_error=0:second_deadlock_stack=1")
    [ -s scripts/tsan-suppressions.txt ] && env[0]+=":suppressions=$ROOT/scripts/tsan-suppressions.txt"
    if [ "$TRACE_EXEC" = 1 ] && command -v strace > /dev/null; then
      wrap=(strace -f --seccomp-bpf -qq -e trace=execve -o "$OUT/$tag-execve.log")
    fi
  fi
  [ -n "$C_LIB_PATH" ] && env+=(LD_LIBRARY_PATH="$C_LIB_PATH${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}")
  say "$tag: running the test suite (log: $log)"
  start=$(now)
  env "${env[@]}" "${wrap[@]}" "${NICE[@]}" "$SWIFT" test --skip-build --sanitize="$san" --scratch-path ".build-$tag" > "$log" 2>&1
  rc=$?
  note "$tag: test run took $(( $(now) - start )) s, exit $rc: $(test_counts "$log")"
  [ $rc = 0 ] || FAILED=1
  if [ ${#wrap[@]} -gt 0 ]; then
    note "$tag: docgen binaries the tests started: $(grep -oE 'execve\("[^"]*/docgen"' "$OUT/$tag-execve.log" | sed 's/execve("//; s/"$//; s#^'"$ROOT"'/##' | sort | uniq -c | tr '\n' ' ')"
  fi
  collect_reports "$reports" "$log"
  local n by_exe
  n=$(count_reports "$log")
  REPORTS[$tag]=$n
  by_exe=$(grep -lE 'ERROR: AddressSanitizer|WARNING: ThreadSanitizer|ERROR: LeakSanitizer|SUMMARY: ' "$reports"/* 2>/dev/null | sed -E 's#.*/[a-z]+\.(.*)\.[0-9]+$#\1#' | sort | uniq -c | tr '\n' ' ')
  note "$tag: $n sanitizer reports${by_exe:+ (files with reports, by program: $by_exe)}"
  grep -h 'Suppressions used' -A 20 "$reports"/* 2>/dev/null | grep -E '^ +[0-9]+ ' | awk '{c[$3]+=$1} END {for (k in c) printf "  suppressed %d x %s\n", c[k], k}' | tee -a "$SUMMARY"
  [ "$n" = 0 ] || FAILED=1
}

# --- The CVAT corpus through the TSan docgen ----------------------------------------------------

run_cvat() {
  local tag=cvat reports=$OUT/cvat-reports log=$OUT/cvat.log bin=.build-tsan/debug/docgen start rc dest check
  if [ ! -d "$CVAT/content/en" ]; then
    note "cvat: skipped: $CVAT/content/en is absent (../shared is not on this machine)"
    REPORTS[cvat]="skipped"
    return
  fi
  build thread tsan || { FAILED=1; REPORTS[cvat]="no run (build failed)"; return; }
  prepare_c_libs thread tsan
  rm -rf "$reports"; mkdir -p "$reports"; : > "$log"
  for check in --check ""; do
    dest=$(mktemp -d "${TMPDIR:-/tmp}/docgen-sanitize-cvat.XXXXXX")
    say "cvat: docgen build ${check:-(no --check)} under TSan"
    start=$(now)
    {
      echo "===== docgen build --source $CVAT --contentDir content/en --templates Tests/SiteTests/Fixtures/cvat-shortcodes --destination $dest/public $check"
      env TSAN_OPTIONS="log_path=$reports/tsan:log_exe_name=1:halt_on_error=0:second_deadlock_stack=1${TSAN_SUPP:-}" \
          ${C_LIB_PATH:+LD_LIBRARY_PATH="$C_LIB_PATH"} \
          "${NICE[@]}" "$bin" build --source "$CVAT" --contentDir content/en \
          --templates Tests/SiteTests/Fixtures/cvat-shortcodes --destination "$dest/public" $check
    } >> "$log" 2>&1
    rc=$?
    echo "===== exit $rc" >> "$log"
    # Link findings in the corpus make --check exit 1; that is the content, not a sanitizer report.
    # A TSan report makes docgen exit 66; a crash, 128 or more.
    if [ -n "$check" ]; then
      note "cvat: build --check took $(( $(now) - start )) s, exit $rc ($(grep -oE '[0-9]+ errors?, [0-9]+ info in [0-9]+ pages' "$log" | tail -1 || true))"
      case $rc in 0|1) ;; *) FAILED=1;; esac
    else
      note "cvat: build took $(( $(now) - start )) s, exit $rc ($(grep -oE 'built [0-9]+ pages' "$log" | tail -1))"
      [ $rc = 0 ] || FAILED=1
    fi
    rm -rf "$dest"
  done
  collect_reports "$reports" "$log"
  REPORTS[cvat]=$(count_reports "$log")
  note "cvat: ${REPORTS[cvat]} sanitizer reports${C_LIB_PATH:+ (with the sanitized cmark-gfm and libyaml)}"
  [ "${REPORTS[cvat]}" = 0 ] || FAILED=1
}

TSAN_SUPP=
[ -s scripts/tsan-suppressions.txt ] && TSAN_SUPP=":suppressions=$ROOT/scripts/tsan-suppressions.txt"

TOTAL_START=$(now)
for phase in $PHASES; do
  case $phase in
    asan) run_suite address asan ;;
    tsan) run_suite thread tsan ;;
    cvat) run_cvat ;;
    *) say "unknown phase '$phase' (asan, tsan, cvat)"; FAILED=1 ;;
  esac
done

line="ASan: ${REPORTS[asan]:-not run} reports, TSan: ${REPORTS[tsan]:-not run} reports, TSan CVAT build: ${REPORTS[cvat]:-not run} reports"
echo
note "$line ($(( $(now) - TOTAL_START )) s in all; logs in ${OUT#$ROOT/}/)"
if [ $FAILED != 0 ]; then
  note "FAILED: see the lines above, .build/sanitize/*-test.log and .build/sanitize/cvat.log"
  exit 1
fi
note "OK"
