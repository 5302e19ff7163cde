#!/usr/bin/env bash
# make same-output BASE=<commit>: builds the three reference sites with docgen at BASE and with the
# working tree, and compares every file (diff -r). For changes that must not change any output
# byte: the small fixture site with its own templates, this project's docs, and the CVAT corpus
# (../shared/corpus/cvat, skipped with a message when absent). Also builds the working tree's
# sites with the speed tricks off (DOCGEN_PLAIN=1) when the binary knows that switch.
#
# BASE is checked out as a detached worktree under .build/same-output/base and built there in
# debug mode (outputs do not depend on the optimizer). Exit code: 0 same, 1 differences, 2 setup.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BASE=${BASE:-${1:-}}
[ -n "$BASE" ] || { echo "same-output: name a commit: make same-output BASE=<commit>" >&2; exit 2; }
WORK=$ROOT/.build/same-output
CVAT=${CVAT_CORPUS:-$ROOT/../shared/corpus/cvat}
mkdir -p "$WORK"

if [ ! -d "$WORK/base" ]; then git worktree add --detach "$WORK/base" "$BASE" >/dev/null || exit 2; fi
git -C "$WORK/base" checkout -q --detach "$BASE" || exit 2
echo "same-output: building $(git -C "$WORK/base" log --oneline -1 | cut -c1-70)"
(cd "$WORK/base" && swift build > "$WORK/base-build.log" 2>&1) || { echo "same-output: build of $BASE failed ($WORK/base-build.log)" >&2; exit 2; }
echo "same-output: building the working tree"
swift build > "$WORK/head-build.log" 2>&1 || { echo "same-output: build failed ($WORK/head-build.log)" >&2; exit 2; }

# site name, source folder, extra options
SITES=("small|$ROOT/Tests/SiteTests/Fixtures/small-site|" "docs|$ROOT|")
if [ -d "$CVAT/content" ]; then
    SITES+=("cvat|$CVAT|--contentDir content/en --templates $ROOT/Tests/SiteTests/Fixtures/cvat-shortcodes")
else
    echo "same-output: $CVAT is absent: the CVAT corpus is not compared"
fi

status=0
build() {  # binary, site, source, options, output, environment
    rm -rf "$5"
    # shellcheck disable=SC2086
    if ! (cd "$3" && env $6 "$1" build --destination "$5" $4 > "$5.log" 2>&1); then
        echo "same-output: $2: build failed with $1 (see $5.log)"; status=1
    fi
}
for entry in "${SITES[@]}"; do
    IFS='|' read -r name source options <<< "$entry"
    build "$WORK/base/.build/debug/docgen" "$name" "$source" "$options" "$WORK/$name-base" ""
    build "$ROOT/.build/debug/docgen" "$name" "$source" "$options" "$WORK/$name-head" ""
    build "$ROOT/.build/debug/docgen" "$name" "$source" "$options" "$WORK/$name-plain" "DOCGEN_PLAIN=1"
    files=$(find "$WORK/$name-base" -type f | wc -l)
    for variant in head plain; do
        if diff -r "$WORK/$name-base" "$WORK/$name-$variant" > "$WORK/$name-$variant.diff"; then
            echo "same-output: $name: $variant: same ($files files)"
        else
            echo "same-output: $name: $variant: DIFFERENT: $(grep -c '^diff\|^Only' "$WORK/$name-$variant.diff") files ($WORK/$name-$variant.diff)"
            status=1
        fi
    done
done
exit $status
