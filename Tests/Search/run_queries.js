// Runs queries through docgen's shipped search engine (templates/static/docgen-search-engine.js)
// against a built site's index, reading the index files from disk instead of fetching them.
// Usage: node run_queries.js SITE_FOLDER QUERIES_FILE  → one JSON line per query on stdout:
// {"query", "expected", "rank" (1-based, 0 when not in the results), "top" (first URLs), "bytes", "ms"}
//        node run_queries.js SITE_FOLDER --show QUERY  → the engine's whole results, as JSON.
"use strict";
const fs = require("fs");
const path = require("path");
const { createEngine } = require(path.join(__dirname, "../../templates/static/docgen-search-engine.js"));

const [site, queriesFile, shown] = process.argv.slice(2);

function fromDisk(counted) {
  return (url) => {
    const text = fs.readFileSync(path.join(site, url), "utf8");
    counted.bytes += Buffer.byteLength(text);
    return Promise.resolve(JSON.parse(text));
  };
}

(async () => {
  if (queriesFile === "--show") {
    const results = await createEngine("docgen-search/", fromDisk({ bytes: 0 })).search(shown, { limit: 8 });
    console.log(JSON.stringify(results.map(({ score, ...kept }) => kept)));
    return;
  }
  const lines = fs.readFileSync(queriesFile, "utf8").split("\n").filter((l) => l.trim() && !l.startsWith("#"));
  for (const line of lines) {
    const [query, expected] = line.split("\t").map((s) => s.trim());
    // A fresh engine per query, so that each query pays for its own downloads.
    const counted = { bytes: 0 };
    const engine = createEngine("docgen-search/", fromDisk(counted));
    const start = process.hrtime.bigint();
    const results = await engine.search(query, { limit: 8 });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const pages = results.map((r) => r.url.split("#")[0]);
    const rank = pages.indexOf(expected) + 1;
    console.log(JSON.stringify({ query, expected, rank, top: results.slice(0, 3).map((r) => r.url), bytes: counted.bytes, ms: Math.round(ms * 10) / 10 }));
  }
})();
