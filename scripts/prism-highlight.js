#!/usr/bin/env node
// The reference for docgen's highlighter (Tests/HighlightTests): reads a JSON list of
// {"code", "language"} on stdin and writes the list of Prism.highlight's HTML for them, one
// Node process for all blocks. `language` is a Prism name, as docgen resolves aliases itself;
// null gives the code as Prism escapes plain text.
//   NODE_PATH=/usr/share/nodejs node scripts/prism-highlight.js < blocks.json
const Prism = require('prismjs');
require('prismjs/components/')(['bash', 'python', 'yaml', 'json', 'markup', 'diff', 'sql', 'powershell']);

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  const out = JSON.parse(input).map(({ code, language }) =>
    language ? Prism.highlight(code, Prism.languages[language], language) : Prism.util.encode(code));
  process.stdout.write(JSON.stringify(out));
});
