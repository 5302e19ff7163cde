#!/usr/bin/env bash
# Records what Hugo 0.111 (Debian `hugo`) makes of the small site in
# Tests/SiteTests/Fixtures/hugo-shortcodes/site: one file per page under golden/, holding only the
# page's content (the site's Hugo layouts print `.Content` alone). HugoShortcodeTests renders the same
# site with docgen and compares. Run it only when the site or the Hugo version changes.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
fixture="$here/../Tests/SiteTests/Fixtures/hugo-shortcodes"
hugo="${HUGO_0111:-/usr/bin/hugo}"
"$hugo" version | grep -q "v0.111.3" || { echo "needs Hugo 0.111.3 (set HUGO_0111)" >&2; exit 1; }
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
# Built from a copy: Hugo leaves its lock file and resources/ folder in the site it builds.
cp -R "$fixture/site" "$work/site"
"$hugo" --source "$work/site" --destination "$work/public" --quiet
rm -rf "$fixture/golden"
(cd "$work/public" && find . -name index.html) | sort | while read -r page; do
    name="${page#./}"; name="${name%index.html}"; name="${name%/}"
    mkdir -p "$(dirname "$fixture/golden/${name:-index}.html")"
    cp "$work/public/$page" "$fixture/golden/${name:-index}.html"
done
find "$fixture/golden" -type f | sort
