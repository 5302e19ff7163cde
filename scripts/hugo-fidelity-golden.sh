#!/usr/bin/env bash
# Records what Hugo 0.111.3 (Debian `hugo`) writes for the site in
# Tests/SiteTests/Fixtures/hugo-fidelity/site: every output file, under golden/. The site's Hugo
# layouts and its docgen templates print the same facts (kind, titles, URL, the main menu, the
# section's pages, the content), so HugoFidelityTests can compare docgen's build with it page by
# page. Run it only when the site or the Hugo version changes.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
fixture="$here/../Tests/SiteTests/Fixtures/hugo-fidelity"
hugo="${HUGO_0111:-/usr/bin/hugo}"
"$hugo" version | grep -q "v0.111.3" || { echo "needs Hugo 0.111.3 (set HUGO_0111)" >&2; exit 1; }
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
# Built from a copy: Hugo leaves its lock file and resources/ folder in the site it builds.
cp -R "$fixture/site" "$work/site"
"$hugo" --source "$work/site" --destination "$work/public" --quiet
rm -rf "$fixture/golden"
cp -R "$work/public" "$fixture/golden"
(cd "$fixture/golden" && find . -type f | sort)
