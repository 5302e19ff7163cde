/* docgen's search engine: answers a query from the index docgen writes to docgen-search/,
   fetching only the parts of the index the query's words need. No DOM here: the page's UI
   (docgen-search.js) and the tests under Node both use it, each with its own fetchJSON. */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else root.DocgenSearch = factory();
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  // The same words as docgen's index: runs of letters and digits, lower-cased, at most 40 long.
  var WORD = /[\p{L}\p{N}]+/gu;
  var LONGEST = 40;

  function tokenize(text) {
    var words = [];
    var seen = {};
    (text.match(WORD) || []).forEach(function (w) {
      w = w.toLowerCase();
      if (w.length <= LONGEST && !seen[w]) { seen[w] = true; words.push(w); }
    });
    return words;
  }

  function shardOf(term) {
    var c = term.charAt(0);
    if (c >= "a" && c <= "z") return c;
    if (c >= "0" && c <= "9") return "0";
    return "_";
  }

  // Optimal string alignment distance, stopping early past 1: "bakcblaze" is one swap away.
  function withinOneEdit(a, b) {
    if (a === b) return true;
    var la = a.length, lb = b.length;
    if (Math.abs(la - lb) > 1) return false;
    var i = 0;
    while (i < la && i < lb && a[i] === b[i]) i++;
    if (la === lb) {
      if (a.slice(i + 1) === b.slice(i + 1)) return true; // one substitution
      return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // one swap
    }
    return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1); // one deletion or insertion
  }

  // The first index in a sorted array whose word is >= term (JavaScript compares UTF-16 units,
  // which is how docgen sorted them).
  function lowerBound(words, term) {
    var lo = 0, hi = words.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (words[mid] < term) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  // How much an indexed word counts for a query word: itself fully, a longer word it starts
  // less, a word one typo away less still.
  // A plural is nearly the word itself: "cuboid" should find "Annotation with cuboids" first.
  var EXACT = 1, PLURAL = 0.9, PREFIX = 0.6, TYPO = 0.45;
  var MAX_PREFIX = 12, MAX_TYPO = 6;

  function expansions(term, shard) {
    var words = shard.t, counts = shard.d;
    var found = [];
    var at = lowerBound(words, term);
    if (words[at] === term) found.push({ word: term, weight: EXACT, df: counts[at] });
    var longer = [];
    if (term.length >= 2) {
      for (var i = words[at] === term ? at + 1 : at; i < words.length && words[i].lastIndexOf(term, 0) === 0; i++) {
        var rest = words[i].slice(term.length);
        longer.push({ word: words[i], weight: rest === "s" || rest === "es" ? PLURAL : PREFIX, df: counts[i] });
      }
      // The commonest completions, and among equals the shortest: "attach" → attached, attaching …
      longer.sort(function (a, b) { return b.weight - a.weight || b.df - a.df || a.word.length - b.word.length; });
      found = found.concat(longer.slice(0, MAX_PREFIX));
    }
    if (found.length === 0 && term.length >= 4) {
      var typos = [];
      for (var k = 0; k < words.length; k++) {
        if (withinOneEdit(term, words[k])) typos.push({ word: words[k], weight: TYPO, df: counts[k] });
      }
      typos.sort(function (a, b) { return b.df - a.df; });
      found = typos.slice(0, MAX_TYPO);
    }
    return found;
  }

  function chunkOf(word, starts) {
    // The last chunk whose first word is <= word.
    var at = lowerBound(starts, word);
    if (starts[at] === word) return at;
    return Math.max(0, at - 1);
  }

  function idf(df, sections) {
    return Math.log(1 + (sections - df + 0.5) / (df + 0.5));
  }

  /* The text around the first query word in `text`, as pieces [{text, mark}] for the UI to turn
     into text nodes (never HTML). `words` are the indexed words the query matched. */
  function snippet(text, words, length) {
    length = length || 180;
    var wanted = {};
    words.forEach(function (w) { wanted[w] = true; });
    var hits = [];
    var m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text)) !== null) {
      if (wanted[m[0].toLowerCase()]) hits.push({ start: m.index, end: m.index + m[0].length });
    }
    var from = 0;
    if (hits.length && hits[0].start > length / 3) {
      from = hits[0].start - Math.floor(length / 3);
      var space = text.indexOf(" ", from);
      if (space !== -1 && space < hits[0].start) from = space + 1;
    }
    var to = Math.min(text.length, from + length);
    if (to < text.length) {
      var cut = text.lastIndexOf(" ", to);
      if (cut > from + length / 2) to = cut;
    }
    var pieces = [];
    if (from > 0) pieces.push({ text: "… ", mark: false });
    var at = from;
    hits.forEach(function (h) {
      if (h.start < at || h.end > to) return;
      if (h.start > at) pieces.push({ text: text.slice(at, h.start), mark: false });
      pieces.push({ text: text.slice(h.start, h.end), mark: true });
      at = h.end;
    });
    if (at < to) pieces.push({ text: text.slice(at, to), mark: false });
    if (to < text.length) pieces.push({ text: " …", mark: false });
    return pieces;
  }

  /* base: the index folder's URL, ending in "/". fetchJSON(url) → Promise of the parsed file. */
  function createEngine(base, fetchJSON) {
    var cache = {};
    function get(path) {
      if (!cache[path]) {
        cache[path] = fetchJSON(base + path).catch(function (error) { delete cache[path]; throw error; });
      }
      return cache[path];
    }

    function search(query, options) {
      var limit = (options && options.limit) || 8;
      // Ten words are plenty, and the bit sets in rank() hold 31.
      var terms = tokenize(query).slice(0, 10);
      if (terms.length === 0) return Promise.resolve([]);
      return get("meta.json").then(function (meta) {
        var shards = terms.map(function (t) {
          return meta.shards.indexOf(shardOf(t)) === -1 ? Promise.resolve({ t: [], d: [] }) : get("d/" + shardOf(t) + ".json");
        });
        return Promise.all(shards).then(function (loaded) {
          var perTerm = terms.map(function (t, i) { return expansions(t, loaded[i]); });
          var chunks = {};
          perTerm.forEach(function (list) {
            list.forEach(function (e) { e.chunk = chunkOf(e.word, meta.chunks); chunks[e.chunk] = true; });
          });
          var names = Object.keys(chunks);
          return Promise.all(names.map(function (n) { return get("p/" + n + ".json"); })).then(function (files) {
            var postings = {};
            names.forEach(function (n, i) { postings[n] = files[i]; });
            return rank(meta, terms, perTerm, postings, limit);
          });
        });
      }).then(function (ranked) {
        return Promise.all(ranked.map(function (r) { return get("f/" + r.page + ".json"); })).then(function (fragments) {
          return ranked.map(function (r, i) { return result(r, fragments[i]); });
        });
      });
    }
    return { search: search };
  }

  // Sections scored per query word (the best of its expansions), then pages by how many of the
  // required words they hold and by their best section. A word whose postings were capped may
  // occur where its list does not say, so it never rules a page out.
  function rank(meta, terms, perTerm, postings, limit) {
    var pages = {};
    var required = 0;
    perTerm.forEach(function (list, t) {
      if (list.length === 0) return;
      var capped = list.some(function (e) { return e.df > meta.cap; });
      if (!capped) required |= 1 << t;
      var best = {};
      list.forEach(function (e) {
        var flat = (postings[e.chunk] || {})[e.word];
        if (!flat) return;
        var weight = e.weight * idf(e.df, meta.sections);
        for (var i = 0; i < flat.length; i += 3) {
          var key = flat[i] + ":" + flat[i + 1];
          var score = weight * flat[i + 2];
          if (!best[key] || best[key].score < score) best[key] = { score: score, word: e.word };
        }
      });
      Object.keys(best).forEach(function (key) {
        var parts = key.split(":");
        var page = pages[parts[0]] || (pages[parts[0]] = { page: +parts[0], sections: {}, has: 0, words: {} });
        var section = page.sections[parts[1]] || (page.sections[parts[1]] = 0);
        page.sections[parts[1]] = section + best[key].score;
        page.has |= 1 << t;
        page.words[best[key].word] = true;
      });
    });
    var list = Object.keys(pages).map(function (k) {
      var p = pages[k];
      var top = -1, topScore = -1, rest = 0;
      Object.keys(p.sections).forEach(function (s) {
        var score = p.sections[s];
        if (score > topScore || (score === topScore && +s < top)) {
          if (topScore > 0) rest += topScore;
          top = +s; topScore = score;
        } else {
          rest += score;
        }
      });
      var held = 0;
      for (var bits = p.has & required; bits; bits &= bits - 1) held++;
      var words = 0;
      for (var all = p.has; all; all &= all - 1) words++;
      return { page: p.page, section: top, score: topScore + 0.25 * rest, held: held, words: words, matched: Object.keys(p.words) };
    });
    list.sort(function (a, b) {
      return b.held - a.held || b.words - a.words || b.score - a.score || a.page - b.page;
    });
    return list.slice(0, limit);
  }

  function result(ranked, fragment) {
    var section = fragment.s[ranked.section] || fragment.s[0];
    var heading = section[0], anchor = section[1], text = section[2];
    // A section with no text of its own (a heading straight above another) shows the page's opening.
    var source = text || fragment.s[0][2];
    return {
      title: fragment.t,
      url: fragment.u + (anchor ? "#" + anchor : ""),
      path: fragment.p,
      heading: heading,
      anchor: anchor,
      snippet: snippet(source, ranked.matched),
      words: ranked.matched,
      score: ranked.score,
    };
  }

  return { createEngine: createEngine, tokenize: tokenize, snippet: snippet, withinOneEdit: withinOneEdit };
});
