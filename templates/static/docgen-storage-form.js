// docgen's cloud-storage form: checks a CVAT cloud-storage config in the browser with the rules
// and the messages of `docgen validate`. The rules are not written here: the page carries the
// JSON Schema that docgen generates from its catalog, and this file evaluates it (only the
// keywords that schema uses) and words the errors as ConfigValidator.swift does. The first part
// has no DOM and is what the agreement test runs under Node; the second part drives the form.
// Nothing here makes a network request or stores anything.
"use strict";

var DocgenStorageCheck = (function () {
  // --- JSON with positions (JSONParser.swift: same grammar, same messages) ----------------------

  // An integer literal that fits in 64 bits stays an integer, as in docgen's JSON reader, so
  // that messages print it as written.
  function Num(value, integer) { this.value = value; this.integer = integer; }

  function ParseError(at, message) { this.at = at; this.message = message; }

  var MAX_DEPTH = 1000;

  function parseJSON(text) {
    var i = 0, n = text.length;
    var positions = new Map(), keys = new Map();
    if (text.charCodeAt(0) === 0xFEFF) i = 1;
    function ws() { while (i < n) { var c = text[i]; if (c === " " || c === "\t" || c === "\r" || c === "\n") i++; else return; } }
    function found() {
      var c = text.charCodeAt(i);
      if (c === 10) return "a newline";
      if (c === 13) return "a carriage return";
      if (c === 9) return "a tab";
      if (c < 0x20 || c === 0x7F) return "control character U+" + hex4(c);
      return "'" + String.fromCodePoint(text.codePointAt(i)) + "'";
    }
    function unexpected(expected) {
      if (i >= n) return new ParseError(i, "expected " + expected + ", found end of file");
      return new ParseError(i, "expected " + expected + ", found " + found());
    }
    function control(c) {
      var name = c === 10 ? "newline" : c === 13 ? "carriage return" : c === 9 ? "tab" : "control character U+" + hex4(c);
      return new ParseError(i, "unescaped " + name + " in string; write it as an escape sequence");
    }
    function string() {
      i++;
      var out = "";
      while (i < n) {
        var c = text.charCodeAt(i);
        if (c === 34) { i++; return out; }
        if (c < 0x20) throw control(c);
        if (c !== 92) { out += text[i++]; continue; }
        var start = i;
        i++;
        if (i >= n) break;
        var e = text[i++];
        var simple = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" }[e];
        if (simple !== undefined) { out += simple; continue; }
        if (e !== "u") { throw new ParseError(start, "invalid escape sequence; expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX"); }
        var high = hex(), code = high;
        if (high >= 0xD800 && high <= 0xDBFF) {
          if (text[i] !== "\\" || text[i + 1] !== "u") throw new ParseError(start, "unpaired surrogate in \\u escape");
          i += 2;
          var low = hex();
          if (low < 0xDC00 || low > 0xDFFF) throw new ParseError(start, "unpaired surrogate in \\u escape");
          code = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
        } else if (high >= 0xDC00 && high <= 0xDFFF) {
          throw new ParseError(start, "unpaired surrogate in \\u escape");
        }
        out += String.fromCodePoint(code);
      }
      throw new ParseError(i, "unterminated string: expected '\"', found end of file");
    }
    function hex() {
      var v = 0;
      for (var k = 0; k < 4; k++) {
        if (i >= n) throw new ParseError(i, "expected 4 hex digits after \\u, found end of file");
        var d = parseInt(text[i], 16);
        if (!/[0-9a-fA-F]/.test(text[i])) throw unexpected("4 hex digits after \\u");
        v = v * 16 + d;
        i++;
      }
      return v;
    }
    function digits() { var s = i; while (i < n && text[i] >= "0" && text[i] <= "9") i++; return i > s; }
    function number() {
      var start = i;
      if (text[i] === "-") i++;
      if (!(i < n && text[i] >= "0" && text[i] <= "9")) throw unexpected("a digit after '-'");
      if (text[i] === "0") {
        i++;
        if (i < n && text[i] >= "0" && text[i] <= "9") throw new ParseError(start, "numbers must not have leading zeros");
      } else digits();
      var integral = true;
      if (text[i] === ".") { integral = false; i++; if (!digits()) throw unexpected("a digit after the decimal point"); }
      if (text[i] === "e" || text[i] === "E") {
        integral = false;
        i++;
        if (text[i] === "+" || text[i] === "-") i++;
        if (!digits()) throw unexpected("a digit in the exponent");
      }
      var literal = text.slice(start, i);
      if (integral) {
        var big = BigInt(literal);
        if (big >= -(2n ** 63n) && big < 2n ** 63n) return new Num(big, true);
      }
      var d = Number(literal);
      if (!isFinite(d)) throw new ParseError(start, "number is too large to represent");
      return new Num(d, false);
    }
    function literal(word, value) {
      var start = i;
      for (var k = 0; k < word.length; k++) {
        if (text[i] !== word[k]) {
          if (k === 0) throw unexpected("a value");
          i = start;
          throw unexpected("a value (did you mean '" + word + "'?)");
        }
        i++;
      }
      if (i < n && /[A-Za-z0-9_]/.test(text[i])) { i = start; throw unexpected("a value"); }
      return value;
    }
    function value(pointer, depth) {
      ws();
      if (i >= n) throw new ParseError(i, "expected a value, found end of file");
      positions.set(pointer, i);
      var c = text[i];
      if (c === "{" || c === "[") {
        if (depth >= MAX_DEPTH) throw new ParseError(i, "nesting is too deep: more than " + MAX_DEPTH + " levels of arrays and objects");
        i++;
        ws();
        if (c === "[") {
          var items = [];
          if (text[i] === "]") { i++; return items; }
          for (;;) {
            items.push(value(pointer + "/" + items.length, depth + 1));
            ws();
            if (text[i] === ",") { i++; continue; }
            if (text[i] === "]") { i++; return items; }
            throw unexpected("',' or ']' after an array item");
          }
        }
        var object = new Map();
        if (text[i] === "}") { i++; return object; }
        var after = "'{'", closer = " or '}'";
        for (;;) {
          ws();
          if (text[i] !== '"') throw unexpected("a string key" + closer + " after " + after);
          var keyAt = i, key = string();
          ws();
          if (text[i] !== ":") throw unexpected("':' after the key");
          i++;
          var member = pointer + "/" + escapeToken(key);
          keys.set(member, keyAt);
          var v = value(member, depth + 1);
          if (object.has(key)) throw new ParseError(keyAt, "duplicate key '" + key + "' in object");
          object.set(key, v);
          ws();
          if (text[i] === ",") { i++; after = "','"; closer = ""; continue; }
          if (text[i] === "}") { i++; return object; }
          throw unexpected("',' or '}' after an object member");
        }
      }
      if (c === '"') return string();
      if (c === "-" || (c >= "0" && c <= "9")) return number();
      if (c === "t") return literal("true", true);
      if (c === "f") return literal("false", false);
      if (c === "n") return literal("null", null);
      throw unexpected("a value");
    }

    var lines = lineStarts(text);
    function at(offset) { return position(text, lines, offset); }
    ws();
    if (i >= n) return { error: { line: 1, column: 1, message: "file is empty" } };
    try {
      var root = value("", 0);
      ws();
      if (i < n) throw new ParseError(i, "unexpected " + found() + " after the end of the JSON value");
      return { root: root, position: function (p) { return positions.has(p) ? at(positions.get(p)) : null; },
               keyPosition: function (p) { return keys.has(p) ? at(keys.get(p)) : null; } };
    } catch (e) {
      if (!(e instanceof ParseError)) throw e;
      var where = at(e.at);
      return { error: { line: where.line, column: where.column, message: e.message } };
    }
  }

  function hex4(c) { return ("000" + c.toString(16).toUpperCase()).slice(-4); }

  function lineStarts(text) {
    var starts = [0];
    for (var k = 0; k < text.length; k++) if (text.charCodeAt(k) === 10) starts.push(k + 1);
    return starts;
  }

  // 1-based line and column, columns in code points as editors (and docgen) count them; a
  // byte-order mark is not a column.
  function position(text, starts, offset) {
    var lo = 0, hi = starts.length - 1;
    while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (starts[mid] <= offset) lo = mid; else hi = mid - 1; }
    var start = lo === 0 && text.charCodeAt(0) === 0xFEFF && offset >= 1 ? 1 : starts[lo];
    var column = 1;
    for (var k = start; k < offset && k < text.length; k++) {
      var c = text.charCodeAt(k);
      if (!(c >= 0xDC00 && c <= 0xDFFF && k > start && text.charCodeAt(k - 1) >= 0xD800 && text.charCodeAt(k - 1) <= 0xDBFF)) column++;
    }
    return { line: lo + 1, column: column };
  }

  function escapeToken(t) { return t.replace(/~/g, "~0").replace(/\//g, "~1"); }
  function unescapeToken(t) { return t.replace(/~1/g, "/").replace(/~0/g, "~"); }
  function tokens(pointer) { return pointer === "" ? [] : pointer.slice(1).split("/").map(unescapeToken); }

  function valueAt(root, pointer) {
    var v = root;
    var path = tokens(pointer);
    for (var k = 0; k < path.length; k++) {
      if (v instanceof Map) { if (!v.has(path[k])) return undefined; v = v.get(path[k]); }
      else if (Array.isArray(v) && /^(0|[1-9][0-9]*)$/.test(path[k]) && +path[k] < v.length) v = v[+path[k]];
      else return undefined;
    }
    return v;
  }

  // --- The JSON Schema keywords docgen's generated schema uses (Evaluation.swift's order) -------

  var patterns = new Map();
  // Compiled once per page; a pattern this engine cannot compile is null (docgen's messages then
  // show the whole value, as BadParts does).
  function regex(source, flags) {
    var key = (flags || "u") + source;
    if (!patterns.has(key)) {
      try { patterns.set(key, new RegExp(source, flags || "u")); } catch (e) { patterns.set(key, null); }
    }
    return patterns.get(key);
  }

  function codePoints(s) { var count = 0; for (var _ of s) count++; return count; }

  function typeMatches(type, v) {
    switch (type) {
      case "string": return typeof v === "string";
      case "array": return Array.isArray(v);
      case "object": return v instanceof Map;
      case "boolean": return typeof v === "boolean";
      case "null": return v === null;
      case "integer": return v instanceof Num && (v.integer || Number.isInteger(v.value));
      case "number": return v instanceof Num;
    }
    return false;
  }

  function same(a, b) {
    if (a instanceof Num && b instanceof Num) return Number(a.value) === Number(b.value);
    return a === b;
  }

  // Errors carry the instance path as member positions and indices, which is how docgen sorts
  // them (ValidationError.sortedByInstance): by place in the document, then in report order.
  function evaluate(schema, root) {
    var errors = [];
    var quiet = 0;
    function report(node, keyword, message, path) {
      if (quiet > 0) return;
      errors.push({ pointer: path.pointer, order: path.order, keyword: keyword, schema: node, message: message });
    }
    function child(path, token, step) {
      return { pointer: path.pointer + "/" + escapeToken(String(token)), order: path.order.concat([step]) };
    }
    function node(s, v, path) {
      if (s === true) return true;
      if (s === false) return false;
      var valid = true;
      var didProperties = false;
      for (var keyword of Object.keys(s)) {
        var ok = true;
        switch (keyword) {
          case "type":
            ok = typeMatches(s.type, v);
            if (!ok) report(s, "type", "must be " + s.type, path);
            break;
          case "enum":
            ok = s.enum.some(function (e) { return same(e, v); });
            if (!ok) report(s, "enum", "must be one of: " + s.enum.join(", "), path);
            break;
          case "const":
            ok = same(s.const, v);
            if (!ok) report(s, "const", "must be " + s.const, path);
            break;
          case "maxLength":
            ok = typeof v !== "string" || codePoints(v) <= s.maxLength;
            if (!ok) report(s, "maxLength", "must be at most " + s.maxLength + (s.maxLength === 1 ? " character" : " characters"), path);
            break;
          case "pattern":
            ok = typeof v !== "string" || regex(s.pattern).test(v);
            if (!ok) report(s, "pattern", "must match the pattern " + s.pattern, path);
            break;
          case "required":
            if (v instanceof Map) {
              for (var name of s.required) {
                if (v.has(name)) continue;
                ok = false;
                if (quiet > 0) break;
                report(s, "required", "missing required property '" + name + "'", path);
              }
            }
            break;
          case "properties": case "additionalProperties":
            if (didProperties) continue;
            didProperties = true;
            ok = properties(s, v, path);
            break;
          case "items":
            if (Array.isArray(v)) {
              for (var k = 0; k < v.length; k++) {
                if (!node(s.items, v[k], child(path, k, k))) { ok = false; if (quiet > 0) break; }
              }
            }
            break;
          case "allOf":
            for (var branch of s.allOf) {
              if (!node(branch, v, path)) { ok = false; if (quiet > 0) break; }
            }
            break;
          case "not":
            quiet++;
            var matched = node(s.not, v, path);
            quiet--;
            ok = !matched;
            if (!ok) report(s, "not", "must not match the schema in 'not'", path);
            break;
          case "if":
            quiet++;
            var holds = node(s.if, v, path);
            quiet--;
            var next = holds ? s.then : s.else;
            ok = next === undefined || node(next, v, path);
            break;
          default:
            continue;
        }
        if (!ok) { valid = false; if (quiet > 0) break; }
      }
      return valid;
    }
    function properties(s, v, path) {
      if (!(v instanceof Map)) return true;
      var declared = s.properties || {};
      var valid = true;
      var names = Array.from(v.keys());
      if (s.additionalProperties === undefined) {
        for (var name of Object.keys(declared)) {
          var at = names.indexOf(name);
          if (at < 0) continue;
          if (!node(declared[name], v.get(name), child(path, name, at))) { valid = false; if (quiet > 0) return false; }
        }
        return valid;
      }
      names.forEach(function (name, at) {
        var rule = Object.prototype.hasOwnProperty.call(declared, name) ? declared[name] : s.additionalProperties;
        var here = child(path, name, at);
        if (rule === false) {
          valid = false;
          report(s, "additionalProperties", "property '" + name + "' is not allowed", here);
        } else if (!node(rule, v.get(name), here)) {
          valid = false;
        }
      });
      return valid;
    }
    node(schema, root, { pointer: "", order: [] });
    return errors.map(function (e, k) { return [e, k]; }).sort(function (a, b) {
      var x = a[0].order, y = b[0].order;
      for (var k = 0; k < Math.min(x.length, y.length); k++) if (x[k] !== y[k]) return x[k] - y[k];
      return x.length !== y.length ? x.length - y.length : a[1] - b[1];
    }).map(function (pair) { return pair[0]; });
  }

  // --- Messages (ConfigValidator.swift, BadParts.swift, URLCredentials.swift) -------------------

  function listed(items, conjunction) {
    if (items.length < 2) return items.join("");
    return items.slice(0, -1).join(", ") + " " + (conjunction || "and") + " " + items[items.length - 1];
  }

  // Characters as Swift counts them (grapheme clusters), where the runtime can segment text.
  var segmenter = typeof Intl !== "undefined" && Intl.Segmenter ? new Intl.Segmenter() : null;
  function characters(s) {
    if (!segmenter || /^[\x20-\x7e]*$/.test(s)) return codePoints(s);
    var count = 0;
    for (var _ of segmenter.segment(s)) count++;
    return count;
  }

  var parameterPatterns = new Map();
  function parameterPattern(parameterNames) {
    var key = parameterNames.join("|");
    if (!parameterPatterns.has(key)) {
      var names = parameterNames.map(function (p) { return p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }).join("|");
      parameterPatterns.set(key, new RegExp("(^|[?&;#]|%3[fF]|%26)((?:" + names + ")(?:=|%3[dD]))([^&;#\\s]*?)(?=$|[&;#\\s]|%26)", "gi"));
    }
    return parameterPatterns.get(key);
  }

  function maskCredentials(text, parameterNames) {
    if (!/@|%40|=|%3[dD]/.test(text)) return text;
    var out = text.replace(/([a-zA-Z][a-zA-Z0-9+.-]*(?::|%3[aA])(?:\/\/|%2[fF]%2[fF]))([^/?#@\s]*?)(@|%40)/g, "$1***$3");
    return out.replace(parameterPattern(parameterNames), "$1$2***");
  }

  function badParts(value, pattern, parameterNames) {
    var re = regex(pattern, "gu");
    if (!re) return null;
    var text = maskCredentials(value, parameterNames);
    var masked = text !== value;
    var parts = [];
    for (var match of text.matchAll(re)) {
      var part = match.length > 1 && match[1] !== undefined ? match[1] : match[0];
      if (part === "" || (masked && /^\*+$/.test(part))) continue;
      if (parts.indexOf(part) < 0) parts.push(part);
    }
    if (parts.length === 0) return null;
    var shown = 8;
    var quoted = parts.slice(0, shown).map(function (p) { return "'" + p + "'"; });
    if (parts.length > shown) quoted.push((parts.length - shown) + " more");
    var context = parts.every(function (p) { return characters(p) === 1; }) && characters(text) <= 40 ? " in '" + text + "'" : "";
    return listed(quoted) + context;
  }

  // A Double as Swift prints it: shortest digits, ".0" on whole numbers, exponents of two digits.
  function swiftDouble(d) {
    var magnitude = Math.abs(d);
    if (d === 0) return Object.is(d, -0) ? "-0.0" : "0.0";
    if (magnitude >= 1e16 || magnitude < 1e-4) {
      return d.toExponential().replace(/e([+-])(\d)$/, "e$10$2").replace(/^(-?\d+)e/, "$1e");
    }
    var s = String(d);
    return Number.isInteger(d) ? s + ".0" : s;
  }

  function nearestName(name, known) {
    function distance(a, b) {
      a = Array.from(a); b = Array.from(b);
      if (!a.length) return b.length;
      if (!b.length) return a.length;
      var row = [];
      for (var j = 0; j <= b.length; j++) row.push(j);
      for (var i = 1; i <= a.length; i++) {
        var previous = row[0];
        row[0] = i;
        for (var k = 1; k <= b.length; k++) {
          var current = row[k];
          row[k] = Math.min(row[k] + 1, row[k - 1] + 1, previous + (a[i - 1] === b[k - 1] ? 0 : 1));
          previous = current;
        }
      }
      return row[b.length];
    }
    var close = known.filter(function (k) {
      return name.indexOf(k) >= 0 || k.indexOf(name) >= 0 || distance(k, name) <= Math.max(2, Math.floor(characters(name) / 2));
    });
    close.sort(function (a, b) { return distance(a, name) - distance(b, name) || (a < b ? -1 : a > b ? 1 : 0); });
    return close.length ? close[0] : null;
  }

  // What the schema says about fields: labels, secrets (FieldLabels.swift, SecretPolicy.swift).
  function schemaFacts(schema) {
    var titles = {}, writeOnly = {}, known = [];
    Object.keys(schema.properties || {}).forEach(function (key) {
      var p = schema.properties[key];
      known.push(key);
      if (typeof p.title === "string") titles[key] = p.title;
      if (p.writeOnly === true) writeOnly[key] = true;
    });
    var byProvider = {};
    (schema.allOf || []).forEach(function (branch) {
      var type = branch.if && branch.if.properties && branch.if.properties.provider_type && branch.if.properties.provider_type.const;
      if (typeof type !== "string" || !branch.then) return;
      var props = branch.then.properties || {};
      Object.keys(props).forEach(function (key) {
        if (typeof props[key].title === "string") (byProvider[type] = byProvider[type] || {})[key] = props[key].title;
      });
    });
    return {
      fields: Object.keys(titles).sort(),
      isSecret: function (pointer) {
        var first = tokens(pointer)[0];
        if (first === undefined) return true;
        return writeOnly[first] === true || (known.length > 0 && known.indexOf(first) < 0);
      },
      label: function (pointer, root) {
        var path = tokens(pointer);
        if (!path.length) return null;
        var provider = root instanceof Map ? root.get("provider_type") : undefined;
        var title = (typeof provider === "string" && byProvider[provider] && byProvider[provider][path[0]]) || titles[path[0]];
        if (!title) return null;
        if (path.length === 2 && /^\d+$/.test(path[1])) return title + ", item " + (+path[1] + 1);
        return title;
      },
    };
  }

  function typeMessage(type, found) {
    if (type === "string") {
      if (found instanceof Num && found.integer) return "must be text in double quotes, even a number: write \"" + found.value.toString() + "\"";
      if (found === null) return "must be text in double quotes; to leave the field out, remove its key";
      return "must be text in double quotes";
    }
    if (type === "array") return "must be a list in square brackets, as in [\"manifest.jsonl\"]";
    if (type === "object") return "must be an object of keys and values in braces, { … }";
    return null;
  }

  function shownValue(v, pointer, facts, parameterNames) {
    if (pointer === "") {
      if (typeof v === "string") return "a text";
      if (Array.isArray(v)) return "a list";
      if (v instanceof Map) return "an object";
      return "a single value";
    }
    if (facts.isSecret(pointer)) return null;
    if (typeof v === "string") {
      var shown = maskCredentials(v, parameterNames);
      return characters(shown) <= 80 ? "'" + shown + "'" : "a text of " + characters(v) + " characters";
    }
    if (v instanceof Num) return "the number " + (v.integer ? v.value.toString() : swiftDouble(v.value));
    if (typeof v === "boolean") return v ? "true" : "false";
    if (v === null) return "null";
    if (Array.isArray(v)) return "a list";
    return "an object";
  }

  function foundText(error, root, facts, parameterNames) {
    var v = valueAt(root, error.pointer);
    if (v === undefined) return null;
    if (typeof v === "string" && error.pointer !== "") {
      if (error.keyword === "maxLength" || error.keyword === "minLength" || error.schema["x-docgen-found"] === "length") {
        return codePoints(v) + " characters";
      }
      var part = error.schema["x-docgen-part"];
      if (!facts.isSecret(error.pointer) && typeof part === "string") {
        var parts = badParts(v, part, parameterNames);
        if (parts) return parts;
      }
    }
    return shownValue(v, error.pointer, facts, parameterNames);
  }

  function describe(error, document, facts, parameterNames) {
    var root = document.root;
    var custom = typeof error.schema["x-docgen-message"] === "string" ? error.schema["x-docgen-message"] : null;
    if (error.keyword === "required") {
      var object = valueAt(root, error.pointer);
      var where = document.at(error.pointer);
      return (error.schema.required || []).filter(function (name) { return !(object instanceof Map && object.has(name)); }).map(function (name) {
        var pointer = error.pointer + "/" + escapeToken(name);
        return { pointer: pointer, line: where.line, column: where.column, keyword: "required",
                 message: "missing: " + (custom || "every config needs " + name), label: facts.label(pointer, root) };
      });
    }
    if (error.keyword === "additionalProperties") {
      var key = document.keyAt(error.pointer);
      var name = tokens(error.pointer).pop() || "";
      var normalized = name.toLowerCase().replace(/-/g, "_");
      var guess = facts.fields.indexOf(normalized) >= 0 ? normalized : nearestName(normalized, facts.fields);
      return [{ pointer: error.pointer, line: key.line, column: key.column, keyword: error.keyword, label: null,
                message: "unknown key '" + name + "': CVAT's form has no such field (its value is not shown, in case it is a secret)" +
                         (guess ? "; did you mean '" + guess + "'?" : "") }];
    }
    var at = document.at(error.pointer);
    var message = custom || (error.keyword === "type" ? typeMessage(error.schema.type, valueAt(root, error.pointer)) : null) || error.message;
    var found = foundText(error, root, facts, parameterNames);
    if (found) message += "; found " + found;
    return [{ pointer: error.pointer, line: at.line, column: at.column, keyword: error.keyword, message: message,
              label: facts.label(error.pointer, root) }];
  }

  // A value of the wrong type breaks every rule written for the right one: only the type error
  // is its problem.
  function rootCauses(problems) {
    var mistyped = problems.filter(function (p) { return p.keyword === "type"; }).map(function (p) { return p.pointer; });
    if (!mistyped.length) return problems;
    return problems.filter(function (p) {
      return p.keyword === "type" || !mistyped.some(function (m) { return p.pointer === m || p.pointer.indexOf(m + "/") === 0; });
    });
  }

  // Parser messages quote what they stopped at, which may be part of a secret: anything but a
  // single JSON punctuation mark becomes "other text" (SecretSafeText.swift).
  function safeParseMessage(message) {
    var punctuation = "{}[]:,\"'";
    var out = "", i = 0, chars = Array.from(message);
    while (i < chars.length) {
      if (chars[i] !== "'") { out += chars[i++]; continue; }
      var start = i + 1, end = start + 1;
      while (end < chars.length && chars[end] !== "'") end++;
      if (end >= chars.length) { out += chars.slice(i).join(""); break; }
      var quoted = chars.slice(start, end);
      var before = chars.slice(0, i).join("");
      var quotesInput = /(found |unexpected )$/.test(before);
      if (!quotesInput || (quoted.length === 1 && punctuation.indexOf(quoted[0]) >= 0)) out += chars.slice(i, end + 1).join("");
      else out += "other text";
      i = end + 1;
    }
    return out;
  }

  // A checker for one schema: check(text) or checkValue(value) → { valid, problems }.
  function checker(schema, parameterNames) {
    var facts = schemaFacts(schema);
    function run(root, at, keyAt) {
      var document = { root: root, at: at, keyAt: keyAt };
      var problems = [], seen = new Set();
      evaluate(schema, root).forEach(function (error) {
        describe(error, document, facts, parameterNames).forEach(function (p) {
          var id = p.pointer + "\u0000" + p.message;
          if (!seen.has(id)) { seen.add(id); problems.push(p); }
        });
      });
      problems = rootCauses(problems);
      return { valid: problems.length === 0, problems: problems };
    }
    return {
      facts: facts,
      check: function (text) {
        var parsed = parseJSON(text);
        if (parsed.error) {
          var e = parsed.error;
          return { valid: false, problems: [{ pointer: "", line: e.line, column: e.column, keyword: "parse", label: null,
                                              message: safeParseMessage(e.message) }] };
        }
        function at(pointer) {
          for (var p = pointer; ; p = p.slice(0, p.lastIndexOf("/"))) {
            var found = parsed.position(p);
            if (found) return found;
            if (p === "") return { line: 1, column: 1 };
          }
        }
        return run(parsed.root, at, function (pointer) { return parsed.keyPosition(pointer) || at(pointer); });
      },
      // For the form, whose values have no text: every position is 1:1.
      checkValue: function (root) {
        function one() { return { line: 1, column: 1 }; }
        return run(root, one, one);
      },
    };
  }

  // The config a form's values make (a Map, in the catalog's order), as JSON text: with secrets
  // for copying and downloading, masked for the preview until the user asks to see them.
  function configText(config, isSecret, reveal) {
    var lines = [];
    config.forEach(function (v, key) {
      var shown = isSecret("/" + escapeToken(key)) && !reveal && v !== "" ? "\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022" : v;
      lines.push("  " + JSON.stringify(key) + ": " + JSON.stringify(shown));
    });
    return lines.length ? "{\n" + lines.join(",\n") + "\n}\n" : "{}\n";
  }

  return { parseJSON: parseJSON, evaluate: evaluate, checker: checker, maskCredentials: maskCredentials,
           configText: configText, Num: Num };
})();

if (typeof module === "object" && module.exports) {
  module.exports = DocgenStorageCheck;
}

// --- The form (browser only) --------------------------------------------------------------------
// Built with createElement and textContent only: catalog text and user input never become markup.

(function () {
  if (typeof document === "undefined") return;

  function el(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function start(box) {
    var source = box.querySelector("script.storage-form-data");
    if (!source) return;
    var data = JSON.parse(source.textContent);
    var check = DocgenStorageCheck.checker(data.schema, data.maskedParameters);
    var prefix = box.id || "storage-form";
    var providers = data.providers;
    var provider = providers.filter(function (p) { return p.id === box.getAttribute("data-provider"); })[0] || providers[0];
    var touched = {};
    var inputs = {};
    var reveal = false;

    var form = el("form", { class: "sf-form", "aria-label": "Cloud-storage config", novalidate: "" });
    form.addEventListener("submit", function (event) { event.preventDefault(); });

    function row(key, label, control, help, limits) {
      var id = prefix + "-" + key;
      var wrapper = el("div", { class: "sf-field", "data-field": key });
      wrapper.appendChild(el("label", { for: id }, label));
      control.id = id;
      var described = [];
      var line = el("div", { class: "sf-control" });
      line.appendChild(control);
      wrapper.appendChild(line);
      var error = el("p", { class: "sf-error", id: id + "-error", hidden: "" });
      wrapper.appendChild(error);
      described.push(error.id);
      if (help) { wrapper.appendChild(el("p", { class: "sf-help", id: id + "-help" }, help)); described.push(id + "-help"); }
      var limitList = el("ul", { class: "sf-limits", id: id + "-limits" });
      wrapper.appendChild(limitList);
      described.push(limitList.id);
      control.setAttribute("aria-describedby", described.join(" "));
      inputs[key] = { wrapper: wrapper, control: control, error: error, limits: limitList, label: wrapper.firstChild };
      return wrapper;
    }

    function select(options) {
      var s = el("select");
      options.forEach(function (o) { s.appendChild(el("option", { value: o[0] }, o[1])); });
      return s;
    }

    var providerSelect = select(providers.map(function (p) { return [p.id, p.name]; }));
    providerSelect.value = provider.id;
    form.appendChild(row("provider_type", fieldInfo("provider_type").label, providerSelect, null));
    var note = el("p", { class: "sf-note", hidden: "" });
    form.appendChild(note);
    form.appendChild(row("credentials_type", fieldInfo("credentials_type").label, el("select"), null));

    data.fields.forEach(function (field) {
      if (field.key === "provider_type" || field.key === "credentials_type") return;
      var control;
      if (field.array) {
        control = el("textarea", { rows: "2", spellcheck: "false", autocomplete: "off" });
      } else {
        control = el("input", { type: field.secret ? "password" : "text", spellcheck: "false", autocomplete: "off" });
        if (field.secret) control.setAttribute("autocapitalize", "off");
      }
      var wrapper = row(field.key, field.label, control, null);
      if (field.secret) {
        var toggle = el("button", { type: "button", class: "sf-reveal", "aria-pressed": "false", "aria-controls": control.id }, "Show");
        toggle.setAttribute("aria-label", "Show " + field.label);
        toggle.addEventListener("click", function () {
          var shown = control.type === "password";
          control.type = shown ? "text" : "password";
          toggle.setAttribute("aria-pressed", String(shown));
          toggle.textContent = shown ? "Hide" : "Show";
        });
        wrapper.querySelector(".sf-control").appendChild(toggle);
      }
      form.appendChild(wrapper);
    });

    function fieldInfo(key) { return data.fields.filter(function (f) { return f.key === key; })[0]; }

    var summary = el("p", { class: "sf-summary", role: "status", "aria-live": "polite" });
    var checkAll = el("button", { type: "button", class: "sf-button" }, "Check every field");
    checkAll.addEventListener("click", function () { data.fields.forEach(function (f) { touched[f.key] = true; }); update(); });
    form.appendChild(checkAll);
    form.appendChild(summary);

    // The config and what to do with it.
    var output = el("div", { class: "sf-output" });
    output.appendChild(el("p", { class: "sf-heading" }, "The config"));
    var preview = el("pre", { class: "sf-preview", id: prefix + "-preview", tabindex: "0", "aria-label": "The config as JSON" });
    var revealBox = el("input", { type: "checkbox", id: prefix + "-reveal" });
    var revealLabel = el("label", { for: revealBox.id, class: "sf-check" });
    revealLabel.appendChild(revealBox);
    revealLabel.appendChild(document.createTextNode(" Show secrets in the preview"));
    revealBox.addEventListener("change", function () { reveal = revealBox.checked; update(); });
    var copy = el("button", { type: "button", class: "sf-button" }, "Copy");
    var download = el("button", { type: "button", class: "sf-button" }, "Download");
    var outputStatus = el("p", { class: "sf-status", role: "status", "aria-live": "polite" });
    var actions = el("div", { class: "sf-actions" });
    actions.appendChild(copy);
    actions.appendChild(download);
    output.appendChild(revealLabel);
    output.appendChild(preview);
    output.appendChild(actions);
    output.appendChild(outputStatus);
    copy.addEventListener("click", function () {
      if (!navigator.clipboard) { outputStatus.textContent = "This page cannot copy here (it needs https); use Download."; return; }
      navigator.clipboard.writeText(configText(true)).then(function () { outputStatus.textContent = "Copied, secrets included."; },
        function () { outputStatus.textContent = "The browser refused to copy; use Download."; });
    });
    download.addEventListener("click", function () {
      var url = URL.createObjectURL(new Blob([configText(true)], { type: "application/json" }));
      var link = el("a", { href: url, download: "cloud-storage.json" });
      link.click();
      setTimeout(function () { URL.revokeObjectURL(url); }, 0);
      outputStatus.textContent = "Saved as cloud-storage.json, secrets included.";
    });

    // The paste box: an existing config, checked as text, problems at line:col.
    var paste = el("div", { class: "sf-paste" });
    var pasteId = prefix + "-paste";
    paste.appendChild(el("label", { for: pasteId, class: "sf-heading" }, "Check a config"));
    paste.appendChild(el("p", { class: "sf-help", id: pasteId + "-help" },
      "Paste a JSON config. It is checked here, in the page, as docgen validate checks it, and is not sent or kept anywhere."));
    var pasteText = el("textarea", { id: pasteId, rows: "10", spellcheck: "false", autocomplete: "off", class: "sf-paste-text",
                                     "aria-describedby": pasteId + "-help " + pasteId + "-problems" });
    var pasteProblems = el("ul", { class: "sf-problems", id: pasteId + "-problems", "aria-live": "polite" });
    var pasteVerdict = el("p", { class: "sf-summary", role: "status" });
    paste.appendChild(pasteText);
    paste.appendChild(pasteVerdict);
    paste.appendChild(pasteProblems);
    var pending = 0;
    pasteText.addEventListener("input", function () { clearTimeout(pending); pending = setTimeout(checkPasted, 150); });

    function offsetOf(text, line, column) {
      var lines = text.split("\n");
      var offset = 0;
      for (var k = 0; k < line - 1 && k < lines.length; k++) offset += lines[k].length + 1;
      var rest = Array.from((lines[line - 1] || "").replace(/^\uFEFF/, ""));
      return offset + (line === 1 && text.charCodeAt(0) === 0xFEFF ? 1 : 0) + rest.slice(0, column - 1).join("").length;
    }

    function checkPasted() {
      pasteProblems.textContent = "";
      var text = pasteText.value;
      if (!text.trim()) { pasteVerdict.textContent = ""; pasteText.removeAttribute("aria-invalid"); return; }
      var result = check.check(text);
      pasteText.setAttribute("aria-invalid", String(!result.valid));
      pasteVerdict.textContent = result.valid ? "Valid: docgen validate accepts this config."
        : result.problems.length + (result.problems.length === 1 ? " problem" : " problems") + ":";
      result.problems.forEach(function (p) {
        var item = el("li", { "data-pointer": p.pointer, "data-line": String(p.line), "data-column": String(p.column) });
        var place = el("button", { type: "button", class: "sf-place" }, p.line + ":" + p.column);
        place.setAttribute("aria-label", "Go to line " + p.line + ", column " + p.column);
        place.addEventListener("click", function () {
          var at = offsetOf(pasteText.value, p.line, p.column);
          pasteText.focus();
          pasteText.setSelectionRange(at, at + 1);
        });
        item.appendChild(place);
        var subject = p.keyword === "parse" || p.pointer === "" ? "" : (p.label ? p.label + " (" + p.pointer + ")" : p.pointer) + ": ";
        item.appendChild(document.createTextNode(" " + subject + p.message));
        pasteProblems.appendChild(item);
      });
    }

    // The form's values as a config, in the catalog's order; only what the chosen provider and
    // authentication type use.
    function visibleKeys() {
      var type = inputs.credentials_type.control.value;
      var credentials = provider.credentials.filter(function (c) { return c.type === type; })[0] || { required: [], optional: [] };
      return data.fields.map(function (f) { return f.key; }).filter(function (key) {
        if (data.credentialFields.indexOf(key) < 0) return true;
        return credentials.required.indexOf(key) >= 0 || credentials.optional.indexOf(key) >= 0;
      });
    }

    function config() {
      var type = inputs.credentials_type.control.value;
      var credentials = provider.credentials.filter(function (c) { return c.type === type; })[0] || { required: [], optional: [] };
      var values = new Map();
      visibleKeys().forEach(function (key) {
        var field = fieldInfo(key);
        if (key === "provider_type") { values.set(key, provider.providerType); return; }
        var raw = inputs[key].control.value;
        if (field.array) {
          var items = raw.split("\n").map(function (s) { return s.replace(/\r$/, ""); }).filter(function (s) { return s !== ""; });
          if (items.length) values.set(key, items);
          return;
        }
        if (raw === "" && !field.required && credentials.required.indexOf(key) < 0) return;
        values.set(key, raw);
      });
      return values;
    }

    function configText(withSecrets) {
      return DocgenStorageCheck.configText(config(), check.facts.isSecret, withSecrets);
    }

    function showProvider() {
      provider = providers.filter(function (p) { return p.id === providerSelect.value; })[0];
      var typeSelect = inputs.credentials_type.control;
      var previous = typeSelect.value;
      typeSelect.textContent = "";
      provider.credentials.forEach(function (c) { typeSelect.appendChild(el("option", { value: c.type }, c.label)); });
      if (provider.credentials.some(function (c) { return c.type === previous; })) typeSelect.value = previous;
      note.hidden = !provider.note;
      note.textContent = provider.note || "";
      Object.keys(inputs).forEach(function (key) {
        var info = provider.fields[key];
        if (!info) return;
        inputs[key].label.textContent = info.label;
        var help = inputs[key].wrapper.querySelector(".sf-help");
        if (!help) {
          help = el("p", { class: "sf-help", id: inputs[key].control.id + "-help" });
          inputs[key].wrapper.insertBefore(help, inputs[key].limits);
          inputs[key].control.setAttribute("aria-describedby", inputs[key].control.getAttribute("aria-describedby") + " " + help.id);
        }
        help.textContent = info.help;
        inputs[key].limits.textContent = "";
        info.limits.forEach(function (text) { inputs[key].limits.appendChild(el("li", {}, text)); });
        inputs[key].limits.hidden = info.limits.length === 0;
      });
    }

    function update() {
      var shown = visibleKeys();
      Object.keys(inputs).forEach(function (key) { inputs[key].wrapper.hidden = shown.indexOf(key) < 0; });
      var values = config();
      var result = check.checkValue(values);
      var byField = {};
      result.problems.forEach(function (p) {
        var key = p.pointer.split("/")[1] || "";
        (byField[key] = byField[key] || []).push(p.message);
      });
      Object.keys(inputs).forEach(function (key) {
        var entry = inputs[key];
        var messages = touched[key] ? byField[key] || [] : [];
        entry.error.textContent = messages.join("\n");
        entry.error.hidden = messages.length === 0;
        if (messages.length) entry.control.setAttribute("aria-invalid", "true");
        else entry.control.removeAttribute("aria-invalid");
      });
      var waiting = result.problems.filter(function (p) { return !touched[p.pointer.split("/")[1]]; }).length;
      summary.textContent = result.valid ? "Valid: docgen validate accepts this config."
        : result.problems.length + (result.problems.length === 1 ? " problem" : " problems") +
          (waiting ? " (" + waiting + " in fields not filled in yet)" : "") + ".";
      preview.textContent = configText(reveal);
    }

    form.addEventListener("input", function (event) {
      var key = event.target.closest("[data-field]").getAttribute("data-field");
      touched[key] = true;
      if (key === "provider_type") showProvider();
      update();
    });
    form.addEventListener("change", function (event) {
      var key = event.target.closest("[data-field]").getAttribute("data-field");
      touched[key] = true;
      if (key === "provider_type") showProvider();
      update();
    });

    box.appendChild(form);
    box.appendChild(output);
    box.appendChild(paste);
    showProvider();
    update();
    box.hidden = false;
    box.classList.add("is-ready");
  }

  function startAll() { Array.prototype.forEach.call(document.querySelectorAll(".storage-form"), start); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", startAll);
  else startAll();
})();
