#!/usr/bin/env node
// Writes Sources/Highlight/Embedded/prism-grammars.json: the grammars of Prism 1.29 (MIT licence,
// (c) Lea Verou and contributors) for the languages docgen highlights, as data that the Swift
// tokenizer runs with PCRE2. Prism is only needed to regenerate the file, never at run time:
//
//   NODE_PATH=/usr/share/nodejs node scripts/prism-grammars.js > Sources/Highlight/Embedded/prism-grammars.json
//
// Grammars refer to each other (bash inside bash, CSS and JavaScript inside markup), so each
// grammar object is written once, in a list, and `inside` names it by its index there.
const Prism = require('prismjs');
const loadLanguages = require('prismjs/components/');
// The languages docgen highlights; their aliases are docgen's (Sources/Highlight/LanguageAliases.swift).
const languages = ['bash', 'python', 'yaml', 'json', 'markup', 'diff', 'sql', 'powershell'];

loadLanguages(languages);

const grammars = [];
const indexOf = new Map();

// Prism merges `rest` into the grammar the first time it tokenizes with it; done here once, in
// the same way, so the data has no `rest` left.
function resolveRest(grammar) {
  const rest = grammar.rest;
  if (rest) {
    for (const token in rest) grammar[token] = rest[token];
    delete grammar.rest;
  }
}

function grammarIndex(grammar) {
  if (indexOf.has(grammar)) return indexOf.get(grammar);
  resolveRest(grammar);
  const index = grammars.length;
  indexOf.set(grammar, index);
  grammars.push(null);
  const tokens = [];
  for (const name in grammar) {
    if (!Object.prototype.hasOwnProperty.call(grammar, name) || !grammar[name]) continue;
    const list = Array.isArray(grammar[name]) ? grammar[name] : [grammar[name]];
    tokens.push([name, list.map(pattern)]);
  }
  grammars[index] = tokens;
  return index;
}

function pattern(object) {
  const regex = object instanceof RegExp ? object : object.pattern;
  const out = { source: regex.source, flags: regex.flags.replace('g', '') };
  if (object.lookbehind) out.lookbehind = true;
  if (object.greedy) out.greedy = true;
  if (object.alias) out.alias = Array.isArray(object.alias) ? object.alias : [object.alias];
  if (object.inside) out.inside = grammarIndex(object.inside);
  return out;
}

const named = {};
for (const language of languages) named[language] = grammarIndex(Prism.languages[language]);
process.stdout.write(JSON.stringify({
  generated: 'by scripts/prism-grammars.js from Prism ' + require('prismjs/package.json').version
    + ' (MIT licence, (c) Lea Verou and contributors); do not edit. Regenerate with: '
    + 'NODE_PATH=/usr/share/nodejs node scripts/prism-grammars.js > Sources/Highlight/Embedded/prism-grammars.json',
  languages: named,
  grammars: grammars,
}, null, 1) + '\n');
