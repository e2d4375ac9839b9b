#!/usr/bin/env node
// Built by scripts/bundle.mjs --standalone from src/cli.ts; inputs sha256 1668ed3f5ec9a458a5a26fa3d77d0750aa5406d5d92ad3964ee16acc1b4b9309
"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// scripts/import-meta-url.js
var import_node_url, importMetaUrl;
var init_import_meta_url = __esm({
  "scripts/import-meta-url.js"() {
    "use strict";
    import_node_url = require("node:url");
    importMetaUrl = (0, import_node_url.pathToFileURL)(__filename).href;
  }
});

// ../sdk/dist/key-format.js
function isHexCode(c) {
  return c >= CC_0 && c <= CC_9 || c >= CC_a && c <= CC_f || c >= CC_A && c <= CC_F;
}
function isAlnumCode(c) {
  return c >= CC_0 && c <= CC_9 || c >= CC_a && c <= CC_z || c >= CC_A && c <= CC_Z;
}
function leftBoundaryAt(text, start) {
  if (start === 0)
    return true;
  const c = text.charCodeAt(start - 1);
  if (!isAlnumCode(c))
    return true;
  if (start >= 2 && text.charCodeAt(start - 2) === CC_BACKSLASH && ESCAPE_LETTERS.includes(text[start - 1])) {
    return true;
  }
  return hexEscapeEndsAt(text, start, "%", 2) || hexEscapeEndsAt(text, start, "\\x", 2) || hexEscapeEndsAt(text, start, "\\u", 4);
}
function hexEscapeEndsAt(text, end, introducer, digits) {
  const at = end - digits - introducer.length;
  if (at < 0 || !text.startsWith(introducer, at))
    return false;
  for (let k = end - digits; k < end; k++)
    if (!isHexCode(text.charCodeAt(k)))
      return false;
  return true;
}
function prefixAt(text, i) {
  if (text.startsWith("live_", i + 3))
    return "live";
  if (text.startsWith("sandbox_", i + 3))
    return "sandbox";
  return null;
}
function isPlaceholderHex(text, start, length) {
  let seen = 0;
  let distinct = 0;
  for (let i = start; i < start + length; i++) {
    let c = text.charCodeAt(i);
    if (c >= CC_A && c <= CC_F)
      c += 32;
    const bit = c <= CC_9 ? c - CC_0 : c - CC_a + 10;
    if ((seen & 1 << bit) === 0) {
      seen |= 1 << bit;
      distinct++;
    }
  }
  if (distinct < 6)
    return true;
  for (let period = 1; period <= length / 2; period++) {
    let periodic = true;
    for (let i = start + period; i < start + length; i++) {
      if ((text.charCodeAt(i) | 32) !== (text.charCodeAt(i - period) | 32)) {
        periodic = false;
        break;
      }
    }
    if (periodic)
      return true;
  }
  return false;
}
function findKeys(text, options) {
  let i = text.indexOf(KEY_MARKER, options?.from ?? 0);
  if (i === -1)
    return NO_MATCHES;
  const wantMalformed = options?.malformed ?? true;
  let out = null;
  const n = text.length;
  while (i !== -1) {
    const env2 = prefixAt(text, i);
    if (env2 === null || !leftBoundaryAt(text, i)) {
      i = text.indexOf(KEY_MARKER, i + 3);
      continue;
    }
    const bodyStart = i + KEY_PREFIXES[env2].length;
    let j = bodyStart;
    while (j < n && isHexCode(text.charCodeAt(j)))
      j++;
    const hexLength = j - bodyStart;
    let end = j;
    while (end < n && isAlnumCode(text.charCodeAt(end)))
      end++;
    let kind = null;
    if (hexLength === KEY_HEX_LENGTH && end === j) {
      if (!isPlaceholderHex(text, bodyStart, hexLength))
        kind = "key";
    } else if (wantMalformed && hexLength >= MALFORMED_MIN_HEX_LENGTH && !isDisplayCut(text, j, end)) {
      if (!isPlaceholderHex(text, bodyStart, Math.min(hexLength, KEY_HEX_LENGTH)))
        kind = "malformed";
    }
    if (kind !== null) {
      out ??= [];
      out.push({
        kind,
        environment: env2,
        index: i,
        length: end - i,
        keyPrefix: text.slice(i, bodyStart + KEY_PREFIX_HEX_LENGTH)
      });
    }
    i = text.indexOf(KEY_MARKER, Math.max(end, i + 3));
  }
  return out ?? NO_MATCHES;
}
function isDisplayCut(text, hexEnd, end) {
  let x = hexEnd;
  while (x < end && (text.charCodeAt(x) | 32) === 120)
    x++;
  if (x === end && end > hexEnd)
    return true;
  if (end > hexEnd)
    return false;
  const c = text[end];
  if (c === "…" || c === "*" || c === "•")
    return true;
  if (c === ".")
    return text[end + 1] === ".";
  return false;
}
function describe(environment) {
  return environment === null ? "A DHMAD key" : `A ${environment} key (${KEY_PREFIXES[environment]}...)`;
}
function validateKey(value) {
  const fail2 = (problem, environment2, message) => ({
    valid: false,
    problem,
    environment: environment2,
    message
  });
  if (typeof value !== "string" || value.length === 0) {
    return fail2("missing", null, "No DHMAD API key was given. Pass `apiKey` or set the DHMAD_API_KEY environment variable.");
  }
  const trimmed = value.trim();
  const envOf = (s) => s.startsWith(KEY_PREFIXES.live) ? "live" : s.startsWith(KEY_PREFIXES.sandbox) ? "sandbox" : null;
  if (trimmed !== value) {
    const where = /^\s/.test(value) ? /\s$/.test(value) ? "leading and trailing" : "leading" : "trailing";
    return fail2("whitespace", envOf(trimmed), `The DHMAD API key has ${where} whitespace (often a newline from copying or from \`echo\`). Remove it where the key is stored; keys are never trimmed automatically.`);
  }
  if (value.length >= 2 && QUOTES.includes(value[0]) && QUOTES.includes(value[value.length - 1])) {
    return fail2("quoted", envOf(value.slice(1, -1)), "The DHMAD API key is wrapped in quotes. Remove the quotes where the key is stored (in a .env file, write KEY=sk_... without quotes, or make sure your loader strips them).");
  }
  const environment = envOf(value);
  if (environment === null) {
    return fail2("unknown_prefix", null, `The value is not a DHMAD secret key: keys start with ${KEY_PREFIXES.live} or ${KEY_PREFIXES.sandbox}. Copy the key from developer.dhmad.tn.`);
  }
  const body = value.slice(KEY_PREFIXES[environment].length);
  for (let k = 0; k < body.length; k++) {
    if (!isHexCode(body.charCodeAt(k))) {
      return fail2("not_hex", environment, `${describe(environment)} must be followed by 64 hex characters (0-9, a-f); this one has other characters. It may be a placeholder or damaged in copying.`);
    }
  }
  if (body.length !== KEY_HEX_LENGTH) {
    return fail2("wrong_length", environment, `${describe(environment)} has 64 hex characters after the prefix; this one has ${body.length}. It was probably truncated or mangled while copying.`);
  }
  if (isPlaceholderHex(body, 0, body.length)) {
    return fail2("placeholder", environment, `${describe(environment)} here looks like a placeholder (repeating or low-variety characters), not a real secret. Use a key from developer.dhmad.tn.`);
  }
  return { valid: true, environment, keyPrefix: value.slice(0, KEY_PREFIXES[environment].length + KEY_PREFIX_HEX_LENGTH) };
}
function redactText(text) {
  if (!MARKER_ANY_CASE.test(text))
    return text;
  return text.replace(REVEALING, "$1…");
}
function revealsKey(text) {
  return MARKER_ANY_CASE.test(text) && redactText(text) !== text;
}
function redactJson(value) {
  if (typeof value === "string")
    return redactText(value);
  if (Array.isArray(value))
    return value.map(redactJson);
  if (value !== null && typeof value === "object" && isPlainObject(value)) {
    const out = {};
    for (const [k, v] of Object.entries(value)) {
      Object.defineProperty(out, redactText(k), { value: redactJson(v), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}
function isPlainObject(value) {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
var KEY_PREFIXES, KEY_MARKER, KEY_HEX_LENGTH, KEY_PREFIX_HEX_LENGTH, MALFORMED_MIN_HEX_LENGTH, CC_0, CC_9, CC_A, CC_F, CC_Z, CC_a, CC_f, CC_z, CC_BACKSLASH, KEY_LEFT_CONTEXT, ESCAPE_LETTERS, NO_MATCHES, QUOTES, REVEALING, MARKER_ANY_CASE;
var init_key_format = __esm({
  "../sdk/dist/key-format.js"() {
    "use strict";
    init_import_meta_url();
    KEY_PREFIXES = Object.freeze({
      live: "sk_live_",
      sandbox: "sk_sandbox_"
    });
    KEY_MARKER = "sk_";
    KEY_HEX_LENGTH = 64;
    KEY_PREFIX_HEX_LENGTH = 6;
    MALFORMED_MIN_HEX_LENGTH = 20;
    CC_0 = 48;
    CC_9 = 57;
    CC_A = 65;
    CC_F = 70;
    CC_Z = 90;
    CC_a = 97;
    CC_f = 102;
    CC_z = 122;
    CC_BACKSLASH = 92;
    KEY_LEFT_CONTEXT = 6;
    ESCAPE_LETTERS = "nrtbfvx0";
    NO_MATCHES = Object.freeze([]);
    QUOTES = `"'\``;
    REVEALING = /(sk_(?:live|sandbox)_[0-9a-f]{6})[0-9a-f]+/gi;
    MARKER_ANY_CASE = /sk_/i;
  }
});

// src/errors.ts
var ScanError;
var init_errors = __esm({
  "src/errors.ts"() {
    "use strict";
    init_import_meta_url();
    init_key_format();
    ScanError = class extends Error {
      name = "ScanError";
      constructor(message) {
        super(redactText(message));
      }
    };
  }
});

// src/findings.ts
function keyDigest(keyText) {
  return hash("dhmad-scan key", keyText);
}
function keyFinding(hit, file, commit, where = "") {
  const ruleId = hit.kind === "malformed" ? "malformed-key" : hit.environment === "live" ? "live-key" : "sandbox-key";
  const what = hit.kind === "malformed" ? `Possibly truncated or mangled ${hit.environment} key ${hit.keyPrefix}…` : `${hit.environment === "live" ? "Live" : "Sandbox"} secret key ${hit.keyPrefix}…`;
  const shown = shownPath(file);
  return {
    ruleId,
    severity: RULES[ruleId].severity,
    file: shown,
    line: hit.line,
    column: hit.column,
    environment: hit.environment,
    keyPrefix: hit.keyPrefix,
    commit,
    fingerprint: hash(hit.digest, shown).slice(0, 32),
    message: `${what}${where}${commit ? ` (introduced in ${commit.slice(0, 12)})` : ""}`
  };
}
function nameFindings(file, commit) {
  const out = [];
  for (const m of findKeys(file, { malformed: true })) {
    const hit = { kind: m.kind, environment: m.environment, keyPrefix: m.keyPrefix, digest: keyDigest(file.slice(m.index, m.index + m.length)), line: null, column: null };
    out.push(keyFinding(hit, file, commit, " in the file name"));
  }
  return out;
}
function fileFinding(ruleId, severity, file, message) {
  const shown = shownPath(file);
  return {
    ruleId,
    severity,
    file: shown,
    line: null,
    column: null,
    environment: null,
    keyPrefix: null,
    commit: null,
    fingerprint: hash(ruleId, shown).slice(0, 32),
    message: redactText(message)
  };
}
function envFinding(kind, file, missing = []) {
  switch (kind) {
    case "env-tracked":
      return fileFinding(
        "env-tracked",
        "error",
        file,
        `${file} is tracked by git. Remove it from the index (git rm --cached -- ${pathspecArgument(file)}), ignore it, and regenerate the keys it held.`
      );
    case "env-not-ignored":
      return fileFinding(
        "env-not-ignored",
        "error",
        file,
        `${file} is not ignored by the repository's .gitignore, so \`git add .\` would commit it. Add it to .gitignore (dhmad-scan --fix does).`
      );
    case "env-unprotected":
      return fileFinding(
        "env-not-ignored",
        "warning",
        file,
        `The repository's .gitignore does not ignore ${missing.join(" or ")}; a .env file created later would be committed by \`git add .\`. Add .env and .env.* to .gitignore (dhmad-scan --fix does).`
      );
  }
}
function pathspecArgument(file) {
  const spec = shownPath(file).replace(/(sk_(?:live|sandbox)_[0-9a-f]{6})…/gi, "$1*");
  return `'${spec.replaceAll("'", "'\\''")}'`;
}
function countBySeverity(findings) {
  let errors = 0;
  let warnings = 0;
  for (const f of findings) {
    if (f.severity === "error") errors++;
    else warnings++;
  }
  return { errors, warnings };
}
function sortFindings(findings) {
  return findings.sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}
var RULES, crypto, hash, shownPath;
var init_findings = __esm({
  "src/findings.ts"() {
    "use strict";
    init_import_meta_url();
    init_key_format();
    RULES = Object.freeze({
      "live-key": {
        id: "live-key",
        severity: "error",
        name: "LiveSecretKey",
        short: "DHMAD live secret key",
        full: "A DHMAD live secret key (sk_live_ followed by 64 hex characters) is written in the file. Anyone who reads the repository can move real money with it.",
        help: "Revoke or regenerate the key at developer.dhmad.tn, then load it from an environment variable or a secret store instead of the source. Removing it from the file is not enough once it was committed: it stays in the history.",
        securitySeverity: 9.5
      },
      "sandbox-key": {
        id: "sandbox-key",
        severity: "error",
        name: "SandboxSecretKey",
        short: "DHMAD sandbox secret key",
        full: "A DHMAD sandbox secret key (sk_sandbox_ followed by 64 hex characters) is written in the file. It grants full access to the sandbox account.",
        help: "Regenerate the sandbox key at developer.dhmad.tn and load it from an environment variable (for example DHMAD_API_KEY in an ignored .env file).",
        securitySeverity: 7
      },
      "malformed-key": {
        id: "malformed-key",
        severity: "warning",
        name: "MalformedSecretKey",
        short: "Possibly truncated or mangled DHMAD key",
        full: "A DHMAD key prefix is followed by a long hex run of the wrong length. It may be a truncated or mangled copy of a real key.",
        help: "If this is part of a real key, treat the key as leaked and regenerate it. If it is a placeholder, shorten it (for example sk_live_your_key_here) or mark the line with dhmad-scan:allow.",
        securitySeverity: 5
      },
      "env-tracked": {
        id: "env-tracked",
        severity: "error",
        name: "EnvFileTracked",
        short: ".env file tracked by git",
        full: "A .env-style file, which usually holds secrets, is tracked or staged, so it is (or will be) in the repository for everyone who can read it.",
        help: "Run `git rm --cached <file>`, add it to .gitignore (dhmad-scan --fix does), and regenerate any key it held. Commit a template such as .env.example instead.",
        securitySeverity: 8
      },
      "env-not-ignored": {
        id: "env-not-ignored",
        severity: "error",
        name: "EnvFileNotIgnored",
        short: ".env files not ignored by the repository",
        full: "The repository's own committed .gitignore rules do not ignore .env files, so `git add .` would commit them. Ignoring them only in .git/info/exclude or a global excludes file does not protect teammates.",
        help: "Add `.env` and `.env.*` (with `!.env.example`) to the root .gitignore and commit it; `dhmad-scan --fix` adds the missing entries.",
        securitySeverity: 6
      }
    });
    hash = (...parts) => {
      crypto ??= process.getBuiltinModule("node:crypto");
      const h = crypto.createHash("sha256");
      for (const p of parts) h.update(p).update("\0");
      return h.digest("hex");
    };
    shownPath = redactText;
  }
});

// src/printable.ts
function printable(text) {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
function printablePath(path14) {
  return HAS_CONTROL.test(path14) ? printable(JSON.stringify(path14)) : path14;
}
var HAS_CONTROL, CONTROL;
var init_printable = __esm({
  "src/printable.ts"() {
    "use strict";
    init_import_meta_url();
    HAS_CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
    CONTROL = new RegExp(HAS_CONTROL.source, "g");
  }
});

// ../../node_modules/cliui/build/lib/index.js
function addBorder(col, ts, style) {
  if (col.border) {
    if (/[.']-+[.']/.test(ts)) {
      return "";
    }
    if (ts.trim().length !== 0) {
      return style;
    }
    return "  ";
  }
  return "";
}
function _minWidth(col) {
  const padding = col.padding || [];
  const minWidth = 1 + (padding[left] || 0) + (padding[right] || 0);
  if (col.border) {
    return minWidth + 4;
  }
  return minWidth;
}
function getWindowWidth() {
  if (typeof process === "object" && process.stdout && process.stdout.columns) {
    return process.stdout.columns;
  }
  return 80;
}
function alignRight(str, width) {
  str = str.trim();
  const strWidth = mixin.stringWidth(str);
  if (strWidth < width) {
    return " ".repeat(width - strWidth) + str;
  }
  return str;
}
function alignCenter(str, width) {
  str = str.trim();
  const strWidth = mixin.stringWidth(str);
  if (strWidth >= width) {
    return str;
  }
  return " ".repeat(width - strWidth >> 1) + str;
}
function cliui(opts, _mixin) {
  mixin = _mixin;
  return new UI({
    width: (opts === null || opts === void 0 ? void 0 : opts.width) || getWindowWidth(),
    wrap: opts === null || opts === void 0 ? void 0 : opts.wrap
  });
}
var align, top, right, bottom, left, UI, mixin;
var init_lib = __esm({
  "../../node_modules/cliui/build/lib/index.js"() {
    "use strict";
    init_import_meta_url();
    align = {
      right: alignRight,
      center: alignCenter
    };
    top = 0;
    right = 1;
    bottom = 2;
    left = 3;
    UI = class {
      constructor(opts) {
        var _a2;
        this.width = opts.width;
        this.wrap = (_a2 = opts.wrap) !== null && _a2 !== void 0 ? _a2 : true;
        this.rows = [];
      }
      span(...args) {
        const cols = this.div(...args);
        cols.span = true;
      }
      resetOutput() {
        this.rows = [];
      }
      div(...args) {
        if (args.length === 0) {
          this.div("");
        }
        if (this.wrap && this.shouldApplyLayoutDSL(...args) && typeof args[0] === "string") {
          return this.applyLayoutDSL(args[0]);
        }
        const cols = args.map((arg) => {
          if (typeof arg === "string") {
            return this.colFromString(arg);
          }
          return arg;
        });
        this.rows.push(cols);
        return cols;
      }
      shouldApplyLayoutDSL(...args) {
        return args.length === 1 && typeof args[0] === "string" && /[\t\n]/.test(args[0]);
      }
      applyLayoutDSL(str) {
        const rows = str.split("\n").map((row) => row.split("	"));
        let leftColumnWidth = 0;
        rows.forEach((columns) => {
          if (columns.length > 1 && mixin.stringWidth(columns[0]) > leftColumnWidth) {
            leftColumnWidth = Math.min(Math.floor(this.width * 0.5), mixin.stringWidth(columns[0]));
          }
        });
        rows.forEach((columns) => {
          this.div(...columns.map((r, i) => {
            return {
              text: r.trim(),
              padding: this.measurePadding(r),
              width: i === 0 && columns.length > 1 ? leftColumnWidth : void 0
            };
          }));
        });
        return this.rows[this.rows.length - 1];
      }
      colFromString(text) {
        return {
          text,
          padding: this.measurePadding(text)
        };
      }
      measurePadding(str) {
        const noAnsi = mixin.stripAnsi(str);
        return [0, noAnsi.match(/\s*$/)[0].length, 0, noAnsi.match(/^\s*/)[0].length];
      }
      toString() {
        const lines2 = [];
        this.rows.forEach((row) => {
          this.rowToString(row, lines2);
        });
        return lines2.filter((line) => !line.hidden).map((line) => line.text).join("\n");
      }
      rowToString(row, lines2) {
        this.rasterize(row).forEach((rrow, r) => {
          let str = "";
          rrow.forEach((col, c) => {
            const { width } = row[c];
            const wrapWidth = this.negatePadding(row[c]);
            let ts = col;
            if (wrapWidth > mixin.stringWidth(col)) {
              ts += " ".repeat(wrapWidth - mixin.stringWidth(col));
            }
            if (row[c].align && row[c].align !== "left" && this.wrap) {
              const fn = align[row[c].align];
              ts = fn(ts, wrapWidth);
              if (mixin.stringWidth(ts) < wrapWidth) {
                ts += " ".repeat((width || 0) - mixin.stringWidth(ts) - 1);
              }
            }
            const padding = row[c].padding || [0, 0, 0, 0];
            if (padding[left]) {
              str += " ".repeat(padding[left]);
            }
            str += addBorder(row[c], ts, "| ");
            str += ts;
            str += addBorder(row[c], ts, " |");
            if (padding[right]) {
              str += " ".repeat(padding[right]);
            }
            if (r === 0 && lines2.length > 0) {
              str = this.renderInline(str, lines2[lines2.length - 1]);
            }
          });
          lines2.push({
            text: str.replace(/ +$/, ""),
            span: row.span
          });
        });
        return lines2;
      }
      // if the full 'source' can render in
      // the target line, do so.
      renderInline(source, previousLine) {
        const match = source.match(/^ */);
        const leadingWhitespace = match ? match[0].length : 0;
        const target = previousLine.text;
        const targetTextWidth = mixin.stringWidth(target.trimRight());
        if (!previousLine.span) {
          return source;
        }
        if (!this.wrap) {
          previousLine.hidden = true;
          return target + source;
        }
        if (leadingWhitespace < targetTextWidth) {
          return source;
        }
        previousLine.hidden = true;
        return target.trimRight() + " ".repeat(leadingWhitespace - targetTextWidth) + source.trimLeft();
      }
      rasterize(row) {
        const rrows = [];
        const widths = this.columnWidths(row);
        let wrapped;
        row.forEach((col, c) => {
          col.width = widths[c];
          if (this.wrap) {
            wrapped = mixin.wrap(col.text, this.negatePadding(col), { hard: true }).split("\n");
          } else {
            wrapped = col.text.split("\n");
          }
          if (col.border) {
            wrapped.unshift("." + "-".repeat(this.negatePadding(col) + 2) + ".");
            wrapped.push("'" + "-".repeat(this.negatePadding(col) + 2) + "'");
          }
          if (col.padding) {
            wrapped.unshift(...new Array(col.padding[top] || 0).fill(""));
            wrapped.push(...new Array(col.padding[bottom] || 0).fill(""));
          }
          wrapped.forEach((str, r) => {
            if (!rrows[r]) {
              rrows.push([]);
            }
            const rrow = rrows[r];
            for (let i = 0; i < c; i++) {
              if (rrow[i] === void 0) {
                rrow.push("");
              }
            }
            rrow.push(str);
          });
        });
        return rrows;
      }
      negatePadding(col) {
        let wrapWidth = col.width || 0;
        if (col.padding) {
          wrapWidth -= (col.padding[left] || 0) + (col.padding[right] || 0);
        }
        if (col.border) {
          wrapWidth -= 4;
        }
        return wrapWidth;
      }
      columnWidths(row) {
        if (!this.wrap) {
          return row.map((col) => {
            return col.width || mixin.stringWidth(col.text);
          });
        }
        let unset = row.length;
        let remainingWidth = this.width;
        const widths = row.map((col) => {
          if (col.width) {
            unset--;
            remainingWidth -= col.width;
            return col.width;
          }
          return void 0;
        });
        const unsetWidth = unset ? Math.floor(remainingWidth / unset) : 0;
        return widths.map((w, i) => {
          if (w === void 0) {
            return Math.max(unsetWidth, _minWidth(row[i]));
          }
          return w;
        });
      }
    };
  }
});

// ../../node_modules/cliui/node_modules/ansi-regex/index.js
function ansiRegex({ onlyFirst = false } = {}) {
  return new RegExp(pattern, onlyFirst ? void 0 : "g");
}
var ST, stringControls, osc, controlString, linuxPalette, csi, escape, pattern;
var init_ansi_regex = __esm({
  "../../node_modules/cliui/node_modules/ansi-regex/index.js"() {
    init_import_meta_url();
    ST = String.raw`(?:\u001B\u005C|\u009C)`;
    stringControls = String.raw`\u0018\u001A\u001B\u0080-\u009F`;
    osc = String.raw`(?:\u001B\]|\u009D)[^\u0007${stringControls}]*(?:\u0007|${ST})`;
    controlString = String.raw`(?:\u001B[PX^_k]|[\u0090\u0098\u009E\u009F])[^${stringControls}]*${ST}`;
    linuxPalette = String.raw`\u001B\](?:P[\dA-Fa-f]{7}|R)(?:\u0007|${ST})?`;
    csi = String.raw`(?:\u001B\[|\u009B)[\u0030-\u003F]*[\u0020-\u002F]*[\u0040-\u007E]`;
    escape = String.raw`\u001B(?:[\u0020-\u002F]+[\u0030-\u007E]|[\dA-PR-TZcf-oq-uy=><~|}])`;
    pattern = `${linuxPalette}|${osc}|${controlString}|${csi}|${escape}`;
  }
});

// ../../node_modules/cliui/node_modules/strip-ansi/index.js
function stripAnsi(string) {
  if (typeof string !== "string") {
    throw new TypeError(`Expected a \`string\`, got \`${typeof string}\``);
  }
  if (!string.includes("\x1B") && !string.includes("")) {
    return string;
  }
  return string.replace(regex, "");
}
var regex;
var init_strip_ansi = __esm({
  "../../node_modules/cliui/node_modules/strip-ansi/index.js"() {
    init_import_meta_url();
    init_ansi_regex();
    regex = ansiRegex();
  }
});

// ../../node_modules/get-east-asian-width/lookup-data.js
var ambiguousMinimalCodePoint, ambiguousMaximumCodePoint, ambiguousRanges, fullwidthMinimalCodePoint, fullwidthMaximumCodePoint, fullwidthRanges, wideMinimalCodePoint, wideMaximumCodePoint, wideRanges;
var init_lookup_data = __esm({
  "../../node_modules/get-east-asian-width/lookup-data.js"() {
    init_import_meta_url();
    ambiguousMinimalCodePoint = 161;
    ambiguousMaximumCodePoint = 1114109;
    ambiguousRanges = [161, 161, 164, 164, 167, 168, 170, 170, 173, 174, 176, 180, 182, 186, 188, 191, 198, 198, 208, 208, 215, 216, 222, 225, 230, 230, 232, 234, 236, 237, 240, 240, 242, 243, 247, 250, 252, 252, 254, 254, 257, 257, 273, 273, 275, 275, 283, 283, 294, 295, 299, 299, 305, 307, 312, 312, 319, 322, 324, 324, 328, 331, 333, 333, 338, 339, 358, 359, 363, 363, 462, 462, 464, 464, 466, 466, 468, 468, 470, 470, 472, 472, 474, 474, 476, 476, 593, 593, 609, 609, 708, 708, 711, 711, 713, 715, 717, 717, 720, 720, 728, 731, 733, 733, 735, 735, 768, 879, 913, 929, 931, 937, 945, 961, 963, 969, 1025, 1025, 1040, 1103, 1105, 1105, 8208, 8208, 8211, 8214, 8216, 8217, 8220, 8221, 8224, 8226, 8228, 8231, 8240, 8240, 8242, 8243, 8245, 8245, 8251, 8251, 8254, 8254, 8308, 8308, 8319, 8319, 8321, 8324, 8364, 8364, 8451, 8451, 8453, 8453, 8457, 8457, 8467, 8467, 8470, 8470, 8481, 8482, 8486, 8486, 8491, 8491, 8531, 8532, 8539, 8542, 8544, 8555, 8560, 8569, 8585, 8585, 8592, 8601, 8632, 8633, 8658, 8658, 8660, 8660, 8679, 8679, 8704, 8704, 8706, 8707, 8711, 8712, 8715, 8715, 8719, 8719, 8721, 8721, 8725, 8725, 8730, 8730, 8733, 8736, 8739, 8739, 8741, 8741, 8743, 8748, 8750, 8750, 8756, 8759, 8764, 8765, 8776, 8776, 8780, 8780, 8786, 8786, 8800, 8801, 8804, 8807, 8810, 8811, 8814, 8815, 8834, 8835, 8838, 8839, 8853, 8853, 8857, 8857, 8869, 8869, 8895, 8895, 8978, 8978, 9312, 9449, 9451, 9547, 9552, 9587, 9600, 9615, 9618, 9621, 9632, 9633, 9635, 9641, 9650, 9651, 9654, 9655, 9660, 9661, 9664, 9665, 9670, 9672, 9675, 9675, 9678, 9681, 9698, 9701, 9711, 9711, 9733, 9734, 9737, 9737, 9742, 9743, 9756, 9756, 9758, 9758, 9792, 9792, 9794, 9794, 9824, 9825, 9827, 9829, 9831, 9834, 9836, 9837, 9839, 9839, 9886, 9887, 9919, 9919, 9926, 9933, 9935, 9939, 9941, 9953, 9955, 9955, 9960, 9961, 9963, 9969, 9972, 9972, 9974, 9977, 9979, 9980, 9982, 9983, 10045, 10045, 10102, 10111, 11094, 11097, 12872, 12879, 57344, 63743, 65024, 65039, 65533, 65533, 127232, 127242, 127248, 127277, 127280, 127337, 127344, 127373, 127375, 127376, 127387, 127404, 917760, 917999, 983040, 1048573, 1048576, 1114109];
    fullwidthMinimalCodePoint = 12288;
    fullwidthMaximumCodePoint = 65510;
    fullwidthRanges = [12288, 12288, 65281, 65376, 65504, 65510];
    wideMinimalCodePoint = 4352;
    wideMaximumCodePoint = 262141;
    wideRanges = [4352, 4447, 8986, 8987, 9001, 9002, 9193, 9196, 9200, 9200, 9203, 9203, 9725, 9726, 9748, 9749, 9776, 9783, 9800, 9811, 9855, 9855, 9866, 9871, 9875, 9875, 9889, 9889, 9898, 9899, 9917, 9918, 9924, 9925, 9934, 9934, 9940, 9940, 9962, 9962, 9970, 9971, 9973, 9973, 9978, 9978, 9981, 9981, 9989, 9989, 9994, 9995, 10024, 10024, 10060, 10060, 10062, 10062, 10067, 10069, 10071, 10071, 10133, 10135, 10160, 10160, 10175, 10175, 11035, 11036, 11088, 11088, 11093, 11093, 11904, 11929, 11931, 12019, 12032, 12245, 12272, 12287, 12289, 12350, 12353, 12438, 12441, 12543, 12549, 12591, 12593, 12686, 12688, 12773, 12783, 12830, 12832, 12871, 12880, 42124, 42128, 42182, 43360, 43388, 44032, 55203, 63744, 64255, 65040, 65049, 65072, 65106, 65108, 65126, 65128, 65131, 94176, 94180, 94192, 94198, 94208, 101594, 101631, 101664, 101760, 101874, 101888, 102801, 102816, 102866, 110576, 110579, 110581, 110587, 110589, 110590, 110592, 110888, 110898, 110898, 110928, 110930, 110933, 110933, 110948, 110952, 110960, 111355, 119552, 119638, 119648, 119670, 126980, 126980, 127183, 127183, 127374, 127374, 127377, 127386, 127406, 127406, 127488, 127490, 127504, 127547, 127552, 127560, 127568, 127569, 127584, 127589, 127744, 127776, 127789, 127797, 127799, 127868, 127870, 127891, 127904, 127946, 127951, 127955, 127968, 127984, 127988, 127988, 127992, 128062, 128064, 128064, 128066, 128252, 128255, 128317, 128331, 128334, 128336, 128359, 128378, 128378, 128405, 128406, 128420, 128420, 128507, 128591, 128640, 128709, 128716, 128716, 128720, 128722, 128725, 128729, 128732, 128735, 128747, 128748, 128756, 128764, 128986, 128986, 128992, 129003, 129008, 129008, 129292, 129338, 129340, 129349, 129351, 129535, 129648, 129660, 129664, 129734, 129736, 129736, 129740, 129757, 129759, 129771, 129775, 129786, 131072, 196605, 196608, 262141];
  }
});

// ../../node_modules/get-east-asian-width/utilities.js
var isInRange;
var init_utilities = __esm({
  "../../node_modules/get-east-asian-width/utilities.js"() {
    init_import_meta_url();
    isInRange = (ranges, codePoint) => {
      let low = 0;
      let high = Math.floor(ranges.length / 2) - 1;
      while (low <= high) {
        const mid = Math.floor((low + high) / 2);
        const i = mid * 2;
        if (codePoint < ranges[i]) {
          high = mid - 1;
        } else if (codePoint > ranges[i + 1]) {
          low = mid + 1;
        } else {
          return true;
        }
      }
      return false;
    };
  }
});

// ../../node_modules/get-east-asian-width/lookup.js
function findWideFastPathRange(ranges) {
  let fastPathStart = ranges[0];
  let fastPathEnd = ranges[1];
  for (let index = 0; index < ranges.length; index += 2) {
    const start = ranges[index];
    const end = ranges[index + 1];
    if (commonCjkCodePoint >= start && commonCjkCodePoint <= end) {
      return [start, end];
    }
    if (end - start > fastPathEnd - fastPathStart) {
      fastPathStart = start;
      fastPathEnd = end;
    }
  }
  return [fastPathStart, fastPathEnd];
}
var commonCjkCodePoint, wideFastPathStart, wideFastPathEnd, isAmbiguous, isFullwidth, isWide;
var init_lookup = __esm({
  "../../node_modules/get-east-asian-width/lookup.js"() {
    init_import_meta_url();
    init_lookup_data();
    init_utilities();
    commonCjkCodePoint = 19968;
    [wideFastPathStart, wideFastPathEnd] = /* @__PURE__ */ findWideFastPathRange(wideRanges);
    isAmbiguous = (codePoint) => {
      if (codePoint < ambiguousMinimalCodePoint || codePoint > ambiguousMaximumCodePoint) {
        return false;
      }
      return isInRange(ambiguousRanges, codePoint);
    };
    isFullwidth = (codePoint) => {
      if (codePoint < fullwidthMinimalCodePoint || codePoint > fullwidthMaximumCodePoint) {
        return false;
      }
      return isInRange(fullwidthRanges, codePoint);
    };
    isWide = (codePoint) => {
      if (codePoint >= wideFastPathStart && codePoint <= wideFastPathEnd) {
        return true;
      }
      if (codePoint < wideMinimalCodePoint || codePoint > wideMaximumCodePoint) {
        return false;
      }
      return isInRange(wideRanges, codePoint);
    };
  }
});

// ../../node_modules/get-east-asian-width/index.js
function validate(codePoint) {
  if (!Number.isSafeInteger(codePoint)) {
    throw new TypeError(`Expected a code point, got \`${typeof codePoint}\`.`);
  }
}
function eastAsianWidth(codePoint, { ambiguousAsWide = false } = {}) {
  validate(codePoint);
  if (isFullwidth(codePoint) || isWide(codePoint) || ambiguousAsWide && isAmbiguous(codePoint)) {
    return 2;
  }
  return 1;
}
var init_get_east_asian_width = __esm({
  "../../node_modules/get-east-asian-width/index.js"() {
    init_import_meta_url();
    init_lookup();
  }
});

// ../../node_modules/cliui/node_modules/emoji-regex/index.js
var require_emoji_regex = __commonJS({
  "../../node_modules/cliui/node_modules/emoji-regex/index.js"(exports2, module2) {
    init_import_meta_url();
    module2.exports = () => {
      return /[#*0-9]\uFE0F?\u20E3|[\xA9\xAE\u203C\u2049\u2122\u2139\u2194-\u2199\u21A9\u21AA\u231A\u231B\u2328\u23CF\u23ED-\u23EF\u23F1\u23F2\u23F8-\u23FA\u24C2\u25AA\u25AB\u25B6\u25C0\u25FB\u25FC\u25FE\u2600-\u2604\u260E\u2611\u2614\u2615\u2618\u2620\u2622\u2623\u2626\u262A\u262E\u262F\u2638-\u263A\u2640\u2642\u2648-\u2653\u265F\u2660\u2663\u2665\u2666\u2668\u267B\u267E\u267F\u2692\u2694-\u2697\u2699\u269B\u269C\u26A0\u26A7\u26AA\u26B0\u26B1\u26BD\u26BE\u26C4\u26C8\u26CF\u26D1\u26E9\u26F0-\u26F5\u26F7\u26F8\u26FA\u2702\u2708\u2709\u270F\u2712\u2714\u2716\u271D\u2721\u2733\u2734\u2744\u2747\u2757\u2763\u27A1\u2934\u2935\u2B05-\u2B07\u2B1B\u2B1C\u2B55\u3030\u303D\u3297\u3299]\uFE0F?|[\u261D\u270C\u270D](?:\uD83C[\uDFFB-\uDFFF]|\uFE0F)?|[\u270A\u270B](?:\uD83C[\uDFFB-\uDFFF])?|[\u23E9-\u23EC\u23F0\u23F3\u25FD\u2693\u26A1\u26AB\u26C5\u26CE\u26D4\u26EA\u26FD\u2705\u2728\u274C\u274E\u2753-\u2755\u2795-\u2797\u27B0\u27BF\u2B50]|\u26D3\uFE0F?(?:\u200D\uD83D\uDCA5)?|\u26F9(?:\uD83C[\uDFFB-\uDFFF]|\uFE0F)?(?:\u200D[\u2640\u2642]\uFE0F?)?|\u2764\uFE0F?(?:\u200D(?:\uD83D\uDD25|\uD83E\uDE79))?|\uD83C(?:[\uDC04\uDD70\uDD71\uDD7E\uDD7F\uDE02\uDE37\uDF21\uDF24-\uDF2C\uDF36\uDF7D\uDF96\uDF97\uDF99-\uDF9B\uDF9E\uDF9F\uDFCD\uDFCE\uDFD4-\uDFDF\uDFF5\uDFF7]\uFE0F?|[\uDF85\uDFC2\uDFC7](?:\uD83C[\uDFFB-\uDFFF])?|[\uDFC4\uDFCA](?:\uD83C[\uDFFB-\uDFFF])?(?:\u200D[\u2640\u2642]\uFE0F?)?|[\uDFCB\uDFCC](?:\uD83C[\uDFFB-\uDFFF]|\uFE0F)?(?:\u200D[\u2640\u2642]\uFE0F?)?|[\uDCCF\uDD8E\uDD91-\uDD9A\uDE01\uDE1A\uDE2F\uDE32-\uDE36\uDE38-\uDE3A\uDE50\uDE51\uDF00-\uDF20\uDF2D-\uDF35\uDF37-\uDF43\uDF45-\uDF4A\uDF4C-\uDF7C\uDF7E-\uDF84\uDF86-\uDF93\uDFA0-\uDFC1\uDFC5\uDFC6\uDFC8\uDFC9\uDFCF-\uDFD3\uDFE0-\uDFF0\uDFF8-\uDFFF]|\uDDE6\uD83C[\uDDE8-\uDDEC\uDDEE\uDDF1\uDDF2\uDDF4\uDDF6-\uDDFA\uDDFC\uDDFD\uDDFF]|\uDDE7\uD83C[\uDDE6\uDDE7\uDDE9-\uDDEF\uDDF1-\uDDF4\uDDF6-\uDDF9\uDDFB\uDDFC\uDDFE\uDDFF]|\uDDE8\uD83C[\uDDE6\uDDE8\uDDE9\uDDEB-\uDDEE\uDDF0-\uDDF7\uDDFA-\uDDFF]|\uDDE9\uD83C[\uDDEA\uDDEC\uDDEF\uDDF0\uDDF2\uDDF4\uDDFF]|\uDDEA\uD83C[\uDDE6\uDDE8\uDDEA\uDDEC\uDDED\uDDF7-\uDDFA]|\uDDEB\uD83C[\uDDEE-\uDDF0\uDDF2\uDDF4\uDDF7]|\uDDEC\uD83C[\uDDE6\uDDE7\uDDE9-\uDDEE\uDDF1-\uDDF3\uDDF5-\uDDFA\uDDFC\uDDFE]|\uDDED\uD83C[\uDDF0\uDDF2\uDDF3\uDDF7\uDDF9\uDDFA]|\uDDEE\uD83C[\uDDE8-\uDDEA\uDDF1-\uDDF4\uDDF6-\uDDF9]|\uDDEF\uD83C[\uDDEA\uDDF2\uDDF4\uDDF5]|\uDDF0\uD83C[\uDDEA\uDDEC-\uDDEE\uDDF2\uDDF3\uDDF5\uDDF7\uDDFC\uDDFE\uDDFF]|\uDDF1\uD83C[\uDDE6-\uDDE8\uDDEE\uDDF0\uDDF7-\uDDFB\uDDFE]|\uDDF2\uD83C[\uDDE6\uDDE8-\uDDED\uDDF0-\uDDFF]|\uDDF3\uD83C[\uDDE6\uDDE8\uDDEA-\uDDEC\uDDEE\uDDF1\uDDF4\uDDF5\uDDF7\uDDFA\uDDFF]|\uDDF4\uD83C\uDDF2|\uDDF5\uD83C[\uDDE6\uDDEA-\uDDED\uDDF0-\uDDF3\uDDF7-\uDDF9\uDDFC\uDDFE]|\uDDF6\uD83C\uDDE6|\uDDF7\uD83C[\uDDEA\uDDF4\uDDF8\uDDFA\uDDFC]|\uDDF8\uD83C[\uDDE6-\uDDEA\uDDEC-\uDDF4\uDDF7-\uDDF9\uDDFB\uDDFD-\uDDFF]|\uDDF9\uD83C[\uDDE6\uDDE8\uDDE9\uDDEB-\uDDED\uDDEF-\uDDF4\uDDF7\uDDF9\uDDFB\uDDFC\uDDFF]|\uDDFA\uD83C[\uDDE6\uDDEC\uDDF2\uDDF3\uDDF8\uDDFE\uDDFF]|\uDDFB\uD83C[\uDDE6\uDDE8\uDDEA\uDDEC\uDDEE\uDDF3\uDDFA]|\uDDFC\uD83C[\uDDEB\uDDF8]|\uDDFD\uD83C\uDDF0|\uDDFE\uD83C[\uDDEA\uDDF9]|\uDDFF\uD83C[\uDDE6\uDDF2\uDDFC]|\uDF44(?:\u200D\uD83D\uDFEB)?|\uDF4B(?:\u200D\uD83D\uDFE9)?|\uDFC3(?:\uD83C[\uDFFB-\uDFFF])?(?:\u200D(?:[\u2640\u2642]\uFE0F?(?:\u200D\u27A1\uFE0F?)?|\u27A1\uFE0F?))?|\uDFF3\uFE0F?(?:\u200D(?:\u26A7\uFE0F?|\uD83C\uDF08))?|\uDFF4(?:\u200D\u2620\uFE0F?|\uDB40\uDC67\uDB40\uDC62\uDB40(?:\uDC65\uDB40\uDC6E\uDB40\uDC67|\uDC73\uDB40\uDC63\uDB40\uDC74|\uDC77\uDB40\uDC6C\uDB40\uDC73)\uDB40\uDC7F)?)|\uD83D(?:[\uDC3F\uDCFD\uDD49\uDD4A\uDD6F\uDD70\uDD73\uDD76-\uDD79\uDD87\uDD8A-\uDD8D\uDDA5\uDDA8\uDDB1\uDDB2\uDDBC\uDDC2-\uDDC4\uDDD1-\uDDD3\uDDDC-\uDDDE\uDDE1\uDDE3\uDDE8\uDDEF\uDDF3\uDDFA\uDECB\uDECD-\uDECF\uDEE0-\uDEE5\uDEE9\uDEF0\uDEF3]\uFE0F?|[\uDC42\uDC43\uDC46-\uDC50\uDC66\uDC67\uDC6B-\uDC6D\uDC72\uDC74-\uDC76\uDC78\uDC7C\uDC83\uDC85\uDC8F\uDC91\uDCAA\uDD7A\uDD95\uDD96\uDE4C\uDE4F\uDEC0\uDECC](?:\uD83C[\uDFFB-\uDFFF])?|[\uDC6E-\uDC71\uDC73\uDC77\uDC81\uDC82\uDC86\uDC87\uDE45-\uDE47\uDE4B\uDE4D\uDE4E\uDEA3\uDEB4\uDEB5](?:\uD83C[\uDFFB-\uDFFF])?(?:\u200D[\u2640\u2642]\uFE0F?)?|[\uDD74\uDD90](?:\uD83C[\uDFFB-\uDFFF]|\uFE0F)?|[\uDC00-\uDC07\uDC09-\uDC14\uDC16-\uDC25\uDC27-\uDC3A\uDC3C-\uDC3E\uDC40\uDC44\uDC45\uDC51-\uDC65\uDC6A\uDC79-\uDC7B\uDC7D-\uDC80\uDC84\uDC88-\uDC8E\uDC90\uDC92-\uDCA9\uDCAB-\uDCFC\uDCFF-\uDD3D\uDD4B-\uDD4E\uDD50-\uDD67\uDDA4\uDDFB-\uDE2D\uDE2F-\uDE34\uDE37-\uDE41\uDE43\uDE44\uDE48-\uDE4A\uDE80-\uDEA2\uDEA4-\uDEB3\uDEB7-\uDEBF\uDEC1-\uDEC5\uDED0-\uDED2\uDED5-\uDED8\uDEDC-\uDEDF\uDEEB\uDEEC\uDEF4-\uDEFC\uDFE0-\uDFEB\uDFF0]|\uDC08(?:\u200D\u2B1B)?|\uDC15(?:\u200D\uD83E\uDDBA)?|\uDC26(?:\u200D(?:\u2B1B|\uD83D\uDD25))?|\uDC3B(?:\u200D\u2744\uFE0F?)?|\uDC41\uFE0F?(?:\u200D\uD83D\uDDE8\uFE0F?)?|\uDC68(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:\uDC8B\u200D\uD83D)?\uDC68|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDC68\uDC69]\u200D\uD83D(?:\uDC66(?:\u200D\uD83D\uDC66)?|\uDC67(?:\u200D\uD83D[\uDC66\uDC67])?)|[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC66(?:\u200D\uD83D\uDC66)?|\uDC67(?:\u200D\uD83D[\uDC66\uDC67])?)|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3]))|\uD83C(?:\uDFFB(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:\uDC8B\u200D\uD83D)?\uDC68\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC68\uD83C[\uDFFC-\uDFFF])|\uD83E(?:[\uDD1D\uDEEF]\u200D\uD83D\uDC68\uD83C[\uDFFC-\uDFFF]|[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3])))?|\uDFFC(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:\uDC8B\u200D\uD83D)?\uDC68\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC68\uD83C[\uDFFB\uDFFD-\uDFFF])|\uD83E(?:[\uDD1D\uDEEF]\u200D\uD83D\uDC68\uD83C[\uDFFB\uDFFD-\uDFFF]|[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3])))?|\uDFFD(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:\uDC8B\u200D\uD83D)?\uDC68\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC68\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF])|\uD83E(?:[\uDD1D\uDEEF]\u200D\uD83D\uDC68\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF]|[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3])))?|\uDFFE(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:\uDC8B\u200D\uD83D)?\uDC68\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC68\uD83C[\uDFFB-\uDFFD\uDFFF])|\uD83E(?:[\uDD1D\uDEEF]\u200D\uD83D\uDC68\uD83C[\uDFFB-\uDFFD\uDFFF]|[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3])))?|\uDFFF(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:\uDC8B\u200D\uD83D)?\uDC68\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC68\uD83C[\uDFFB-\uDFFE])|\uD83E(?:[\uDD1D\uDEEF]\u200D\uD83D\uDC68\uD83C[\uDFFB-\uDFFE]|[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3])))?))?|\uDC69(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:\uDC8B\u200D\uD83D)?[\uDC68\uDC69]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC66(?:\u200D\uD83D\uDC66)?|\uDC67(?:\u200D\uD83D[\uDC66\uDC67])?|\uDC69\u200D\uD83D(?:\uDC66(?:\u200D\uD83D\uDC66)?|\uDC67(?:\u200D\uD83D[\uDC66\uDC67])?))|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3]))|\uD83C(?:\uDFFB(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:[\uDC68\uDC69]|\uDC8B\u200D\uD83D[\uDC68\uDC69])\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC69\uD83C[\uDFFC-\uDFFF])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3]|\uDD1D\u200D\uD83D[\uDC68\uDC69]\uD83C[\uDFFC-\uDFFF]|\uDEEF\u200D\uD83D\uDC69\uD83C[\uDFFC-\uDFFF])))?|\uDFFC(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:[\uDC68\uDC69]|\uDC8B\u200D\uD83D[\uDC68\uDC69])\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC69\uD83C[\uDFFB\uDFFD-\uDFFF])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3]|\uDD1D\u200D\uD83D[\uDC68\uDC69]\uD83C[\uDFFB\uDFFD-\uDFFF]|\uDEEF\u200D\uD83D\uDC69\uD83C[\uDFFB\uDFFD-\uDFFF])))?|\uDFFD(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:[\uDC68\uDC69]|\uDC8B\u200D\uD83D[\uDC68\uDC69])\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC69\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3]|\uDD1D\u200D\uD83D[\uDC68\uDC69]\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF]|\uDEEF\u200D\uD83D\uDC69\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF])))?|\uDFFE(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:[\uDC68\uDC69]|\uDC8B\u200D\uD83D[\uDC68\uDC69])\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC69\uD83C[\uDFFB-\uDFFD\uDFFF])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3]|\uDD1D\u200D\uD83D[\uDC68\uDC69]\uD83C[\uDFFB-\uDFFD\uDFFF]|\uDEEF\u200D\uD83D\uDC69\uD83C[\uDFFB-\uDFFD\uDFFF])))?|\uDFFF(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:[\uDC68\uDC69]|\uDC8B\u200D\uD83D[\uDC68\uDC69])\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC69\uD83C[\uDFFB-\uDFFE])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3]|\uDD1D\u200D\uD83D[\uDC68\uDC69]\uD83C[\uDFFB-\uDFFE]|\uDEEF\u200D\uD83D\uDC69\uD83C[\uDFFB-\uDFFE])))?))?|\uDD75(?:\uD83C[\uDFFB-\uDFFF]|\uFE0F)?(?:\u200D[\u2640\u2642]\uFE0F?)?|\uDE2E(?:\u200D\uD83D\uDCA8)?|\uDE35(?:\u200D\uD83D\uDCAB)?|\uDE36(?:\u200D\uD83C\uDF2B\uFE0F?)?|\uDE42(?:\u200D[\u2194\u2195]\uFE0F?)?|\uDEB6(?:\uD83C[\uDFFB-\uDFFF])?(?:\u200D(?:[\u2640\u2642]\uFE0F?(?:\u200D\u27A1\uFE0F?)?|\u27A1\uFE0F?))?)|\uD83E(?:[\uDD0C\uDD0F\uDD18-\uDD1F\uDD30-\uDD34\uDD36\uDD77\uDDB5\uDDB6\uDDBB\uDDD2\uDDD3\uDDD5\uDEC3-\uDEC5\uDEF0\uDEF2-\uDEF8](?:\uD83C[\uDFFB-\uDFFF])?|[\uDD26\uDD35\uDD37-\uDD39\uDD3C-\uDD3E\uDDB8\uDDB9\uDDCD\uDDCF\uDDD4\uDDD6-\uDDDD](?:\uD83C[\uDFFB-\uDFFF])?(?:\u200D[\u2640\u2642]\uFE0F?)?|[\uDDDE\uDDDF](?:\u200D[\u2640\u2642]\uFE0F?)?|[\uDD0D\uDD0E\uDD10-\uDD17\uDD20-\uDD25\uDD27-\uDD2F\uDD3A\uDD3F-\uDD45\uDD47-\uDD76\uDD78-\uDDB4\uDDB7\uDDBA\uDDBC-\uDDCC\uDDD0\uDDE0-\uDDFF\uDE70-\uDE7C\uDE80-\uDE8A\uDE8E-\uDEC2\uDEC6\uDEC8\uDECD-\uDEDC\uDEDF-\uDEEA\uDEEF]|\uDDCE(?:\uD83C[\uDFFB-\uDFFF])?(?:\u200D(?:[\u2640\u2642]\uFE0F?(?:\u200D\u27A1\uFE0F?)?|\u27A1\uFE0F?))?|\uDDD1(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\uD83C[\uDF3E\uDF73\uDF7C\uDF84\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3\uDE70]|\uDD1D\u200D\uD83E\uDDD1|\uDDD1\u200D\uD83E\uDDD2(?:\u200D\uD83E\uDDD2)?|\uDDD2(?:\u200D\uD83E\uDDD2)?))|\uD83C(?:\uDFFB(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D(?:\uD83D\uDC8B\u200D)?\uD83E\uDDD1\uD83C[\uDFFC-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF84\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83E\uDDD1\uD83C[\uDFFC-\uDFFF])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3\uDE70]|\uDD1D\u200D\uD83E\uDDD1\uD83C[\uDFFB-\uDFFF]|\uDEEF\u200D\uD83E\uDDD1\uD83C[\uDFFC-\uDFFF])))?|\uDFFC(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D(?:\uD83D\uDC8B\u200D)?\uD83E\uDDD1\uD83C[\uDFFB\uDFFD-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF84\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83E\uDDD1\uD83C[\uDFFB\uDFFD-\uDFFF])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3\uDE70]|\uDD1D\u200D\uD83E\uDDD1\uD83C[\uDFFB-\uDFFF]|\uDEEF\u200D\uD83E\uDDD1\uD83C[\uDFFB\uDFFD-\uDFFF])))?|\uDFFD(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D(?:\uD83D\uDC8B\u200D)?\uD83E\uDDD1\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF84\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83E\uDDD1\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3\uDE70]|\uDD1D\u200D\uD83E\uDDD1\uD83C[\uDFFB-\uDFFF]|\uDEEF\u200D\uD83E\uDDD1\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF])))?|\uDFFE(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D(?:\uD83D\uDC8B\u200D)?\uD83E\uDDD1\uD83C[\uDFFB-\uDFFD\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF84\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83E\uDDD1\uD83C[\uDFFB-\uDFFD\uDFFF])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3\uDE70]|\uDD1D\u200D\uD83E\uDDD1\uD83C[\uDFFB-\uDFFF]|\uDEEF\u200D\uD83E\uDDD1\uD83C[\uDFFB-\uDFFD\uDFFF])))?|\uDFFF(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D(?:\uD83D\uDC8B\u200D)?\uD83E\uDDD1\uD83C[\uDFFB-\uDFFE]|\uD83C[\uDF3E\uDF73\uDF7C\uDF84\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83E\uDDD1\uD83C[\uDFFB-\uDFFE])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3\uDE70]|\uDD1D\u200D\uD83E\uDDD1\uD83C[\uDFFB-\uDFFF]|\uDEEF\u200D\uD83E\uDDD1\uD83C[\uDFFB-\uDFFE])))?))?|\uDEF1(?:\uD83C(?:\uDFFB(?:\u200D\uD83E\uDEF2\uD83C[\uDFFC-\uDFFF])?|\uDFFC(?:\u200D\uD83E\uDEF2\uD83C[\uDFFB\uDFFD-\uDFFF])?|\uDFFD(?:\u200D\uD83E\uDEF2\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF])?|\uDFFE(?:\u200D\uD83E\uDEF2\uD83C[\uDFFB-\uDFFD\uDFFF])?|\uDFFF(?:\u200D\uD83E\uDEF2\uD83C[\uDFFB-\uDFFE])?))?)/g;
    };
  }
});

// ../../node_modules/cliui/node_modules/string-width/index.js
function stringWidth(string, options = {}) {
  if (typeof string !== "string" || string.length === 0) {
    return 0;
  }
  const {
    ambiguousIsNarrow = true,
    countAnsiEscapeCodes = false
  } = options;
  if (!countAnsiEscapeCodes) {
    string = stripAnsi(string);
  }
  if (string.length === 0) {
    return 0;
  }
  let width = 0;
  const eastAsianWidthOptions = { ambiguousAsWide: !ambiguousIsNarrow };
  for (const { segment: character } of segmenter.segment(string)) {
    const codePoint = character.codePointAt(0);
    if (codePoint <= 31 || codePoint >= 127 && codePoint <= 159) {
      continue;
    }
    if (codePoint >= 8203 && codePoint <= 8207 || codePoint === 65279) {
      continue;
    }
    if (codePoint >= 768 && codePoint <= 879 || codePoint >= 6832 && codePoint <= 6911 || codePoint >= 7616 && codePoint <= 7679 || codePoint >= 8400 && codePoint <= 8447 || codePoint >= 65056 && codePoint <= 65071) {
      continue;
    }
    if (codePoint >= 55296 && codePoint <= 57343) {
      continue;
    }
    if (codePoint >= 65024 && codePoint <= 65039) {
      continue;
    }
    if (defaultIgnorableCodePointRegex.test(character)) {
      continue;
    }
    if ((0, import_emoji_regex.default)().test(character)) {
      width += 2;
      continue;
    }
    width += eastAsianWidth(codePoint, eastAsianWidthOptions);
  }
  return width;
}
var import_emoji_regex, segmenter, defaultIgnorableCodePointRegex;
var init_string_width = __esm({
  "../../node_modules/cliui/node_modules/string-width/index.js"() {
    init_import_meta_url();
    init_strip_ansi();
    init_get_east_asian_width();
    import_emoji_regex = __toESM(require_emoji_regex(), 1);
    segmenter = new Intl.Segmenter();
    defaultIgnorableCodePointRegex = new RegExp("^\\p{Default_Ignorable_Code_Point}$", "u");
  }
});

// ../../node_modules/wrap-ansi/node_modules/ansi-regex/index.js
function ansiRegex2({ onlyFirst = false } = {}) {
  return new RegExp(pattern2, onlyFirst ? void 0 : "g");
}
var ST2, stringControls2, osc2, controlString2, linuxPalette2, csi2, escape2, pattern2;
var init_ansi_regex2 = __esm({
  "../../node_modules/wrap-ansi/node_modules/ansi-regex/index.js"() {
    init_import_meta_url();
    ST2 = String.raw`(?:\u001B\u005C|\u009C)`;
    stringControls2 = String.raw`\u0018\u001A\u001B\u0080-\u009F`;
    osc2 = String.raw`(?:\u001B\]|\u009D)[^\u0007${stringControls2}]*(?:\u0007|${ST2})`;
    controlString2 = String.raw`(?:\u001B[PX^_k]|[\u0090\u0098\u009E\u009F])[^${stringControls2}]*${ST2}`;
    linuxPalette2 = String.raw`\u001B\](?:P[\dA-Fa-f]{7}|R)(?:\u0007|${ST2})?`;
    csi2 = String.raw`(?:\u001B\[|\u009B)[\u0030-\u003F]*[\u0020-\u002F]*[\u0040-\u007E]`;
    escape2 = String.raw`\u001B(?:[\u0020-\u002F]+[\u0030-\u007E]|[\dA-PR-TZcf-oq-uy=><~|}])`;
    pattern2 = `${linuxPalette2}|${osc2}|${controlString2}|${csi2}|${escape2}`;
  }
});

// ../../node_modules/wrap-ansi/node_modules/strip-ansi/index.js
function stripAnsi2(string) {
  if (typeof string !== "string") {
    throw new TypeError(`Expected a \`string\`, got \`${typeof string}\``);
  }
  if (!string.includes("\x1B") && !string.includes("")) {
    return string;
  }
  return string.replace(regex2, "");
}
var regex2;
var init_strip_ansi2 = __esm({
  "../../node_modules/wrap-ansi/node_modules/strip-ansi/index.js"() {
    init_import_meta_url();
    init_ansi_regex2();
    regex2 = ansiRegex2();
  }
});

// ../../node_modules/wrap-ansi/node_modules/emoji-regex/index.js
var require_emoji_regex2 = __commonJS({
  "../../node_modules/wrap-ansi/node_modules/emoji-regex/index.js"(exports2, module2) {
    init_import_meta_url();
    module2.exports = () => {
      return /[#*0-9]\uFE0F?\u20E3|[\xA9\xAE\u203C\u2049\u2122\u2139\u2194-\u2199\u21A9\u21AA\u231A\u231B\u2328\u23CF\u23ED-\u23EF\u23F1\u23F2\u23F8-\u23FA\u24C2\u25AA\u25AB\u25B6\u25C0\u25FB\u25FC\u25FE\u2600-\u2604\u260E\u2611\u2614\u2615\u2618\u2620\u2622\u2623\u2626\u262A\u262E\u262F\u2638-\u263A\u2640\u2642\u2648-\u2653\u265F\u2660\u2663\u2665\u2666\u2668\u267B\u267E\u267F\u2692\u2694-\u2697\u2699\u269B\u269C\u26A0\u26A7\u26AA\u26B0\u26B1\u26BD\u26BE\u26C4\u26C8\u26CF\u26D1\u26E9\u26F0-\u26F5\u26F7\u26F8\u26FA\u2702\u2708\u2709\u270F\u2712\u2714\u2716\u271D\u2721\u2733\u2734\u2744\u2747\u2757\u2763\u27A1\u2934\u2935\u2B05-\u2B07\u2B1B\u2B1C\u2B55\u3030\u303D\u3297\u3299]\uFE0F?|[\u261D\u270C\u270D](?:\uD83C[\uDFFB-\uDFFF]|\uFE0F)?|[\u270A\u270B](?:\uD83C[\uDFFB-\uDFFF])?|[\u23E9-\u23EC\u23F0\u23F3\u25FD\u2693\u26A1\u26AB\u26C5\u26CE\u26D4\u26EA\u26FD\u2705\u2728\u274C\u274E\u2753-\u2755\u2795-\u2797\u27B0\u27BF\u2B50]|\u26D3\uFE0F?(?:\u200D\uD83D\uDCA5)?|\u26F9(?:\uD83C[\uDFFB-\uDFFF]|\uFE0F)?(?:\u200D[\u2640\u2642]\uFE0F?)?|\u2764\uFE0F?(?:\u200D(?:\uD83D\uDD25|\uD83E\uDE79))?|\uD83C(?:[\uDC04\uDD70\uDD71\uDD7E\uDD7F\uDE02\uDE37\uDF21\uDF24-\uDF2C\uDF36\uDF7D\uDF96\uDF97\uDF99-\uDF9B\uDF9E\uDF9F\uDFCD\uDFCE\uDFD4-\uDFDF\uDFF5\uDFF7]\uFE0F?|[\uDF85\uDFC2\uDFC7](?:\uD83C[\uDFFB-\uDFFF])?|[\uDFC4\uDFCA](?:\uD83C[\uDFFB-\uDFFF])?(?:\u200D[\u2640\u2642]\uFE0F?)?|[\uDFCB\uDFCC](?:\uD83C[\uDFFB-\uDFFF]|\uFE0F)?(?:\u200D[\u2640\u2642]\uFE0F?)?|[\uDCCF\uDD8E\uDD91-\uDD9A\uDE01\uDE1A\uDE2F\uDE32-\uDE36\uDE38-\uDE3A\uDE50\uDE51\uDF00-\uDF20\uDF2D-\uDF35\uDF37-\uDF43\uDF45-\uDF4A\uDF4C-\uDF7C\uDF7E-\uDF84\uDF86-\uDF93\uDFA0-\uDFC1\uDFC5\uDFC6\uDFC8\uDFC9\uDFCF-\uDFD3\uDFE0-\uDFF0\uDFF8-\uDFFF]|\uDDE6\uD83C[\uDDE8-\uDDEC\uDDEE\uDDF1\uDDF2\uDDF4\uDDF6-\uDDFA\uDDFC\uDDFD\uDDFF]|\uDDE7\uD83C[\uDDE6\uDDE7\uDDE9-\uDDEF\uDDF1-\uDDF4\uDDF6-\uDDF9\uDDFB\uDDFC\uDDFE\uDDFF]|\uDDE8\uD83C[\uDDE6\uDDE8\uDDE9\uDDEB-\uDDEE\uDDF0-\uDDF7\uDDFA-\uDDFF]|\uDDE9\uD83C[\uDDEA\uDDEC\uDDEF\uDDF0\uDDF2\uDDF4\uDDFF]|\uDDEA\uD83C[\uDDE6\uDDE8\uDDEA\uDDEC\uDDED\uDDF7-\uDDFA]|\uDDEB\uD83C[\uDDEE-\uDDF0\uDDF2\uDDF4\uDDF7]|\uDDEC\uD83C[\uDDE6\uDDE7\uDDE9-\uDDEE\uDDF1-\uDDF3\uDDF5-\uDDFA\uDDFC\uDDFE]|\uDDED\uD83C[\uDDF0\uDDF2\uDDF3\uDDF7\uDDF9\uDDFA]|\uDDEE\uD83C[\uDDE8-\uDDEA\uDDF1-\uDDF4\uDDF6-\uDDF9]|\uDDEF\uD83C[\uDDEA\uDDF2\uDDF4\uDDF5]|\uDDF0\uD83C[\uDDEA\uDDEC-\uDDEE\uDDF2\uDDF3\uDDF5\uDDF7\uDDFC\uDDFE\uDDFF]|\uDDF1\uD83C[\uDDE6-\uDDE8\uDDEE\uDDF0\uDDF7-\uDDFB\uDDFE]|\uDDF2\uD83C[\uDDE6\uDDE8-\uDDED\uDDF0-\uDDFF]|\uDDF3\uD83C[\uDDE6\uDDE8\uDDEA-\uDDEC\uDDEE\uDDF1\uDDF4\uDDF5\uDDF7\uDDFA\uDDFF]|\uDDF4\uD83C\uDDF2|\uDDF5\uD83C[\uDDE6\uDDEA-\uDDED\uDDF0-\uDDF3\uDDF7-\uDDF9\uDDFC\uDDFE]|\uDDF6\uD83C\uDDE6|\uDDF7\uD83C[\uDDEA\uDDF4\uDDF8\uDDFA\uDDFC]|\uDDF8\uD83C[\uDDE6-\uDDEA\uDDEC-\uDDF4\uDDF7-\uDDF9\uDDFB\uDDFD-\uDDFF]|\uDDF9\uD83C[\uDDE6\uDDE8\uDDE9\uDDEB-\uDDED\uDDEF-\uDDF4\uDDF7\uDDF9\uDDFB\uDDFC\uDDFF]|\uDDFA\uD83C[\uDDE6\uDDEC\uDDF2\uDDF3\uDDF8\uDDFE\uDDFF]|\uDDFB\uD83C[\uDDE6\uDDE8\uDDEA\uDDEC\uDDEE\uDDF3\uDDFA]|\uDDFC\uD83C[\uDDEB\uDDF8]|\uDDFD\uD83C\uDDF0|\uDDFE\uD83C[\uDDEA\uDDF9]|\uDDFF\uD83C[\uDDE6\uDDF2\uDDFC]|\uDF44(?:\u200D\uD83D\uDFEB)?|\uDF4B(?:\u200D\uD83D\uDFE9)?|\uDFC3(?:\uD83C[\uDFFB-\uDFFF])?(?:\u200D(?:[\u2640\u2642]\uFE0F?(?:\u200D\u27A1\uFE0F?)?|\u27A1\uFE0F?))?|\uDFF3\uFE0F?(?:\u200D(?:\u26A7\uFE0F?|\uD83C\uDF08))?|\uDFF4(?:\u200D\u2620\uFE0F?|\uDB40\uDC67\uDB40\uDC62\uDB40(?:\uDC65\uDB40\uDC6E\uDB40\uDC67|\uDC73\uDB40\uDC63\uDB40\uDC74|\uDC77\uDB40\uDC6C\uDB40\uDC73)\uDB40\uDC7F)?)|\uD83D(?:[\uDC3F\uDCFD\uDD49\uDD4A\uDD6F\uDD70\uDD73\uDD76-\uDD79\uDD87\uDD8A-\uDD8D\uDDA5\uDDA8\uDDB1\uDDB2\uDDBC\uDDC2-\uDDC4\uDDD1-\uDDD3\uDDDC-\uDDDE\uDDE1\uDDE3\uDDE8\uDDEF\uDDF3\uDDFA\uDECB\uDECD-\uDECF\uDEE0-\uDEE5\uDEE9\uDEF0\uDEF3]\uFE0F?|[\uDC42\uDC43\uDC46-\uDC50\uDC66\uDC67\uDC6B-\uDC6D\uDC72\uDC74-\uDC76\uDC78\uDC7C\uDC83\uDC85\uDC8F\uDC91\uDCAA\uDD7A\uDD95\uDD96\uDE4C\uDE4F\uDEC0\uDECC](?:\uD83C[\uDFFB-\uDFFF])?|[\uDC6E-\uDC71\uDC73\uDC77\uDC81\uDC82\uDC86\uDC87\uDE45-\uDE47\uDE4B\uDE4D\uDE4E\uDEA3\uDEB4\uDEB5](?:\uD83C[\uDFFB-\uDFFF])?(?:\u200D[\u2640\u2642]\uFE0F?)?|[\uDD74\uDD90](?:\uD83C[\uDFFB-\uDFFF]|\uFE0F)?|[\uDC00-\uDC07\uDC09-\uDC14\uDC16-\uDC25\uDC27-\uDC3A\uDC3C-\uDC3E\uDC40\uDC44\uDC45\uDC51-\uDC65\uDC6A\uDC79-\uDC7B\uDC7D-\uDC80\uDC84\uDC88-\uDC8E\uDC90\uDC92-\uDCA9\uDCAB-\uDCFC\uDCFF-\uDD3D\uDD4B-\uDD4E\uDD50-\uDD67\uDDA4\uDDFB-\uDE2D\uDE2F-\uDE34\uDE37-\uDE41\uDE43\uDE44\uDE48-\uDE4A\uDE80-\uDEA2\uDEA4-\uDEB3\uDEB7-\uDEBF\uDEC1-\uDEC5\uDED0-\uDED2\uDED5-\uDED8\uDEDC-\uDEDF\uDEEB\uDEEC\uDEF4-\uDEFC\uDFE0-\uDFEB\uDFF0]|\uDC08(?:\u200D\u2B1B)?|\uDC15(?:\u200D\uD83E\uDDBA)?|\uDC26(?:\u200D(?:\u2B1B|\uD83D\uDD25))?|\uDC3B(?:\u200D\u2744\uFE0F?)?|\uDC41\uFE0F?(?:\u200D\uD83D\uDDE8\uFE0F?)?|\uDC68(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:\uDC8B\u200D\uD83D)?\uDC68|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDC68\uDC69]\u200D\uD83D(?:\uDC66(?:\u200D\uD83D\uDC66)?|\uDC67(?:\u200D\uD83D[\uDC66\uDC67])?)|[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC66(?:\u200D\uD83D\uDC66)?|\uDC67(?:\u200D\uD83D[\uDC66\uDC67])?)|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3]))|\uD83C(?:\uDFFB(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:\uDC8B\u200D\uD83D)?\uDC68\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC68\uD83C[\uDFFC-\uDFFF])|\uD83E(?:[\uDD1D\uDEEF]\u200D\uD83D\uDC68\uD83C[\uDFFC-\uDFFF]|[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3])))?|\uDFFC(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:\uDC8B\u200D\uD83D)?\uDC68\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC68\uD83C[\uDFFB\uDFFD-\uDFFF])|\uD83E(?:[\uDD1D\uDEEF]\u200D\uD83D\uDC68\uD83C[\uDFFB\uDFFD-\uDFFF]|[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3])))?|\uDFFD(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:\uDC8B\u200D\uD83D)?\uDC68\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC68\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF])|\uD83E(?:[\uDD1D\uDEEF]\u200D\uD83D\uDC68\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF]|[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3])))?|\uDFFE(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:\uDC8B\u200D\uD83D)?\uDC68\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC68\uD83C[\uDFFB-\uDFFD\uDFFF])|\uD83E(?:[\uDD1D\uDEEF]\u200D\uD83D\uDC68\uD83C[\uDFFB-\uDFFD\uDFFF]|[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3])))?|\uDFFF(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:\uDC8B\u200D\uD83D)?\uDC68\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC68\uD83C[\uDFFB-\uDFFE])|\uD83E(?:[\uDD1D\uDEEF]\u200D\uD83D\uDC68\uD83C[\uDFFB-\uDFFE]|[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3])))?))?|\uDC69(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:\uDC8B\u200D\uD83D)?[\uDC68\uDC69]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC66(?:\u200D\uD83D\uDC66)?|\uDC67(?:\u200D\uD83D[\uDC66\uDC67])?|\uDC69\u200D\uD83D(?:\uDC66(?:\u200D\uD83D\uDC66)?|\uDC67(?:\u200D\uD83D[\uDC66\uDC67])?))|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3]))|\uD83C(?:\uDFFB(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:[\uDC68\uDC69]|\uDC8B\u200D\uD83D[\uDC68\uDC69])\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC69\uD83C[\uDFFC-\uDFFF])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3]|\uDD1D\u200D\uD83D[\uDC68\uDC69]\uD83C[\uDFFC-\uDFFF]|\uDEEF\u200D\uD83D\uDC69\uD83C[\uDFFC-\uDFFF])))?|\uDFFC(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:[\uDC68\uDC69]|\uDC8B\u200D\uD83D[\uDC68\uDC69])\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC69\uD83C[\uDFFB\uDFFD-\uDFFF])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3]|\uDD1D\u200D\uD83D[\uDC68\uDC69]\uD83C[\uDFFB\uDFFD-\uDFFF]|\uDEEF\u200D\uD83D\uDC69\uD83C[\uDFFB\uDFFD-\uDFFF])))?|\uDFFD(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:[\uDC68\uDC69]|\uDC8B\u200D\uD83D[\uDC68\uDC69])\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC69\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3]|\uDD1D\u200D\uD83D[\uDC68\uDC69]\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF]|\uDEEF\u200D\uD83D\uDC69\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF])))?|\uDFFE(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:[\uDC68\uDC69]|\uDC8B\u200D\uD83D[\uDC68\uDC69])\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC69\uD83C[\uDFFB-\uDFFD\uDFFF])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3]|\uDD1D\u200D\uD83D[\uDC68\uDC69]\uD83C[\uDFFB-\uDFFD\uDFFF]|\uDEEF\u200D\uD83D\uDC69\uD83C[\uDFFB-\uDFFD\uDFFF])))?|\uDFFF(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:[\uDC68\uDC69]|\uDC8B\u200D\uD83D[\uDC68\uDC69])\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC69\uD83C[\uDFFB-\uDFFE])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3]|\uDD1D\u200D\uD83D[\uDC68\uDC69]\uD83C[\uDFFB-\uDFFE]|\uDEEF\u200D\uD83D\uDC69\uD83C[\uDFFB-\uDFFE])))?))?|\uDD75(?:\uD83C[\uDFFB-\uDFFF]|\uFE0F)?(?:\u200D[\u2640\u2642]\uFE0F?)?|\uDE2E(?:\u200D\uD83D\uDCA8)?|\uDE35(?:\u200D\uD83D\uDCAB)?|\uDE36(?:\u200D\uD83C\uDF2B\uFE0F?)?|\uDE42(?:\u200D[\u2194\u2195]\uFE0F?)?|\uDEB6(?:\uD83C[\uDFFB-\uDFFF])?(?:\u200D(?:[\u2640\u2642]\uFE0F?(?:\u200D\u27A1\uFE0F?)?|\u27A1\uFE0F?))?)|\uD83E(?:[\uDD0C\uDD0F\uDD18-\uDD1F\uDD30-\uDD34\uDD36\uDD77\uDDB5\uDDB6\uDDBB\uDDD2\uDDD3\uDDD5\uDEC3-\uDEC5\uDEF0\uDEF2-\uDEF8](?:\uD83C[\uDFFB-\uDFFF])?|[\uDD26\uDD35\uDD37-\uDD39\uDD3C-\uDD3E\uDDB8\uDDB9\uDDCD\uDDCF\uDDD4\uDDD6-\uDDDD](?:\uD83C[\uDFFB-\uDFFF])?(?:\u200D[\u2640\u2642]\uFE0F?)?|[\uDDDE\uDDDF](?:\u200D[\u2640\u2642]\uFE0F?)?|[\uDD0D\uDD0E\uDD10-\uDD17\uDD20-\uDD25\uDD27-\uDD2F\uDD3A\uDD3F-\uDD45\uDD47-\uDD76\uDD78-\uDDB4\uDDB7\uDDBA\uDDBC-\uDDCC\uDDD0\uDDE0-\uDDFF\uDE70-\uDE7C\uDE80-\uDE8A\uDE8E-\uDEC2\uDEC6\uDEC8\uDECD-\uDEDC\uDEDF-\uDEEA\uDEEF]|\uDDCE(?:\uD83C[\uDFFB-\uDFFF])?(?:\u200D(?:[\u2640\u2642]\uFE0F?(?:\u200D\u27A1\uFE0F?)?|\u27A1\uFE0F?))?|\uDDD1(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\uD83C[\uDF3E\uDF73\uDF7C\uDF84\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3\uDE70]|\uDD1D\u200D\uD83E\uDDD1|\uDDD1\u200D\uD83E\uDDD2(?:\u200D\uD83E\uDDD2)?|\uDDD2(?:\u200D\uD83E\uDDD2)?))|\uD83C(?:\uDFFB(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D(?:\uD83D\uDC8B\u200D)?\uD83E\uDDD1\uD83C[\uDFFC-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF84\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83E\uDDD1\uD83C[\uDFFC-\uDFFF])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3\uDE70]|\uDD1D\u200D\uD83E\uDDD1\uD83C[\uDFFB-\uDFFF]|\uDEEF\u200D\uD83E\uDDD1\uD83C[\uDFFC-\uDFFF])))?|\uDFFC(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D(?:\uD83D\uDC8B\u200D)?\uD83E\uDDD1\uD83C[\uDFFB\uDFFD-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF84\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83E\uDDD1\uD83C[\uDFFB\uDFFD-\uDFFF])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3\uDE70]|\uDD1D\u200D\uD83E\uDDD1\uD83C[\uDFFB-\uDFFF]|\uDEEF\u200D\uD83E\uDDD1\uD83C[\uDFFB\uDFFD-\uDFFF])))?|\uDFFD(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D(?:\uD83D\uDC8B\u200D)?\uD83E\uDDD1\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF84\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83E\uDDD1\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3\uDE70]|\uDD1D\u200D\uD83E\uDDD1\uD83C[\uDFFB-\uDFFF]|\uDEEF\u200D\uD83E\uDDD1\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF])))?|\uDFFE(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D(?:\uD83D\uDC8B\u200D)?\uD83E\uDDD1\uD83C[\uDFFB-\uDFFD\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF84\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83E\uDDD1\uD83C[\uDFFB-\uDFFD\uDFFF])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3\uDE70]|\uDD1D\u200D\uD83E\uDDD1\uD83C[\uDFFB-\uDFFF]|\uDEEF\u200D\uD83E\uDDD1\uD83C[\uDFFB-\uDFFD\uDFFF])))?|\uDFFF(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D(?:\uD83D\uDC8B\u200D)?\uD83E\uDDD1\uD83C[\uDFFB-\uDFFE]|\uD83C[\uDF3E\uDF73\uDF7C\uDF84\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83E\uDDD1\uD83C[\uDFFB-\uDFFE])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3\uDE70]|\uDD1D\u200D\uD83E\uDDD1\uD83C[\uDFFB-\uDFFF]|\uDEEF\u200D\uD83E\uDDD1\uD83C[\uDFFB-\uDFFE])))?))?|\uDEF1(?:\uD83C(?:\uDFFB(?:\u200D\uD83E\uDEF2\uD83C[\uDFFC-\uDFFF])?|\uDFFC(?:\u200D\uD83E\uDEF2\uD83C[\uDFFB\uDFFD-\uDFFF])?|\uDFFD(?:\u200D\uD83E\uDEF2\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF])?|\uDFFE(?:\u200D\uD83E\uDEF2\uD83C[\uDFFB-\uDFFD\uDFFF])?|\uDFFF(?:\u200D\uD83E\uDEF2\uD83C[\uDFFB-\uDFFE])?))?)/g;
    };
  }
});

// ../../node_modules/wrap-ansi/node_modules/string-width/index.js
function stringWidth2(string, options = {}) {
  if (typeof string !== "string" || string.length === 0) {
    return 0;
  }
  const {
    ambiguousIsNarrow = true,
    countAnsiEscapeCodes = false
  } = options;
  if (!countAnsiEscapeCodes) {
    string = stripAnsi2(string);
  }
  if (string.length === 0) {
    return 0;
  }
  let width = 0;
  const eastAsianWidthOptions = { ambiguousAsWide: !ambiguousIsNarrow };
  for (const { segment: character } of segmenter2.segment(string)) {
    const codePoint = character.codePointAt(0);
    if (codePoint <= 31 || codePoint >= 127 && codePoint <= 159) {
      continue;
    }
    if (codePoint >= 8203 && codePoint <= 8207 || codePoint === 65279) {
      continue;
    }
    if (codePoint >= 768 && codePoint <= 879 || codePoint >= 6832 && codePoint <= 6911 || codePoint >= 7616 && codePoint <= 7679 || codePoint >= 8400 && codePoint <= 8447 || codePoint >= 65056 && codePoint <= 65071) {
      continue;
    }
    if (codePoint >= 55296 && codePoint <= 57343) {
      continue;
    }
    if (codePoint >= 65024 && codePoint <= 65039) {
      continue;
    }
    if (defaultIgnorableCodePointRegex2.test(character)) {
      continue;
    }
    if ((0, import_emoji_regex2.default)().test(character)) {
      width += 2;
      continue;
    }
    width += eastAsianWidth(codePoint, eastAsianWidthOptions);
  }
  return width;
}
var import_emoji_regex2, segmenter2, defaultIgnorableCodePointRegex2;
var init_string_width2 = __esm({
  "../../node_modules/wrap-ansi/node_modules/string-width/index.js"() {
    init_import_meta_url();
    init_strip_ansi2();
    init_get_east_asian_width();
    import_emoji_regex2 = __toESM(require_emoji_regex2(), 1);
    segmenter2 = new Intl.Segmenter();
    defaultIgnorableCodePointRegex2 = new RegExp("^\\p{Default_Ignorable_Code_Point}$", "u");
  }
});

// ../../node_modules/wrap-ansi/node_modules/ansi-styles/index.js
function assembleStyles() {
  const codes = /* @__PURE__ */ new Map();
  for (const [groupName, group] of Object.entries(styles)) {
    for (const [styleName, style] of Object.entries(group)) {
      styles[styleName] = {
        open: `\x1B[${style[0]}m`,
        close: `\x1B[${style[1]}m`
      };
      group[styleName] = styles[styleName];
      codes.set(style[0], style[1]);
    }
    Object.defineProperty(styles, groupName, {
      value: group,
      enumerable: false
    });
  }
  Object.defineProperty(styles, "codes", {
    value: codes,
    enumerable: false
  });
  styles.color.close = "\x1B[39m";
  styles.bgColor.close = "\x1B[49m";
  styles.color.ansi = wrapAnsi16();
  styles.color.ansi256 = wrapAnsi256();
  styles.color.ansi16m = wrapAnsi16m();
  styles.bgColor.ansi = wrapAnsi16(ANSI_BACKGROUND_OFFSET);
  styles.bgColor.ansi256 = wrapAnsi256(ANSI_BACKGROUND_OFFSET);
  styles.bgColor.ansi16m = wrapAnsi16m(ANSI_BACKGROUND_OFFSET);
  Object.defineProperties(styles, {
    rgbToAnsi256: {
      value(red, green, blue) {
        if (red === green && green === blue) {
          if (red < 8) {
            return 16;
          }
          if (red > 248) {
            return 231;
          }
          return Math.round((red - 8) / 247 * 24) + 232;
        }
        return 16 + 36 * Math.round(red / 255 * 5) + 6 * Math.round(green / 255 * 5) + Math.round(blue / 255 * 5);
      },
      enumerable: false
    },
    hexToRgb: {
      value(hex) {
        const matches = /[a-f\d]{6}|[a-f\d]{3}/i.exec(hex.toString(16));
        if (!matches) {
          return [0, 0, 0];
        }
        let [colorString] = matches;
        if (colorString.length === 3) {
          colorString = [...colorString].map((character) => character + character).join("");
        }
        const integer = Number.parseInt(colorString, 16);
        return [
          /* eslint-disable no-bitwise */
          integer >> 16 & 255,
          integer >> 8 & 255,
          integer & 255
          /* eslint-enable no-bitwise */
        ];
      },
      enumerable: false
    },
    hexToAnsi256: {
      value: (hex) => styles.rgbToAnsi256(...styles.hexToRgb(hex)),
      enumerable: false
    },
    ansi256ToAnsi: {
      value(code) {
        if (code < 8) {
          return 30 + code;
        }
        if (code < 16) {
          return 90 + (code - 8);
        }
        let red;
        let green;
        let blue;
        if (code >= 232) {
          red = ((code - 232) * 10 + 8) / 255;
          green = red;
          blue = red;
        } else {
          code -= 16;
          const remainder = code % 36;
          red = Math.floor(code / 36) / 5;
          green = Math.floor(remainder / 6) / 5;
          blue = remainder % 6 / 5;
        }
        const value = Math.max(red, green, blue) * 2;
        if (value === 0) {
          return 30;
        }
        let result = 30 + (Math.round(blue) << 2 | Math.round(green) << 1 | Math.round(red));
        if (value === 2) {
          result += 60;
        }
        return result;
      },
      enumerable: false
    },
    rgbToAnsi: {
      value: (red, green, blue) => styles.ansi256ToAnsi(styles.rgbToAnsi256(red, green, blue)),
      enumerable: false
    },
    hexToAnsi: {
      value: (hex) => styles.ansi256ToAnsi(styles.hexToAnsi256(hex)),
      enumerable: false
    }
  });
  return styles;
}
var ANSI_BACKGROUND_OFFSET, wrapAnsi16, wrapAnsi256, wrapAnsi16m, styles, modifierNames, foregroundColorNames, backgroundColorNames, colorNames, ansiStyles, ansi_styles_default;
var init_ansi_styles = __esm({
  "../../node_modules/wrap-ansi/node_modules/ansi-styles/index.js"() {
    init_import_meta_url();
    ANSI_BACKGROUND_OFFSET = 10;
    wrapAnsi16 = (offset = 0) => (code) => `\x1B[${code + offset}m`;
    wrapAnsi256 = (offset = 0) => (code) => `\x1B[${38 + offset};5;${code}m`;
    wrapAnsi16m = (offset = 0) => (red, green, blue) => `\x1B[${38 + offset};2;${red};${green};${blue}m`;
    styles = {
      modifier: {
        reset: [0, 0],
        // 21 isn't widely supported and 22 does the same thing
        bold: [1, 22],
        dim: [2, 22],
        italic: [3, 23],
        underline: [4, 24],
        overline: [53, 55],
        inverse: [7, 27],
        hidden: [8, 28],
        strikethrough: [9, 29]
      },
      color: {
        black: [30, 39],
        red: [31, 39],
        green: [32, 39],
        yellow: [33, 39],
        blue: [34, 39],
        magenta: [35, 39],
        cyan: [36, 39],
        white: [37, 39],
        // Bright color
        blackBright: [90, 39],
        gray: [90, 39],
        // Alias of `blackBright`
        grey: [90, 39],
        // Alias of `blackBright`
        redBright: [91, 39],
        greenBright: [92, 39],
        yellowBright: [93, 39],
        blueBright: [94, 39],
        magentaBright: [95, 39],
        cyanBright: [96, 39],
        whiteBright: [97, 39]
      },
      bgColor: {
        bgBlack: [40, 49],
        bgRed: [41, 49],
        bgGreen: [42, 49],
        bgYellow: [43, 49],
        bgBlue: [44, 49],
        bgMagenta: [45, 49],
        bgCyan: [46, 49],
        bgWhite: [47, 49],
        // Bright color
        bgBlackBright: [100, 49],
        bgGray: [100, 49],
        // Alias of `bgBlackBright`
        bgGrey: [100, 49],
        // Alias of `bgBlackBright`
        bgRedBright: [101, 49],
        bgGreenBright: [102, 49],
        bgYellowBright: [103, 49],
        bgBlueBright: [104, 49],
        bgMagentaBright: [105, 49],
        bgCyanBright: [106, 49],
        bgWhiteBright: [107, 49]
      }
    };
    modifierNames = Object.keys(styles.modifier);
    foregroundColorNames = Object.keys(styles.color);
    backgroundColorNames = Object.keys(styles.bgColor);
    colorNames = [...foregroundColorNames, ...backgroundColorNames];
    ansiStyles = assembleStyles();
    ansi_styles_default = ansiStyles;
  }
});

// ../../node_modules/wrap-ansi/index.js
function wrapAnsi(string, columns, options) {
  return String(string).normalize().replaceAll("\r\n", "\n").split("\n").map((line) => exec(line, columns, options)).join("\n");
}
var ESCAPES, END_CODE, ANSI_ESCAPE_BELL, ANSI_CSI, ANSI_OSC, ANSI_SGR_TERMINATOR, ANSI_ESCAPE_LINK, wrapAnsiCode, wrapAnsiHyperlink, wordLengths, wrapWord, stringVisibleTrimSpacesRight, exec;
var init_wrap_ansi = __esm({
  "../../node_modules/wrap-ansi/index.js"() {
    init_import_meta_url();
    init_string_width2();
    init_strip_ansi2();
    init_ansi_styles();
    ESCAPES = /* @__PURE__ */ new Set([
      "\x1B",
      ""
    ]);
    END_CODE = 39;
    ANSI_ESCAPE_BELL = "\x07";
    ANSI_CSI = "[";
    ANSI_OSC = "]";
    ANSI_SGR_TERMINATOR = "m";
    ANSI_ESCAPE_LINK = `${ANSI_OSC}8;;`;
    wrapAnsiCode = (code) => `${ESCAPES.values().next().value}${ANSI_CSI}${code}${ANSI_SGR_TERMINATOR}`;
    wrapAnsiHyperlink = (url) => `${ESCAPES.values().next().value}${ANSI_ESCAPE_LINK}${url}${ANSI_ESCAPE_BELL}`;
    wordLengths = (string) => string.split(" ").map((character) => stringWidth2(character));
    wrapWord = (rows, word, columns) => {
      const characters = [...word];
      let isInsideEscape = false;
      let isInsideLinkEscape = false;
      let visible = stringWidth2(stripAnsi2(rows.at(-1)));
      for (const [index, character] of characters.entries()) {
        const characterLength = stringWidth2(character);
        if (visible + characterLength <= columns) {
          rows[rows.length - 1] += character;
        } else {
          rows.push(character);
          visible = 0;
        }
        if (ESCAPES.has(character)) {
          isInsideEscape = true;
          const ansiEscapeLinkCandidate = characters.slice(index + 1, index + 1 + ANSI_ESCAPE_LINK.length).join("");
          isInsideLinkEscape = ansiEscapeLinkCandidate === ANSI_ESCAPE_LINK;
        }
        if (isInsideEscape) {
          if (isInsideLinkEscape) {
            if (character === ANSI_ESCAPE_BELL) {
              isInsideEscape = false;
              isInsideLinkEscape = false;
            }
          } else if (character === ANSI_SGR_TERMINATOR) {
            isInsideEscape = false;
          }
          continue;
        }
        visible += characterLength;
        if (visible === columns && index < characters.length - 1) {
          rows.push("");
          visible = 0;
        }
      }
      if (!visible && rows.at(-1).length > 0 && rows.length > 1) {
        rows[rows.length - 2] += rows.pop();
      }
    };
    stringVisibleTrimSpacesRight = (string) => {
      const words = string.split(" ");
      let last = words.length;
      while (last > 0) {
        if (stringWidth2(words[last - 1]) > 0) {
          break;
        }
        last--;
      }
      if (last === words.length) {
        return string;
      }
      return words.slice(0, last).join(" ") + words.slice(last).join("");
    };
    exec = (string, columns, options = {}) => {
      if (options.trim !== false && string.trim() === "") {
        return "";
      }
      let returnValue = "";
      let escapeCode;
      let escapeUrl;
      const lengths = wordLengths(string);
      let rows = [""];
      for (const [index, word] of string.split(" ").entries()) {
        if (options.trim !== false) {
          rows[rows.length - 1] = rows.at(-1).trimStart();
        }
        let rowLength = stringWidth2(rows.at(-1));
        if (index !== 0) {
          if (rowLength >= columns && (options.wordWrap === false || options.trim === false)) {
            rows.push("");
            rowLength = 0;
          }
          if (rowLength > 0 || options.trim === false) {
            rows[rows.length - 1] += " ";
            rowLength++;
          }
        }
        if (options.hard && lengths[index] > columns) {
          const remainingColumns = columns - rowLength;
          const breaksStartingThisLine = 1 + Math.floor((lengths[index] - remainingColumns - 1) / columns);
          const breaksStartingNextLine = Math.floor((lengths[index] - 1) / columns);
          if (breaksStartingNextLine < breaksStartingThisLine) {
            rows.push("");
          }
          wrapWord(rows, word, columns);
          continue;
        }
        if (rowLength + lengths[index] > columns && rowLength > 0 && lengths[index] > 0) {
          if (options.wordWrap === false && rowLength < columns) {
            wrapWord(rows, word, columns);
            continue;
          }
          rows.push("");
        }
        if (rowLength + lengths[index] > columns && options.wordWrap === false) {
          wrapWord(rows, word, columns);
          continue;
        }
        rows[rows.length - 1] += word;
      }
      if (options.trim !== false) {
        rows = rows.map((row) => stringVisibleTrimSpacesRight(row));
      }
      const preString = rows.join("\n");
      const pre = [...preString];
      let preStringIndex = 0;
      for (const [index, character] of pre.entries()) {
        returnValue += character;
        if (ESCAPES.has(character)) {
          const { groups } = new RegExp(`(?:\\${ANSI_CSI}(?<code>\\d+)m|\\${ANSI_ESCAPE_LINK}(?<uri>.*)${ANSI_ESCAPE_BELL})`).exec(preString.slice(preStringIndex)) || { groups: {} };
          if (groups.code !== void 0) {
            const code2 = Number.parseFloat(groups.code);
            escapeCode = code2 === END_CODE ? void 0 : code2;
          } else if (groups.uri !== void 0) {
            escapeUrl = groups.uri.length === 0 ? void 0 : groups.uri;
          }
        }
        const code = ansi_styles_default.codes.get(Number(escapeCode));
        if (pre[index + 1] === "\n") {
          if (escapeUrl) {
            returnValue += wrapAnsiHyperlink("");
          }
          if (escapeCode && code) {
            returnValue += wrapAnsiCode(code);
          }
        } else if (character === "\n") {
          if (escapeCode && code) {
            returnValue += wrapAnsiCode(escapeCode);
          }
          if (escapeUrl) {
            returnValue += wrapAnsiHyperlink(escapeUrl);
          }
        }
        preStringIndex += character.length;
      }
      return returnValue;
    };
  }
});

// ../../node_modules/cliui/index.mjs
function ui(opts) {
  return cliui(opts, {
    stringWidth,
    stripAnsi,
    wrap: wrapAnsi
  });
}
var init_cliui = __esm({
  "../../node_modules/cliui/index.mjs"() {
    init_import_meta_url();
    init_lib();
    init_string_width();
    init_strip_ansi();
    init_wrap_ansi();
  }
});

// ../../node_modules/escalade/sync/index.mjs
function sync_default(start, callback) {
  let dir = (0, import_path.resolve)(".", start);
  let tmp, stats = (0, import_fs.statSync)(dir);
  if (!stats.isDirectory()) {
    dir = (0, import_path.dirname)(dir);
  }
  while (true) {
    tmp = callback(dir, (0, import_fs.readdirSync)(dir));
    if (tmp) return (0, import_path.resolve)(dir, tmp);
    dir = (0, import_path.dirname)(tmp = dir);
    if (tmp === dir) break;
  }
}
var import_path, import_fs;
var init_sync = __esm({
  "../../node_modules/escalade/sync/index.mjs"() {
    init_import_meta_url();
    import_path = require("path");
    import_fs = require("fs");
  }
});

// ../../node_modules/yargs/node_modules/yargs-parser/build/lib/string-utils.js
function camelCase(str) {
  const isCamelCase = str !== str.toLowerCase() && str !== str.toUpperCase();
  if (!isCamelCase) {
    str = str.toLowerCase();
  }
  if (str.indexOf("-") === -1 && str.indexOf("_") === -1) {
    return str;
  } else {
    let camelcase = "";
    let nextChrUpper = false;
    const leadingHyphens = str.match(/^-+/);
    for (let i = leadingHyphens ? leadingHyphens[0].length : 0; i < str.length; i++) {
      let chr = str.charAt(i);
      if (nextChrUpper) {
        nextChrUpper = false;
        chr = chr.toUpperCase();
      }
      if (i !== 0 && (chr === "-" || chr === "_")) {
        nextChrUpper = true;
      } else if (chr !== "-" && chr !== "_") {
        camelcase += chr;
      }
    }
    return camelcase;
  }
}
function decamelize(str, joinString) {
  const lowercase = str.toLowerCase();
  joinString = joinString || "-";
  let notCamelcase = "";
  for (let i = 0; i < str.length; i++) {
    const chrLower = lowercase.charAt(i);
    const chrString = str.charAt(i);
    if (chrLower !== chrString && i > 0) {
      notCamelcase += `${joinString}${lowercase.charAt(i)}`;
    } else {
      notCamelcase += chrString;
    }
  }
  return notCamelcase;
}
function looksLikeNumber(x) {
  if (x === null || x === void 0)
    return false;
  if (typeof x === "number")
    return true;
  if (/^0x[0-9a-f]+$/i.test(x))
    return true;
  if (/^0[^.]/.test(x))
    return false;
  return /^[-]?(?:\d+(?:\.\d*)?|\.\d+)(e[-+]?\d+)?$/.test(x);
}
var init_string_utils = __esm({
  "../../node_modules/yargs/node_modules/yargs-parser/build/lib/string-utils.js"() {
    init_import_meta_url();
  }
});

// ../../node_modules/yargs/node_modules/yargs-parser/build/lib/tokenize-arg-string.js
function tokenizeArgString(argString) {
  if (Array.isArray(argString)) {
    return argString.map((e) => typeof e !== "string" ? e + "" : e);
  }
  argString = argString.trim();
  let i = 0;
  let prevC = null;
  let c = null;
  let opening = null;
  const args = [];
  for (let ii = 0; ii < argString.length; ii++) {
    prevC = c;
    c = argString.charAt(ii);
    if (c === " " && !opening) {
      if (!(prevC === " ")) {
        i++;
      }
      continue;
    }
    if (c === opening) {
      opening = null;
    } else if ((c === "'" || c === '"') && !opening) {
      opening = c;
    }
    if (!args[i])
      args[i] = "";
    args[i] += c;
  }
  return args;
}
var init_tokenize_arg_string = __esm({
  "../../node_modules/yargs/node_modules/yargs-parser/build/lib/tokenize-arg-string.js"() {
    init_import_meta_url();
  }
});

// ../../node_modules/yargs/node_modules/yargs-parser/build/lib/yargs-parser-types.js
var DefaultValuesForTypeKey;
var init_yargs_parser_types = __esm({
  "../../node_modules/yargs/node_modules/yargs-parser/build/lib/yargs-parser-types.js"() {
    init_import_meta_url();
    (function(DefaultValuesForTypeKey2) {
      DefaultValuesForTypeKey2["BOOLEAN"] = "boolean";
      DefaultValuesForTypeKey2["STRING"] = "string";
      DefaultValuesForTypeKey2["NUMBER"] = "number";
      DefaultValuesForTypeKey2["ARRAY"] = "array";
    })(DefaultValuesForTypeKey || (DefaultValuesForTypeKey = {}));
  }
});

// ../../node_modules/yargs/node_modules/yargs-parser/build/lib/yargs-parser.js
function combineAliases(aliases) {
  const aliasArrays = [];
  const combined = /* @__PURE__ */ Object.create(null);
  let change = true;
  Object.keys(aliases).forEach(function(key) {
    aliasArrays.push([].concat(aliases[key], key));
  });
  while (change) {
    change = false;
    for (let i = 0; i < aliasArrays.length; i++) {
      for (let ii = i + 1; ii < aliasArrays.length; ii++) {
        const intersect = aliasArrays[i].filter(function(v) {
          return aliasArrays[ii].indexOf(v) !== -1;
        });
        if (intersect.length) {
          aliasArrays[i] = aliasArrays[i].concat(aliasArrays[ii]);
          aliasArrays.splice(ii, 1);
          change = true;
          break;
        }
      }
    }
  }
  aliasArrays.forEach(function(aliasArray) {
    aliasArray = aliasArray.filter(function(v, i, self) {
      return self.indexOf(v) === i;
    });
    const lastAlias = aliasArray.pop();
    if (lastAlias !== void 0 && typeof lastAlias === "string") {
      combined[lastAlias] = aliasArray;
    }
  });
  return combined;
}
function increment(orig) {
  return orig !== void 0 ? orig + 1 : 1;
}
function sanitizeKey(key) {
  if (key === "__proto__")
    return "___proto___";
  return key;
}
function stripQuotes(val) {
  return typeof val === "string" && (val[0] === "'" || val[0] === '"') && val[val.length - 1] === val[0] ? val.substring(1, val.length - 1) : val;
}
var mixin2, YargsParser;
var init_yargs_parser = __esm({
  "../../node_modules/yargs/node_modules/yargs-parser/build/lib/yargs-parser.js"() {
    init_import_meta_url();
    init_tokenize_arg_string();
    init_yargs_parser_types();
    init_string_utils();
    YargsParser = class {
      constructor(_mixin) {
        mixin2 = _mixin;
      }
      parse(argsInput, options) {
        const opts = Object.assign({
          alias: void 0,
          array: void 0,
          boolean: void 0,
          config: void 0,
          configObjects: void 0,
          configuration: void 0,
          coerce: void 0,
          count: void 0,
          default: void 0,
          envPrefix: void 0,
          narg: void 0,
          normalize: void 0,
          string: void 0,
          number: void 0,
          __: void 0,
          key: void 0
        }, options);
        const args = tokenizeArgString(argsInput);
        const inputIsString = typeof argsInput === "string";
        const aliases = combineAliases(Object.assign(/* @__PURE__ */ Object.create(null), opts.alias));
        const configuration = Object.assign({
          "boolean-negation": true,
          "camel-case-expansion": true,
          "combine-arrays": false,
          "dot-notation": true,
          "duplicate-arguments-array": true,
          "flatten-duplicate-arrays": true,
          "greedy-arrays": true,
          "halt-at-non-option": false,
          "nargs-eats-options": false,
          "negation-prefix": "no-",
          "parse-numbers": true,
          "parse-positional-numbers": true,
          "populate--": false,
          "set-placeholder-key": false,
          "short-option-groups": true,
          "strip-aliased": false,
          "strip-dashed": false,
          "unknown-options-as-args": false
        }, opts.configuration);
        const defaults = Object.assign(/* @__PURE__ */ Object.create(null), opts.default);
        const configObjects = opts.configObjects || [];
        const envPrefix = opts.envPrefix;
        const notFlagsOption = configuration["populate--"];
        const notFlagsArgv = notFlagsOption ? "--" : "_";
        const newAliases = /* @__PURE__ */ Object.create(null);
        const defaulted = /* @__PURE__ */ Object.create(null);
        const __ = opts.__ || mixin2.format;
        const flags = {
          aliases: /* @__PURE__ */ Object.create(null),
          arrays: /* @__PURE__ */ Object.create(null),
          bools: /* @__PURE__ */ Object.create(null),
          strings: /* @__PURE__ */ Object.create(null),
          numbers: /* @__PURE__ */ Object.create(null),
          counts: /* @__PURE__ */ Object.create(null),
          normalize: /* @__PURE__ */ Object.create(null),
          configs: /* @__PURE__ */ Object.create(null),
          nargs: /* @__PURE__ */ Object.create(null),
          coercions: /* @__PURE__ */ Object.create(null),
          keys: []
        };
        const negative = /^-([0-9]+(\.[0-9]+)?|\.[0-9]+)$/;
        const negatedBoolean = new RegExp("^--" + configuration["negation-prefix"] + "(.+)");
        [].concat(opts.array || []).filter(Boolean).forEach(function(opt) {
          const key = typeof opt === "object" ? opt.key : opt;
          const assignment = Object.keys(opt).map(function(key2) {
            const arrayFlagKeys = {
              boolean: "bools",
              string: "strings",
              number: "numbers"
            };
            return arrayFlagKeys[key2];
          }).filter(Boolean).pop();
          if (assignment) {
            flags[assignment][key] = true;
          }
          flags.arrays[key] = true;
          flags.keys.push(key);
        });
        [].concat(opts.boolean || []).filter(Boolean).forEach(function(key) {
          flags.bools[key] = true;
          flags.keys.push(key);
        });
        [].concat(opts.string || []).filter(Boolean).forEach(function(key) {
          flags.strings[key] = true;
          flags.keys.push(key);
        });
        [].concat(opts.number || []).filter(Boolean).forEach(function(key) {
          flags.numbers[key] = true;
          flags.keys.push(key);
        });
        [].concat(opts.count || []).filter(Boolean).forEach(function(key) {
          flags.counts[key] = true;
          flags.keys.push(key);
        });
        [].concat(opts.normalize || []).filter(Boolean).forEach(function(key) {
          flags.normalize[key] = true;
          flags.keys.push(key);
        });
        if (typeof opts.narg === "object") {
          Object.entries(opts.narg).forEach(([key, value]) => {
            if (typeof value === "number") {
              flags.nargs[key] = value;
              flags.keys.push(key);
            }
          });
        }
        if (typeof opts.coerce === "object") {
          Object.entries(opts.coerce).forEach(([key, value]) => {
            if (typeof value === "function") {
              flags.coercions[key] = value;
              flags.keys.push(key);
            }
          });
        }
        if (typeof opts.config !== "undefined") {
          if (Array.isArray(opts.config) || typeof opts.config === "string") {
            ;
            [].concat(opts.config).filter(Boolean).forEach(function(key) {
              flags.configs[key] = true;
            });
          } else if (typeof opts.config === "object") {
            Object.entries(opts.config).forEach(([key, value]) => {
              if (typeof value === "boolean" || typeof value === "function") {
                flags.configs[key] = value;
              }
            });
          }
        }
        extendAliases(opts.key, aliases, opts.default, flags.arrays);
        Object.keys(defaults).forEach(function(key) {
          (flags.aliases[key] || []).forEach(function(alias) {
            defaults[alias] = defaults[key];
          });
        });
        let error = null;
        checkConfiguration();
        let notFlags = [];
        const argv = Object.assign(/* @__PURE__ */ Object.create(null), { _: [] });
        const argvReturn = {};
        for (let i = 0; i < args.length; i++) {
          const arg = args[i];
          const truncatedArg = arg.replace(/^-{3,}/, "---");
          let broken;
          let key;
          let letters;
          let m;
          let next;
          let value;
          if (arg !== "--" && /^-/.test(arg) && isUnknownOptionAsArg(arg)) {
            pushPositional(arg);
          } else if (truncatedArg.match(/^---+(=|$)/)) {
            pushPositional(arg);
            continue;
          } else if (arg.match(/^--.+=/) || !configuration["short-option-groups"] && arg.match(/^-.+=/)) {
            m = arg.match(/^--?([^=]+)=([\s\S]*)$/);
            if (m !== null && Array.isArray(m) && m.length >= 3) {
              if (checkAllAliases(m[1], flags.arrays)) {
                i = eatArray(i, m[1], args, m[2]);
              } else if (checkAllAliases(m[1], flags.nargs) !== false) {
                i = eatNargs(i, m[1], args, m[2]);
              } else {
                setArg(m[1], m[2], true);
              }
            }
          } else if (arg.match(negatedBoolean) && configuration["boolean-negation"]) {
            m = arg.match(negatedBoolean);
            if (m !== null && Array.isArray(m) && m.length >= 2) {
              key = m[1];
              setArg(key, checkAllAliases(key, flags.arrays) ? [false] : false);
            }
          } else if (arg.match(/^--.+/) || !configuration["short-option-groups"] && arg.match(/^-[^-]+/)) {
            m = arg.match(/^--?(.+)/);
            if (m !== null && Array.isArray(m) && m.length >= 2) {
              key = m[1];
              if (checkAllAliases(key, flags.arrays)) {
                i = eatArray(i, key, args);
              } else if (checkAllAliases(key, flags.nargs) !== false) {
                i = eatNargs(i, key, args);
              } else {
                next = args[i + 1];
                if (next !== void 0 && (!next.match(/^-/) || next.match(negative)) && !checkAllAliases(key, flags.bools) && !checkAllAliases(key, flags.counts)) {
                  setArg(key, next);
                  i++;
                } else if (/^(true|false)$/.test(next)) {
                  setArg(key, next);
                  i++;
                } else {
                  setArg(key, defaultValue(key));
                }
              }
            }
          } else if (arg.match(/^-.\..+=/)) {
            m = arg.match(/^-([^=]+)=([\s\S]*)$/);
            if (m !== null && Array.isArray(m) && m.length >= 3) {
              setArg(m[1], m[2]);
            }
          } else if (arg.match(/^-.\..+/) && !arg.match(negative)) {
            next = args[i + 1];
            m = arg.match(/^-(.\..+)/);
            if (m !== null && Array.isArray(m) && m.length >= 2) {
              key = m[1];
              if (next !== void 0 && !next.match(/^-/) && !checkAllAliases(key, flags.bools) && !checkAllAliases(key, flags.counts)) {
                setArg(key, next);
                i++;
              } else {
                setArg(key, defaultValue(key));
              }
            }
          } else if (arg.match(/^-[^-]+/) && !arg.match(negative)) {
            letters = arg.slice(1, -1).split("");
            broken = false;
            for (let j = 0; j < letters.length; j++) {
              next = arg.slice(j + 2);
              if (letters[j + 1] && letters[j + 1] === "=") {
                value = arg.slice(j + 3);
                key = letters[j];
                if (checkAllAliases(key, flags.arrays)) {
                  i = eatArray(i, key, args, value);
                } else if (checkAllAliases(key, flags.nargs) !== false) {
                  i = eatNargs(i, key, args, value);
                } else {
                  setArg(key, value);
                }
                broken = true;
                break;
              }
              if (next === "-") {
                setArg(letters[j], next);
                continue;
              }
              if (/[A-Za-z]/.test(letters[j]) && /^-?\d+(\.\d*)?(e-?\d+)?$/.test(next) && checkAllAliases(next, flags.bools) === false) {
                setArg(letters[j], next);
                broken = true;
                break;
              }
              if (letters[j + 1] && letters[j + 1].match(/\W/)) {
                setArg(letters[j], next);
                broken = true;
                break;
              } else {
                setArg(letters[j], defaultValue(letters[j]));
              }
            }
            key = arg.slice(-1)[0];
            if (!broken && key !== "-") {
              if (checkAllAliases(key, flags.arrays)) {
                i = eatArray(i, key, args);
              } else if (checkAllAliases(key, flags.nargs) !== false) {
                i = eatNargs(i, key, args);
              } else {
                next = args[i + 1];
                if (next !== void 0 && (!/^(-|--)[^-]/.test(next) || next.match(negative)) && !checkAllAliases(key, flags.bools) && !checkAllAliases(key, flags.counts)) {
                  setArg(key, next);
                  i++;
                } else if (/^(true|false)$/.test(next)) {
                  setArg(key, next);
                  i++;
                } else {
                  setArg(key, defaultValue(key));
                }
              }
            }
          } else if (arg.match(/^-[0-9]$/) && arg.match(negative) && checkAllAliases(arg.slice(1), flags.bools)) {
            key = arg.slice(1);
            setArg(key, defaultValue(key));
          } else if (arg === "--") {
            notFlags = args.slice(i + 1);
            break;
          } else if (configuration["halt-at-non-option"]) {
            notFlags = args.slice(i);
            break;
          } else {
            pushPositional(arg);
          }
        }
        applyEnvVars(argv, true);
        applyEnvVars(argv, false);
        setConfig(argv);
        setConfigObjects();
        applyDefaultsAndAliases(argv, flags.aliases, defaults, true);
        applyCoercions(argv);
        if (configuration["set-placeholder-key"])
          setPlaceholderKeys(argv);
        Object.keys(flags.counts).forEach(function(key) {
          if (!hasKey(argv, key.split(".")))
            setArg(key, 0);
        });
        if (notFlagsOption && notFlags.length)
          argv[notFlagsArgv] = [];
        notFlags.forEach(function(key) {
          argv[notFlagsArgv].push(key);
        });
        if (configuration["camel-case-expansion"] && configuration["strip-dashed"]) {
          Object.keys(argv).filter((key) => key !== "--" && key.includes("-")).forEach((key) => {
            delete argv[key];
          });
        }
        if (configuration["strip-aliased"]) {
          ;
          [].concat(...Object.keys(aliases).map((k) => aliases[k])).forEach((alias) => {
            if (configuration["camel-case-expansion"] && alias.includes("-")) {
              delete argv[alias.split(".").map((prop) => camelCase(prop)).join(".")];
            }
            delete argv[alias];
          });
        }
        function pushPositional(arg) {
          const maybeCoercedNumber = maybeCoerceNumber("_", arg);
          if (typeof maybeCoercedNumber === "string" || typeof maybeCoercedNumber === "number") {
            argv._.push(maybeCoercedNumber);
          }
        }
        function eatNargs(i, key, args2, argAfterEqualSign) {
          let ii;
          let toEat = checkAllAliases(key, flags.nargs);
          toEat = typeof toEat !== "number" || isNaN(toEat) ? 1 : toEat;
          if (toEat === 0) {
            if (!isUndefined(argAfterEqualSign)) {
              error = Error(__("Argument unexpected for: %s", key));
            }
            setArg(key, defaultValue(key));
            return i;
          }
          let available = isUndefined(argAfterEqualSign) ? 0 : 1;
          if (configuration["nargs-eats-options"]) {
            if (args2.length - (i + 1) + available < toEat) {
              error = Error(__("Not enough arguments following: %s", key));
            }
            available = toEat;
          } else {
            for (ii = i + 1; ii < args2.length; ii++) {
              if (!args2[ii].match(/^-[^0-9]/) || args2[ii].match(negative) || isUnknownOptionAsArg(args2[ii]))
                available++;
              else
                break;
            }
            if (available < toEat)
              error = Error(__("Not enough arguments following: %s", key));
          }
          let consumed = Math.min(available, toEat);
          if (!isUndefined(argAfterEqualSign) && consumed > 0) {
            setArg(key, argAfterEqualSign);
            consumed--;
          }
          for (ii = i + 1; ii < consumed + i + 1; ii++) {
            setArg(key, args2[ii]);
          }
          return i + consumed;
        }
        function eatArray(i, key, args2, argAfterEqualSign) {
          let argsToSet = [];
          let next = argAfterEqualSign || args2[i + 1];
          const nargsCount = checkAllAliases(key, flags.nargs);
          if (checkAllAliases(key, flags.bools) && !/^(true|false)$/.test(next)) {
            argsToSet.push(true);
          } else if (isUndefined(next) || isUndefined(argAfterEqualSign) && /^-/.test(next) && !negative.test(next) && !isUnknownOptionAsArg(next)) {
            if (defaults[key] !== void 0) {
              const defVal = defaults[key];
              argsToSet = Array.isArray(defVal) ? defVal : [defVal];
            }
          } else {
            if (!isUndefined(argAfterEqualSign)) {
              argsToSet.push(processValue(key, argAfterEqualSign, true));
            }
            for (let ii = i + 1; ii < args2.length; ii++) {
              if (!configuration["greedy-arrays"] && argsToSet.length > 0 || nargsCount && typeof nargsCount === "number" && argsToSet.length >= nargsCount)
                break;
              next = args2[ii];
              if (/^-/.test(next) && !negative.test(next) && !isUnknownOptionAsArg(next))
                break;
              i = ii;
              argsToSet.push(processValue(key, next, inputIsString));
            }
          }
          if (typeof nargsCount === "number" && (nargsCount && argsToSet.length < nargsCount || isNaN(nargsCount) && argsToSet.length === 0)) {
            error = Error(__("Not enough arguments following: %s", key));
          }
          setArg(key, argsToSet);
          return i;
        }
        function setArg(key, val, shouldStripQuotes = inputIsString) {
          if (/-/.test(key) && configuration["camel-case-expansion"]) {
            const alias = key.split(".").map(function(prop) {
              return camelCase(prop);
            }).join(".");
            addNewAlias(key, alias);
          }
          const value = processValue(key, val, shouldStripQuotes);
          const splitKey = key.split(".");
          setKey(argv, splitKey, value);
          if (flags.aliases[key]) {
            flags.aliases[key].forEach(function(x) {
              const keyProperties = x.split(".");
              setKey(argv, keyProperties, value);
            });
          }
          if (splitKey.length > 1 && configuration["dot-notation"]) {
            ;
            (flags.aliases[splitKey[0]] || []).forEach(function(x) {
              let keyProperties = x.split(".");
              const a = [].concat(splitKey);
              a.shift();
              keyProperties = keyProperties.concat(a);
              if (!(flags.aliases[key] || []).includes(keyProperties.join("."))) {
                setKey(argv, keyProperties, value);
              }
            });
          }
          if (checkAllAliases(key, flags.normalize) && !checkAllAliases(key, flags.arrays)) {
            const keys = [key].concat(flags.aliases[key] || []);
            keys.forEach(function(key2) {
              Object.defineProperty(argvReturn, key2, {
                enumerable: true,
                get() {
                  return val;
                },
                set(value2) {
                  val = typeof value2 === "string" ? mixin2.normalize(value2) : value2;
                }
              });
            });
          }
        }
        function addNewAlias(key, alias) {
          if (!(flags.aliases[key] && flags.aliases[key].length)) {
            flags.aliases[key] = [alias];
            newAliases[alias] = true;
          }
          if (!(flags.aliases[alias] && flags.aliases[alias].length)) {
            addNewAlias(alias, key);
          }
        }
        function processValue(key, val, shouldStripQuotes) {
          if (shouldStripQuotes) {
            val = stripQuotes(val);
          }
          if (checkAllAliases(key, flags.bools) || checkAllAliases(key, flags.counts)) {
            if (typeof val === "string")
              val = val === "true";
          }
          let value = Array.isArray(val) ? val.map(function(v) {
            return maybeCoerceNumber(key, v);
          }) : maybeCoerceNumber(key, val);
          if (checkAllAliases(key, flags.counts) && (isUndefined(value) || typeof value === "boolean")) {
            value = increment();
          }
          if (checkAllAliases(key, flags.normalize) && checkAllAliases(key, flags.arrays)) {
            if (Array.isArray(val))
              value = val.map((val2) => {
                return mixin2.normalize(val2);
              });
            else
              value = mixin2.normalize(val);
          }
          return value;
        }
        function maybeCoerceNumber(key, value) {
          if (!configuration["parse-positional-numbers"] && key === "_")
            return value;
          if (!checkAllAliases(key, flags.strings) && !checkAllAliases(key, flags.bools) && !Array.isArray(value)) {
            const shouldCoerceNumber = looksLikeNumber(value) && configuration["parse-numbers"] && Number.isSafeInteger(Math.floor(parseFloat(`${value}`)));
            if (shouldCoerceNumber || !isUndefined(value) && checkAllAliases(key, flags.numbers)) {
              value = Number(value);
            }
          }
          return value;
        }
        function setConfig(argv2) {
          const configLookup = /* @__PURE__ */ Object.create(null);
          applyDefaultsAndAliases(configLookup, flags.aliases, defaults);
          Object.keys(flags.configs).forEach(function(configKey) {
            const configPath = argv2[configKey] || configLookup[configKey];
            if (configPath) {
              try {
                let config = null;
                const resolvedConfigPath = mixin2.resolve(mixin2.cwd(), configPath);
                const resolveConfig = flags.configs[configKey];
                if (typeof resolveConfig === "function") {
                  try {
                    config = resolveConfig(resolvedConfigPath);
                  } catch (e) {
                    config = e;
                  }
                  if (config instanceof Error) {
                    error = config;
                    return;
                  }
                } else {
                  config = mixin2.require(resolvedConfigPath);
                }
                setConfigObject(config);
              } catch (ex) {
                if (ex.name === "PermissionDenied")
                  error = ex;
                else if (argv2[configKey])
                  error = Error(__("Invalid JSON config file: %s", configPath));
              }
            }
          });
        }
        function setConfigObject(config, prev) {
          Object.keys(config).forEach(function(key) {
            const value = config[key];
            const fullKey = prev ? prev + "." + key : key;
            if (typeof value === "object" && value !== null && !Array.isArray(value) && configuration["dot-notation"]) {
              setConfigObject(value, fullKey);
            } else {
              if (!hasKey(argv, fullKey.split(".")) || checkAllAliases(fullKey, flags.arrays) && configuration["combine-arrays"]) {
                setArg(fullKey, value);
              }
            }
          });
        }
        function setConfigObjects() {
          if (typeof configObjects !== "undefined") {
            configObjects.forEach(function(configObject) {
              setConfigObject(configObject);
            });
          }
        }
        function applyEnvVars(argv2, configOnly) {
          if (typeof envPrefix === "undefined")
            return;
          const prefix = typeof envPrefix === "string" ? envPrefix : "";
          const env2 = mixin2.env();
          Object.keys(env2).forEach(function(envVar) {
            if (prefix === "" || envVar.lastIndexOf(prefix, 0) === 0) {
              const keys = envVar.split("__").map(function(key, i) {
                if (i === 0) {
                  key = key.substring(prefix.length);
                }
                return camelCase(key);
              });
              if ((configOnly && flags.configs[keys.join(".")] || !configOnly) && !hasKey(argv2, keys)) {
                setArg(keys.join("."), env2[envVar]);
              }
            }
          });
        }
        function applyCoercions(argv2) {
          let coerce;
          const applied = /* @__PURE__ */ new Set();
          Object.keys(argv2).forEach(function(key) {
            if (!applied.has(key)) {
              coerce = checkAllAliases(key, flags.coercions);
              if (typeof coerce === "function") {
                try {
                  const value = maybeCoerceNumber(key, coerce(argv2[key]));
                  [].concat(flags.aliases[key] || [], key).forEach((ali) => {
                    applied.add(ali);
                    argv2[ali] = value;
                  });
                } catch (err) {
                  error = err;
                }
              }
            }
          });
        }
        function setPlaceholderKeys(argv2) {
          flags.keys.forEach((key) => {
            if (~key.indexOf("."))
              return;
            if (typeof argv2[key] === "undefined")
              argv2[key] = void 0;
          });
          return argv2;
        }
        function applyDefaultsAndAliases(obj, aliases2, defaults2, canLog = false) {
          Object.keys(defaults2).forEach(function(key) {
            if (!hasKey(obj, key.split("."))) {
              setKey(obj, key.split("."), defaults2[key]);
              if (canLog)
                defaulted[key] = true;
              (aliases2[key] || []).forEach(function(x) {
                if (hasKey(obj, x.split(".")))
                  return;
                setKey(obj, x.split("."), defaults2[key]);
              });
            }
          });
        }
        function hasKey(obj, keys) {
          let o = obj;
          if (!configuration["dot-notation"])
            keys = [keys.join(".")];
          keys.slice(0, -1).forEach(function(key2) {
            o = o[key2] || {};
          });
          const key = keys[keys.length - 1];
          if (typeof o !== "object")
            return false;
          else
            return key in o;
        }
        function setKey(obj, keys, value) {
          let o = obj;
          if (!configuration["dot-notation"])
            keys = [keys.join(".")];
          keys.slice(0, -1).forEach(function(key2) {
            key2 = sanitizeKey(key2);
            if (typeof o === "object" && o[key2] === void 0) {
              o[key2] = {};
            }
            if (typeof o[key2] !== "object" || Array.isArray(o[key2])) {
              if (Array.isArray(o[key2])) {
                o[key2].push({});
              } else {
                o[key2] = [o[key2], {}];
              }
              o = o[key2][o[key2].length - 1];
            } else {
              o = o[key2];
            }
          });
          const key = sanitizeKey(keys[keys.length - 1]);
          const isTypeArray = checkAllAliases(keys.join("."), flags.arrays);
          const isValueArray = Array.isArray(value);
          let duplicate = configuration["duplicate-arguments-array"];
          if (!duplicate && checkAllAliases(key, flags.nargs)) {
            duplicate = true;
            if (!isUndefined(o[key]) && flags.nargs[key] === 1 || Array.isArray(o[key]) && o[key].length === flags.nargs[key]) {
              o[key] = void 0;
            }
          }
          if (value === increment()) {
            o[key] = increment(o[key]);
          } else if (Array.isArray(o[key])) {
            if (duplicate && isTypeArray && isValueArray) {
              o[key] = configuration["flatten-duplicate-arrays"] ? o[key].concat(value) : (Array.isArray(o[key][0]) ? o[key] : [o[key]]).concat([value]);
            } else if (!duplicate && Boolean(isTypeArray) === Boolean(isValueArray)) {
              o[key] = value;
            } else {
              o[key] = o[key].concat([value]);
            }
          } else if (o[key] === void 0 && isTypeArray) {
            o[key] = isValueArray ? value : [value];
          } else if (duplicate && !(o[key] === void 0 || checkAllAliases(key, flags.counts) || checkAllAliases(key, flags.bools))) {
            o[key] = [o[key], value];
          } else {
            o[key] = value;
          }
        }
        function extendAliases(...args2) {
          args2.forEach(function(obj) {
            Object.keys(obj || {}).forEach(function(key) {
              if (flags.aliases[key])
                return;
              flags.aliases[key] = [].concat(aliases[key] || []);
              flags.aliases[key].concat(key).forEach(function(x) {
                if (/-/.test(x) && configuration["camel-case-expansion"]) {
                  const c = camelCase(x);
                  if (c !== key && flags.aliases[key].indexOf(c) === -1) {
                    flags.aliases[key].push(c);
                    newAliases[c] = true;
                  }
                }
              });
              flags.aliases[key].concat(key).forEach(function(x) {
                if (x.length > 1 && /[A-Z]/.test(x) && configuration["camel-case-expansion"]) {
                  const c = decamelize(x, "-");
                  if (c !== key && flags.aliases[key].indexOf(c) === -1) {
                    flags.aliases[key].push(c);
                    newAliases[c] = true;
                  }
                }
              });
              flags.aliases[key].forEach(function(x) {
                flags.aliases[x] = [key].concat(flags.aliases[key].filter(function(y) {
                  return x !== y;
                }));
              });
            });
          });
        }
        function checkAllAliases(key, flag) {
          const toCheck = [].concat(flags.aliases[key] || [], key);
          const keys = Object.keys(flag);
          const setAlias = toCheck.find((key2) => keys.includes(key2));
          return setAlias ? flag[setAlias] : false;
        }
        function hasAnyFlag(key) {
          const flagsKeys = Object.keys(flags);
          const toCheck = [].concat(flagsKeys.map((k) => flags[k]));
          return toCheck.some(function(flag) {
            return Array.isArray(flag) ? flag.includes(key) : flag[key];
          });
        }
        function hasFlagsMatching(arg, ...patterns) {
          const toCheck = [].concat(...patterns);
          return toCheck.some(function(pattern4) {
            const match = arg.match(pattern4);
            return match && hasAnyFlag(match[1]);
          });
        }
        function hasAllShortFlags(arg) {
          if (arg.match(negative) || !arg.match(/^-[^-]+/)) {
            return false;
          }
          let hasAllFlags = true;
          let next;
          const letters = arg.slice(1).split("");
          for (let j = 0; j < letters.length; j++) {
            next = arg.slice(j + 2);
            if (!hasAnyFlag(letters[j])) {
              hasAllFlags = false;
              break;
            }
            if (letters[j + 1] && letters[j + 1] === "=" || next === "-" || /[A-Za-z]/.test(letters[j]) && /^-?\d+(\.\d*)?(e-?\d+)?$/.test(next) || letters[j + 1] && letters[j + 1].match(/\W/)) {
              break;
            }
          }
          return hasAllFlags;
        }
        function isUnknownOptionAsArg(arg) {
          return configuration["unknown-options-as-args"] && isUnknownOption(arg);
        }
        function isUnknownOption(arg) {
          arg = arg.replace(/^-{3,}/, "--");
          if (arg.match(negative)) {
            return false;
          }
          if (hasAllShortFlags(arg)) {
            return false;
          }
          const flagWithEquals = /^-+([^=]+?)=[\s\S]*$/;
          const normalFlag = /^-+([^=]+?)$/;
          const flagEndingInHyphen = /^-+([^=]+?)-$/;
          const flagEndingInDigits = /^-+([^=]+?\d+)$/;
          const flagEndingInNonWordCharacters = /^-+([^=]+?)\W+.*$/;
          return !hasFlagsMatching(arg, flagWithEquals, negatedBoolean, normalFlag, flagEndingInHyphen, flagEndingInDigits, flagEndingInNonWordCharacters);
        }
        function defaultValue(key) {
          if (!checkAllAliases(key, flags.bools) && !checkAllAliases(key, flags.counts) && `${key}` in defaults) {
            return defaults[key];
          } else {
            return defaultForType(guessType2(key));
          }
        }
        function defaultForType(type) {
          const def = {
            [DefaultValuesForTypeKey.BOOLEAN]: true,
            [DefaultValuesForTypeKey.STRING]: "",
            [DefaultValuesForTypeKey.NUMBER]: void 0,
            [DefaultValuesForTypeKey.ARRAY]: []
          };
          return def[type];
        }
        function guessType2(key) {
          let type = DefaultValuesForTypeKey.BOOLEAN;
          if (checkAllAliases(key, flags.strings))
            type = DefaultValuesForTypeKey.STRING;
          else if (checkAllAliases(key, flags.numbers))
            type = DefaultValuesForTypeKey.NUMBER;
          else if (checkAllAliases(key, flags.bools))
            type = DefaultValuesForTypeKey.BOOLEAN;
          else if (checkAllAliases(key, flags.arrays))
            type = DefaultValuesForTypeKey.ARRAY;
          return type;
        }
        function isUndefined(num) {
          return num === void 0;
        }
        function checkConfiguration() {
          Object.keys(flags.counts).find((key) => {
            if (checkAllAliases(key, flags.arrays)) {
              error = Error(__("Invalid configuration: %s, opts.count excludes opts.array.", key));
              return true;
            } else if (checkAllAliases(key, flags.nargs)) {
              error = Error(__("Invalid configuration: %s, opts.count excludes opts.narg.", key));
              return true;
            }
            return false;
          });
        }
        return {
          aliases: Object.assign({}, flags.aliases),
          argv: Object.assign(argvReturn, argv),
          configuration,
          defaulted: Object.assign({}, defaulted),
          error,
          newAliases: Object.assign({}, newAliases)
        };
      }
    };
  }
});

// ../../node_modules/yargs/node_modules/yargs-parser/build/lib/index.js
var import_util, import_path2, import_fs2, import_node_module, _a, _b, _c, minNodeVersion, nodeVersion, env, require2, parser, yargsParser, lib_default;
var init_lib2 = __esm({
  "../../node_modules/yargs/node_modules/yargs-parser/build/lib/index.js"() {
    init_import_meta_url();
    import_util = require("util");
    import_path2 = require("path");
    init_string_utils();
    init_yargs_parser();
    import_fs2 = require("fs");
    import_node_module = require("node:module");
    minNodeVersion = process && process.env && process.env.YARGS_MIN_NODE_VERSION ? Number(process.env.YARGS_MIN_NODE_VERSION) : 20;
    nodeVersion = (_b = (_a = process === null || process === void 0 ? void 0 : process.versions) === null || _a === void 0 ? void 0 : _a.node) !== null && _b !== void 0 ? _b : (_c = process === null || process === void 0 ? void 0 : process.version) === null || _c === void 0 ? void 0 : _c.slice(1);
    if (nodeVersion) {
      const major = Number(nodeVersion.match(/^([^.]+)/)[1]);
      if (major < minNodeVersion) {
        throw Error(`yargs parser supports a minimum Node.js version of ${minNodeVersion}. Read our version support policy: https://github.com/yargs/yargs-parser#supported-nodejs-versions`);
      }
    }
    env = process ? process.env : {};
    require2 = import_node_module.createRequire ? (0, import_node_module.createRequire)(importMetaUrl) : void 0;
    parser = new YargsParser({
      cwd: process.cwd,
      env: () => {
        return env;
      },
      format: import_util.format,
      normalize: import_path2.normalize,
      resolve: import_path2.resolve,
      require: (path14) => {
        if (typeof require2 !== "undefined") {
          return require2(path14);
        } else if (path14.match(/\.json$/)) {
          return JSON.parse((0, import_fs2.readFileSync)(path14, "utf8"));
        } else {
          throw Error("only .json config files are supported in ESM");
        }
      }
    });
    yargsParser = function Parser(args, opts) {
      const result = parser.parse(args.slice(), opts);
      return result.argv;
    };
    yargsParser.detailed = function(args, opts) {
      return parser.parse(args.slice(), opts);
    };
    yargsParser.camelCase = camelCase;
    yargsParser.decamelize = decamelize;
    yargsParser.looksLikeNumber = looksLikeNumber;
    lib_default = yargsParser;
  }
});

// ../../node_modules/yargs/build/lib/utils/process-argv.js
function getProcessArgvBinIndex() {
  if (isBundledElectronApp())
    return 0;
  return 1;
}
function isBundledElectronApp() {
  return isElectronApp() && !process.defaultApp;
}
function isElectronApp() {
  return !!process.versions.electron;
}
function getProcessArgvBin() {
  return process.argv[getProcessArgvBinIndex()];
}
var init_process_argv = __esm({
  "../../node_modules/yargs/build/lib/utils/process-argv.js"() {
    init_import_meta_url();
  }
});

// ../../node_modules/yargs/node_modules/ansi-regex/index.js
function ansiRegex3({ onlyFirst = false } = {}) {
  return new RegExp(pattern3, onlyFirst ? void 0 : "g");
}
var ST3, stringControls3, osc3, controlString3, linuxPalette3, csi3, escape3, pattern3;
var init_ansi_regex3 = __esm({
  "../../node_modules/yargs/node_modules/ansi-regex/index.js"() {
    init_import_meta_url();
    ST3 = String.raw`(?:\u001B\u005C|\u009C)`;
    stringControls3 = String.raw`\u0018\u001A\u001B\u0080-\u009F`;
    osc3 = String.raw`(?:\u001B\]|\u009D)[^\u0007${stringControls3}]*(?:\u0007|${ST3})`;
    controlString3 = String.raw`(?:\u001B[PX^_k]|[\u0090\u0098\u009E\u009F])[^${stringControls3}]*${ST3}`;
    linuxPalette3 = String.raw`\u001B\](?:P[\dA-Fa-f]{7}|R)(?:\u0007|${ST3})?`;
    csi3 = String.raw`(?:\u001B\[|\u009B)[\u0030-\u003F]*[\u0020-\u002F]*[\u0040-\u007E]`;
    escape3 = String.raw`\u001B(?:[\u0020-\u002F]+[\u0030-\u007E]|[\dA-PR-TZcf-oq-uy=><~|}])`;
    pattern3 = `${linuxPalette3}|${osc3}|${controlString3}|${csi3}|${escape3}`;
  }
});

// ../../node_modules/yargs/node_modules/strip-ansi/index.js
function stripAnsi3(string) {
  if (typeof string !== "string") {
    throw new TypeError(`Expected a \`string\`, got \`${typeof string}\``);
  }
  if (!string.includes("\x1B") && !string.includes("")) {
    return string;
  }
  return string.replace(regex3, "");
}
var regex3;
var init_strip_ansi3 = __esm({
  "../../node_modules/yargs/node_modules/strip-ansi/index.js"() {
    init_import_meta_url();
    init_ansi_regex3();
    regex3 = ansiRegex3();
  }
});

// ../../node_modules/yargs/node_modules/string-width/index.js
function isDoubleWidthNonRgiEmojiSequence(segment) {
  if (segment.length > 50) {
    return false;
  }
  if (unqualifiedKeycapRegex.test(segment)) {
    return true;
  }
  if (segment.includes("‍")) {
    const pictographics = segment.match(extendedPictographicRegex);
    return pictographics !== null && pictographics.length >= 2;
  }
  return false;
}
function baseVisible(segment) {
  const index = segment.search(visibleCharacterRegex);
  return index === -1 ? void 0 : segment.slice(index);
}
function isHangulLeadingJamo(codePoint) {
  return codePoint >= 4352 && codePoint <= 4447 || codePoint >= 43360 && codePoint <= 43388;
}
function isHangulVowelJamo(codePoint) {
  return codePoint >= 4448 && codePoint <= 4519 || codePoint >= 55216 && codePoint <= 55238;
}
function isHangulTrailingJamo(codePoint) {
  return codePoint >= 4520 && codePoint <= 4607 || codePoint >= 55243 && codePoint <= 55291;
}
function isHangulJamo(codePoint) {
  return isHangulLeadingJamo(codePoint) || isHangulVowelJamo(codePoint) || isHangulTrailingJamo(codePoint);
}
function hangulClusterWidth(visibleSegment, eastAsianWidthOptions) {
  const codePoints = [];
  for (const character of visibleSegment) {
    if (!visibleCharacterRegex.test(character)) {
      continue;
    }
    codePoints.push(character.codePointAt(0));
  }
  if (codePoints.length === 0) {
    return void 0;
  }
  let width = 0;
  for (let index = 0; index < codePoints.length; index++) {
    const codePoint = codePoints[index];
    if (!isHangulJamo(codePoint)) {
      if (width === 0) {
        return void 0;
      }
      for (let remaining = index; remaining < codePoints.length; remaining++) {
        width += eastAsianWidth(codePoints[remaining], eastAsianWidthOptions);
      }
      return width;
    }
    if (isHangulLeadingJamo(codePoint) && isHangulVowelJamo(codePoints[index + 1])) {
      width += 2;
      index += isHangulTrailingJamo(codePoints[index + 2]) ? 2 : 1;
      continue;
    }
    width += eastAsianWidth(codePoint, eastAsianWidthOptions);
  }
  return width;
}
function trailingWidth(visibleSegment, eastAsianWidthOptions) {
  let extra = 0;
  let first = true;
  for (const character of visibleSegment) {
    if (first) {
      first = false;
      continue;
    }
    if (spacingMarkRegex.test(character) || character >= "＀" && character <= "￯") {
      extra += eastAsianWidth(character.codePointAt(0), eastAsianWidthOptions);
    }
  }
  return extra;
}
function stringWidth3(input, options = {}) {
  if (typeof input !== "string" || input.length === 0) {
    return 0;
  }
  const {
    ambiguousIsNarrow = true,
    countAnsiEscapeCodes = false
  } = options;
  let string = input;
  if (!countAnsiEscapeCodes && (string.includes("\x1B") || string.includes(""))) {
    string = stripAnsi3(string);
  }
  if (string.length === 0) {
    return 0;
  }
  if (/^[\u0020-\u007E]*$/.test(string)) {
    return string.length;
  }
  let width = 0;
  const eastAsianWidthOptions = { ambiguousAsWide: !ambiguousIsNarrow };
  for (const { segment } of segmenter3.segment(string)) {
    const visibleSegment = baseVisible(segment);
    if (visibleSegment === void 0) {
      continue;
    }
    if (rgiEmojiRegex.test(segment) || isDoubleWidthNonRgiEmojiSequence(segment)) {
      width += 2;
      continue;
    }
    const hangulWidth = hangulClusterWidth(visibleSegment, eastAsianWidthOptions);
    if (hangulWidth !== void 0) {
      width += hangulWidth;
      continue;
    }
    const codePoint = visibleSegment.codePointAt(0);
    width += eastAsianWidth(codePoint, eastAsianWidthOptions);
    width += trailingWidth(visibleSegment, eastAsianWidthOptions);
  }
  return width;
}
var segmenter3, visibleCharacterRegex, spacingMarkRegex, rgiEmojiRegex, unqualifiedKeycapRegex, extendedPictographicRegex;
var init_string_width3 = __esm({
  "../../node_modules/yargs/node_modules/string-width/index.js"() {
    init_import_meta_url();
    init_strip_ansi3();
    init_get_east_asian_width();
    segmenter3 = new Intl.Segmenter();
    visibleCharacterRegex = new RegExp("[^\\p{Default_Ignorable_Code_Point}\\p{Control}\\p{Format}\\p{Nonspacing_Mark}\\p{Enclosing_Mark}\\p{Surrogate}]", "v");
    spacingMarkRegex = new RegExp("\\p{Spacing_Mark}", "v");
    rgiEmojiRegex = new RegExp("^\\p{RGI_Emoji}$", "v");
    unqualifiedKeycapRegex = /^[\d#*]\u20E3$/;
    extendedPictographicRegex = new RegExp("\\p{Extended_Pictographic}", "gu");
  }
});

// ../../node_modules/y18n/build/lib/platform-shims/node.js
var import_fs3, import_util2, import_path3, node_default;
var init_node = __esm({
  "../../node_modules/y18n/build/lib/platform-shims/node.js"() {
    init_import_meta_url();
    import_fs3 = require("fs");
    import_util2 = require("util");
    import_path3 = require("path");
    node_default = {
      fs: {
        readFileSync: import_fs3.readFileSync,
        writeFile: import_fs3.writeFile
      },
      format: import_util2.format,
      resolve: import_path3.resolve,
      exists: (file) => {
        try {
          return (0, import_fs3.statSync)(file).isFile();
        } catch (err) {
          return false;
        }
      }
    };
  }
});

// ../../node_modules/y18n/build/lib/index.js
function y18n(opts, _shim) {
  shim = _shim;
  const y18n3 = new Y18N(opts);
  return {
    __: y18n3.__.bind(y18n3),
    __n: y18n3.__n.bind(y18n3),
    setLocale: y18n3.setLocale.bind(y18n3),
    getLocale: y18n3.getLocale.bind(y18n3),
    updateLocale: y18n3.updateLocale.bind(y18n3),
    locale: y18n3.locale
  };
}
var shim, Y18N;
var init_lib3 = __esm({
  "../../node_modules/y18n/build/lib/index.js"() {
    init_import_meta_url();
    Y18N = class {
      constructor(opts) {
        opts = opts || {};
        this.directory = opts.directory || "./locales";
        this.updateFiles = typeof opts.updateFiles === "boolean" ? opts.updateFiles : true;
        this.locale = opts.locale || "en";
        this.fallbackToLanguage = typeof opts.fallbackToLanguage === "boolean" ? opts.fallbackToLanguage : true;
        this.cache = /* @__PURE__ */ Object.create(null);
        this.writeQueue = [];
      }
      __(...args) {
        if (typeof arguments[0] !== "string") {
          return this._taggedLiteral(arguments[0], ...arguments);
        }
        const str = args.shift();
        let cb = function() {
        };
        if (typeof args[args.length - 1] === "function")
          cb = args.pop();
        cb = cb || function() {
        };
        if (!this.cache[this.locale])
          this._readLocaleFile();
        if (!this.cache[this.locale][str] && this.updateFiles) {
          this.cache[this.locale][str] = str;
          this._enqueueWrite({
            directory: this.directory,
            locale: this.locale,
            cb
          });
        } else {
          cb();
        }
        return shim.format.apply(shim.format, [this.cache[this.locale][str] || str].concat(args));
      }
      __n() {
        const args = Array.prototype.slice.call(arguments);
        const singular = args.shift();
        const plural2 = args.shift();
        const quantity = args.shift();
        let cb = function() {
        };
        if (typeof args[args.length - 1] === "function")
          cb = args.pop();
        if (!this.cache[this.locale])
          this._readLocaleFile();
        let str = quantity === 1 ? singular : plural2;
        if (this.cache[this.locale][singular]) {
          const entry = this.cache[this.locale][singular];
          str = entry[quantity === 1 ? "one" : "other"];
        }
        if (!this.cache[this.locale][singular] && this.updateFiles) {
          this.cache[this.locale][singular] = {
            one: singular,
            other: plural2
          };
          this._enqueueWrite({
            directory: this.directory,
            locale: this.locale,
            cb
          });
        } else {
          cb();
        }
        const values = [str];
        if (~str.indexOf("%d"))
          values.push(quantity);
        return shim.format.apply(shim.format, values.concat(args));
      }
      setLocale(locale) {
        this.locale = locale;
      }
      getLocale() {
        return this.locale;
      }
      updateLocale(obj) {
        if (!this.cache[this.locale])
          this._readLocaleFile();
        for (const key in obj) {
          if (Object.prototype.hasOwnProperty.call(obj, key)) {
            this.cache[this.locale][key] = obj[key];
          }
        }
      }
      _taggedLiteral(parts, ...args) {
        let str = "";
        parts.forEach(function(part, i) {
          const arg = args[i + 1];
          str += part;
          if (typeof arg !== "undefined") {
            str += "%s";
          }
        });
        return this.__.apply(this, [str].concat([].slice.call(args, 1)));
      }
      _enqueueWrite(work) {
        this.writeQueue.push(work);
        if (this.writeQueue.length === 1)
          this._processWriteQueue();
      }
      _processWriteQueue() {
        const _this = this;
        const work = this.writeQueue[0];
        const directory = work.directory;
        const locale = work.locale;
        const cb = work.cb;
        const languageFile = this._resolveLocaleFile(directory, locale);
        const serializedLocale = JSON.stringify(this.cache[locale], null, 2);
        shim.fs.writeFile(languageFile, serializedLocale, "utf-8", function(err) {
          _this.writeQueue.shift();
          if (_this.writeQueue.length > 0)
            _this._processWriteQueue();
          cb(err);
        });
      }
      _readLocaleFile() {
        let localeLookup = {};
        const languageFile = this._resolveLocaleFile(this.directory, this.locale);
        try {
          if (shim.fs.readFileSync) {
            localeLookup = JSON.parse(shim.fs.readFileSync(languageFile, "utf-8"));
          }
        } catch (err) {
          if (err instanceof SyntaxError) {
            err.message = "syntax error in " + languageFile;
          }
          if (err.code === "ENOENT")
            localeLookup = {};
          else
            throw err;
        }
        this.cache[this.locale] = localeLookup;
      }
      _resolveLocaleFile(directory, locale) {
        let file = shim.resolve(directory, "./", locale + ".json");
        if (this.fallbackToLanguage && !this._fileExistsSync(file) && ~locale.lastIndexOf("_")) {
          const languageFile = shim.resolve(directory, "./", locale.split("_")[0] + ".json");
          if (this._fileExistsSync(languageFile))
            file = languageFile;
        }
        return file;
      }
      _fileExistsSync(file) {
        return shim.exists(file);
      }
    };
  }
});

// ../../node_modules/y18n/index.mjs
var y18n2, y18n_default;
var init_y18n = __esm({
  "../../node_modules/y18n/index.mjs"() {
    init_import_meta_url();
    init_node();
    init_lib3();
    y18n2 = (opts) => {
      return y18n(opts, node_default);
    };
    y18n_default = y18n2;
  }
});

// ../../node_modules/get-caller-file/index.js
var require_get_caller_file = __commonJS({
  "../../node_modules/get-caller-file/index.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    module2.exports = function getCallerFile2(position) {
      if (position === void 0) {
        position = 2;
      }
      if (position >= Error.stackTraceLimit) {
        throw new TypeError("getCallerFile(position) requires position be less then Error.stackTraceLimit but position was: `" + position + "` and Error.stackTraceLimit was: `" + Error.stackTraceLimit + "`");
      }
      var oldPrepareStackTrace = Error.prepareStackTrace;
      Error.prepareStackTrace = function(_, stack2) {
        return stack2;
      };
      var stack = new Error().stack;
      Error.prepareStackTrace = oldPrepareStackTrace;
      if (stack !== null && typeof stack === "object") {
        return stack[position] ? stack[position].getFileName() : void 0;
      }
    };
  }
});

// ../../node_modules/yargs/lib/platform-shims/esm.mjs
var import_assert, import_util3, import_url, import_path4, import_node_module2, import_get_caller_file, import_node_fs, __dirname, mainFilename, require3, esm_default;
var init_esm = __esm({
  "../../node_modules/yargs/lib/platform-shims/esm.mjs"() {
    "use strict";
    init_import_meta_url();
    import_assert = require("assert");
    init_cliui();
    init_sync();
    import_util3 = require("util");
    import_url = require("url");
    init_lib2();
    import_path4 = require("path");
    init_process_argv();
    init_string_width3();
    init_y18n();
    import_node_module2 = require("node:module");
    import_get_caller_file = __toESM(require_get_caller_file(), 1);
    import_node_fs = require("node:fs");
    __dirname = (0, import_url.fileURLToPath)(importMetaUrl);
    mainFilename = __dirname.substring(0, __dirname.lastIndexOf("node_modules"));
    require3 = (0, import_node_module2.createRequire)(importMetaUrl);
    esm_default = {
      assert: {
        notStrictEqual: import_assert.notStrictEqual,
        strictEqual: import_assert.strictEqual
      },
      cliui: ui,
      findUp: sync_default,
      getEnv: (key) => {
        return process.env[key];
      },
      inspect: import_util3.inspect,
      getProcessArgvBin,
      mainFilename: mainFilename || process.cwd(),
      Parser: lib_default,
      path: {
        basename: import_path4.basename,
        dirname: import_path4.dirname,
        extname: import_path4.extname,
        relative: import_path4.relative,
        resolve: import_path4.resolve,
        join: import_path4.join
      },
      process: {
        argv: () => process.argv,
        cwd: process.cwd,
        emitWarning: (warning, type) => process.emitWarning(warning, type),
        execPath: () => process.execPath,
        exit: (code) => {
          process.exit(code);
        },
        nextTick: process.nextTick,
        stdColumns: typeof process.stdout.columns !== "undefined" ? process.stdout.columns : null
      },
      readFileSync: import_node_fs.readFileSync,
      readdirSync: import_node_fs.readdirSync,
      require: require3,
      getCallerFile: () => {
        const callerFile = (0, import_get_caller_file.default)(3);
        return callerFile.match(/^file:\/\//) ? (0, import_url.fileURLToPath)(callerFile) : callerFile;
      },
      stringWidth: stringWidth3,
      y18n: y18n_default({
        directory: (0, import_path4.resolve)(__dirname, "../../../locales"),
        updateFiles: false
      })
    };
  }
});

// ../../node_modules/yargs/build/lib/typings/common-types.js
function assertNotStrictEqual(actual, expected, shim3, message) {
  shim3.assert.notStrictEqual(actual, expected, message);
}
function assertSingleKey(actual, shim3) {
  shim3.assert.strictEqual(typeof actual, "string");
}
function objectKeys(object) {
  return Object.keys(object);
}
var init_common_types = __esm({
  "../../node_modules/yargs/build/lib/typings/common-types.js"() {
    init_import_meta_url();
  }
});

// ../../node_modules/yargs/build/lib/utils/is-promise.js
function isPromise(maybePromise) {
  return !!maybePromise && !!maybePromise.then && typeof maybePromise.then === "function";
}
var init_is_promise = __esm({
  "../../node_modules/yargs/build/lib/utils/is-promise.js"() {
    init_import_meta_url();
  }
});

// ../../node_modules/yargs/build/lib/yerror.js
var YError;
var init_yerror = __esm({
  "../../node_modules/yargs/build/lib/yerror.js"() {
    init_import_meta_url();
    YError = class _YError extends Error {
      constructor(msg) {
        super(msg || "yargs error");
        this.name = "YError";
        if (Error.captureStackTrace) {
          Error.captureStackTrace(this, _YError);
        }
      }
    };
  }
});

// ../../node_modules/yargs/build/lib/parse-command.js
function parseCommand(cmd) {
  const extraSpacesStrippedCommand = cmd.replace(/\s{2,}/g, " ");
  const splitCommand = extraSpacesStrippedCommand.split(/\s+(?![^[]*]|[^<]*>)/);
  const bregex = /\.*[\][<>]/g;
  const firstCommand = splitCommand.shift();
  if (!firstCommand)
    throw new Error(`No command found in: ${cmd}`);
  const parsedCommand = {
    cmd: firstCommand.replace(bregex, ""),
    demanded: [],
    optional: []
  };
  splitCommand.forEach((cmd2, i) => {
    let variadic = false;
    cmd2 = cmd2.replace(/\s/g, "");
    if (/\.+[\]>]/.test(cmd2) && i === splitCommand.length - 1)
      variadic = true;
    if (/^\[/.test(cmd2)) {
      parsedCommand.optional.push({
        cmd: cmd2.replace(bregex, "").split("|"),
        variadic
      });
    } else {
      parsedCommand.demanded.push({
        cmd: cmd2.replace(bregex, "").split("|"),
        variadic
      });
    }
  });
  return parsedCommand;
}
var init_parse_command = __esm({
  "../../node_modules/yargs/build/lib/parse-command.js"() {
    init_import_meta_url();
  }
});

// ../../node_modules/yargs/build/lib/argsert.js
function argsert(arg1, arg2, arg3) {
  function parseArgs2() {
    return typeof arg1 === "object" ? [{ demanded: [], optional: [] }, arg1, arg2] : [
      parseCommand(`cmd ${arg1}`),
      arg2,
      arg3
    ];
  }
  try {
    let position = 0;
    const [parsed, callerArguments, _length] = parseArgs2();
    const args = [].slice.call(callerArguments);
    while (args.length && args[args.length - 1] === void 0)
      args.pop();
    const length = _length || args.length;
    if (length < parsed.demanded.length) {
      throw new YError(`Not enough arguments provided. Expected ${parsed.demanded.length} but received ${args.length}.`);
    }
    const totalCommands = parsed.demanded.length + parsed.optional.length;
    if (length > totalCommands) {
      throw new YError(`Too many arguments provided. Expected max ${totalCommands} but received ${length}.`);
    }
    parsed.demanded.forEach((demanded) => {
      const arg = args.shift();
      const observedType = guessType(arg);
      const matchingTypes = demanded.cmd.filter((type) => type === observedType || type === "*");
      if (matchingTypes.length === 0)
        argumentTypeError(observedType, demanded.cmd, position);
      position += 1;
    });
    parsed.optional.forEach((optional) => {
      if (args.length === 0)
        return;
      const arg = args.shift();
      const observedType = guessType(arg);
      const matchingTypes = optional.cmd.filter((type) => type === observedType || type === "*");
      if (matchingTypes.length === 0)
        argumentTypeError(observedType, optional.cmd, position);
      position += 1;
    });
  } catch (err) {
    console.warn(err.stack);
  }
}
function guessType(arg) {
  if (Array.isArray(arg)) {
    return "array";
  } else if (arg === null) {
    return "null";
  }
  return typeof arg;
}
function argumentTypeError(observedType, allowedTypes, position) {
  throw new YError(`Invalid ${positionName[position] || "manyith"} argument. Expected ${allowedTypes.join(" or ")} but received ${observedType}.`);
}
var positionName;
var init_argsert = __esm({
  "../../node_modules/yargs/build/lib/argsert.js"() {
    init_import_meta_url();
    init_yerror();
    init_parse_command();
    positionName = ["first", "second", "third", "fourth", "fifth", "sixth"];
  }
});

// ../../node_modules/yargs/build/lib/middleware.js
function commandMiddlewareFactory(commandMiddleware) {
  if (!commandMiddleware)
    return [];
  return commandMiddleware.map((middleware) => {
    middleware.applyBeforeValidation = false;
    return middleware;
  });
}
function applyMiddleware(argv, yargs, middlewares, beforeValidation) {
  return middlewares.reduce((acc, middleware) => {
    if (middleware.applyBeforeValidation !== beforeValidation) {
      return acc;
    }
    if (middleware.mutates) {
      if (middleware.applied)
        return acc;
      middleware.applied = true;
    }
    if (isPromise(acc)) {
      return acc.then((initialObj) => Promise.all([initialObj, middleware(initialObj, yargs)])).then(([initialObj, middlewareObj]) => Object.assign(initialObj, middlewareObj));
    } else {
      const result = middleware(acc, yargs);
      return isPromise(result) ? result.then((middlewareObj) => Object.assign(acc, middlewareObj)) : Object.assign(acc, result);
    }
  }, argv);
}
var GlobalMiddleware;
var init_middleware = __esm({
  "../../node_modules/yargs/build/lib/middleware.js"() {
    init_import_meta_url();
    init_argsert();
    init_is_promise();
    GlobalMiddleware = class {
      constructor(yargs) {
        this.globalMiddleware = [];
        this.frozens = [];
        this.yargs = yargs;
      }
      addMiddleware(callback, applyBeforeValidation, global = true, mutates = false) {
        argsert("<array|function> [boolean] [boolean] [boolean]", [callback, applyBeforeValidation, global], arguments.length);
        if (Array.isArray(callback)) {
          for (let i = 0; i < callback.length; i++) {
            if (typeof callback[i] !== "function") {
              throw Error("middleware must be a function");
            }
            const m = callback[i];
            m.applyBeforeValidation = applyBeforeValidation;
            m.global = global;
          }
          Array.prototype.push.apply(this.globalMiddleware, callback);
        } else if (typeof callback === "function") {
          const m = callback;
          m.applyBeforeValidation = applyBeforeValidation;
          m.global = global;
          m.mutates = mutates;
          this.globalMiddleware.push(callback);
        }
        return this.yargs;
      }
      addCoerceMiddleware(callback, option) {
        const aliases = this.yargs.getAliases();
        this.globalMiddleware = this.globalMiddleware.filter((m) => {
          const toCheck = [...aliases[option] || [], option];
          if (!m.option)
            return true;
          else
            return !toCheck.includes(m.option);
        });
        callback.option = option;
        return this.addMiddleware(callback, true, true, true);
      }
      getMiddleware() {
        return this.globalMiddleware;
      }
      freeze() {
        this.frozens.push([...this.globalMiddleware]);
      }
      unfreeze() {
        const frozen = this.frozens.pop();
        if (frozen !== void 0)
          this.globalMiddleware = frozen;
      }
      reset() {
        this.globalMiddleware = this.globalMiddleware.filter((m) => m.global);
      }
    };
  }
});

// ../../node_modules/yargs/build/lib/utils/maybe-async-result.js
function maybeAsyncResult(getResult, resultHandler, errorHandler = (err) => {
  throw err;
}) {
  try {
    const result = isFunction(getResult) ? getResult() : getResult;
    return isPromise(result) ? result.then((result2) => resultHandler(result2)) : resultHandler(result);
  } catch (err) {
    return errorHandler(err);
  }
}
function isFunction(arg) {
  return typeof arg === "function";
}
var init_maybe_async_result = __esm({
  "../../node_modules/yargs/build/lib/utils/maybe-async-result.js"() {
    init_import_meta_url();
    init_is_promise();
  }
});

// ../../node_modules/yargs/build/lib/command.js
function command(usage2, validation2, globalMiddleware, shim3) {
  return new CommandInstance(usage2, validation2, globalMiddleware, shim3);
}
function isCommandBuilderDefinition(builder) {
  return typeof builder === "object" && !!builder.builder && typeof builder.handler === "function";
}
function isCommandAndAliases(cmd) {
  return cmd.every((c) => typeof c === "string");
}
function isCommandBuilderCallback(builder) {
  return typeof builder === "function";
}
function isCommandBuilderOptionDefinitions(builder) {
  return typeof builder === "object";
}
function isCommandHandlerDefinition(cmd) {
  return typeof cmd === "object" && !Array.isArray(cmd);
}
var DEFAULT_MARKER, CommandInstance;
var init_command = __esm({
  "../../node_modules/yargs/build/lib/command.js"() {
    init_import_meta_url();
    init_common_types();
    init_is_promise();
    init_middleware();
    init_parse_command();
    init_yargs_factory();
    init_maybe_async_result();
    DEFAULT_MARKER = /(^\*)|(^\$0)/;
    CommandInstance = class {
      constructor(usage2, validation2, globalMiddleware, shim3) {
        this.requireCache = /* @__PURE__ */ new Set();
        this.handlers = {};
        this.aliasMap = {};
        this.frozens = [];
        this.shim = shim3;
        this.usage = usage2;
        this.globalMiddleware = globalMiddleware;
        this.validation = validation2;
      }
      addDirectory(dir, req, callerFile, opts) {
        opts = opts || {};
        this.requireCache.add(callerFile);
        const fullDirPath = this.shim.path.resolve(this.shim.path.dirname(callerFile), dir);
        const files = this.shim.readdirSync(fullDirPath, {
          recursive: opts.recurse ? true : false
        });
        if (!Array.isArray(opts.extensions))
          opts.extensions = ["js"];
        const visit = typeof opts.visit === "function" ? opts.visit : (o) => o;
        for (const fileb of files) {
          const file = fileb.toString();
          if (opts.exclude) {
            let exclude = false;
            if (typeof opts.exclude === "function") {
              exclude = opts.exclude(file);
            } else {
              exclude = opts.exclude.test(file);
            }
            if (exclude)
              continue;
          }
          if (opts.include) {
            let include = false;
            if (typeof opts.include === "function") {
              include = opts.include(file);
            } else {
              include = opts.include.test(file);
            }
            if (!include)
              continue;
          }
          let supportedExtension = false;
          for (const ext of opts.extensions) {
            if (file.endsWith(ext))
              supportedExtension = true;
          }
          if (supportedExtension) {
            const joined = this.shim.path.join(fullDirPath, file);
            const module2 = req(joined);
            const extendableModule = Object.create(null, Object.getOwnPropertyDescriptors({ ...module2 }));
            const visited = visit(extendableModule, joined, file);
            if (visited) {
              if (this.requireCache.has(joined))
                continue;
              else
                this.requireCache.add(joined);
              if (!extendableModule.command) {
                extendableModule.command = this.shim.path.basename(joined, this.shim.path.extname(joined));
              }
              this.addHandler(extendableModule);
            }
          }
        }
      }
      addHandler(cmd, description, builder, handler, commandMiddleware, deprecated) {
        let aliases = [];
        const middlewares = commandMiddlewareFactory(commandMiddleware);
        handler = handler || (() => {
        });
        if (Array.isArray(cmd)) {
          if (isCommandAndAliases(cmd)) {
            [cmd, ...aliases] = cmd;
          } else {
            for (const command2 of cmd) {
              this.addHandler(command2);
            }
          }
        } else if (isCommandHandlerDefinition(cmd)) {
          let command2 = Array.isArray(cmd.command) || typeof cmd.command === "string" ? cmd.command : null;
          if (command2 === null) {
            throw new Error(`No command name given for module: ${this.shim.inspect(cmd)}`);
          }
          if (cmd.aliases)
            command2 = [].concat(command2).concat(cmd.aliases);
          this.addHandler(command2, this.extractDesc(cmd), cmd.builder, cmd.handler, cmd.middlewares, cmd.deprecated);
          return;
        } else if (isCommandBuilderDefinition(builder)) {
          this.addHandler([cmd].concat(aliases), description, builder.builder, builder.handler, builder.middlewares, builder.deprecated);
          return;
        }
        if (typeof cmd === "string") {
          const parsedCommand = parseCommand(cmd);
          aliases = aliases.map((alias) => parseCommand(alias).cmd);
          let isDefault = false;
          const parsedAliases = [parsedCommand.cmd].concat(aliases).filter((c) => {
            if (DEFAULT_MARKER.test(c)) {
              isDefault = true;
              return false;
            }
            return true;
          });
          if (parsedAliases.length === 0 && isDefault)
            parsedAliases.push("$0");
          if (isDefault) {
            parsedCommand.cmd = parsedAliases[0];
            aliases = parsedAliases.slice(1);
            cmd = cmd.replace(DEFAULT_MARKER, parsedCommand.cmd);
          }
          aliases.forEach((alias) => {
            this.aliasMap[alias] = parsedCommand.cmd;
          });
          if (description !== false) {
            this.usage.command(cmd, description, isDefault, aliases, deprecated);
          }
          this.handlers[parsedCommand.cmd] = {
            original: cmd,
            description,
            handler,
            builder: builder || {},
            middlewares,
            deprecated,
            demanded: parsedCommand.demanded,
            optional: parsedCommand.optional
          };
          if (isDefault)
            this.defaultCommand = this.handlers[parsedCommand.cmd];
        }
      }
      getCommandHandlers() {
        return this.handlers;
      }
      getCommands() {
        return Object.keys(this.handlers).concat(Object.keys(this.aliasMap));
      }
      hasDefaultCommand() {
        return !!this.defaultCommand;
      }
      runCommand(command2, yargs, parsed, commandIndex, helpOnly, helpOrVersionSet) {
        const commandHandler = this.handlers[command2] || this.handlers[this.aliasMap[command2]] || this.defaultCommand;
        const currentContext = yargs.getInternalMethods().getContext();
        const parentCommands = currentContext.commands.slice();
        const isDefaultCommand = !command2;
        if (command2) {
          currentContext.commands.push(command2);
          currentContext.fullCommands.push(commandHandler.original);
        }
        const builderResult = this.applyBuilderUpdateUsageAndParse(isDefaultCommand, commandHandler, yargs, parsed.aliases, parentCommands, commandIndex, helpOnly, helpOrVersionSet);
        return isPromise(builderResult) ? builderResult.then((result) => this.applyMiddlewareAndGetResult(isDefaultCommand, commandHandler, result.innerArgv, currentContext, helpOnly, result.aliases, yargs)) : this.applyMiddlewareAndGetResult(isDefaultCommand, commandHandler, builderResult.innerArgv, currentContext, helpOnly, builderResult.aliases, yargs);
      }
      applyBuilderUpdateUsageAndParse(isDefaultCommand, commandHandler, yargs, aliases, parentCommands, commandIndex, helpOnly, helpOrVersionSet) {
        const builder = commandHandler.builder;
        let innerYargs = yargs;
        if (isCommandBuilderCallback(builder)) {
          yargs.getInternalMethods().getUsageInstance().freeze();
          const builderOutput = builder(yargs.getInternalMethods().reset(aliases), helpOrVersionSet);
          if (isPromise(builderOutput)) {
            return builderOutput.then((output) => {
              innerYargs = isYargsInstance(output) ? output : yargs;
              return this.parseAndUpdateUsage(isDefaultCommand, commandHandler, innerYargs, parentCommands, commandIndex, helpOnly);
            });
          }
        } else if (isCommandBuilderOptionDefinitions(builder)) {
          yargs.getInternalMethods().getUsageInstance().freeze();
          innerYargs = yargs.getInternalMethods().reset(aliases);
          Object.keys(commandHandler.builder).forEach((key) => {
            innerYargs.option(key, builder[key]);
          });
        }
        return this.parseAndUpdateUsage(isDefaultCommand, commandHandler, innerYargs, parentCommands, commandIndex, helpOnly);
      }
      parseAndUpdateUsage(isDefaultCommand, commandHandler, innerYargs, parentCommands, commandIndex, helpOnly) {
        if (isDefaultCommand)
          innerYargs.getInternalMethods().getUsageInstance().unfreeze(true);
        if (this.shouldUpdateUsage(innerYargs)) {
          innerYargs.getInternalMethods().getUsageInstance().usage(this.usageFromParentCommandsCommandHandler(parentCommands, commandHandler), commandHandler.description);
        }
        const innerArgv = innerYargs.getInternalMethods().runYargsParserAndExecuteCommands(null, void 0, true, commandIndex, helpOnly);
        return isPromise(innerArgv) ? innerArgv.then((argv) => ({
          aliases: innerYargs.parsed.aliases,
          innerArgv: argv
        })) : {
          aliases: innerYargs.parsed.aliases,
          innerArgv
        };
      }
      shouldUpdateUsage(yargs) {
        return !yargs.getInternalMethods().getUsageInstance().getUsageDisabled() && yargs.getInternalMethods().getUsageInstance().getUsage().length === 0;
      }
      usageFromParentCommandsCommandHandler(parentCommands, commandHandler) {
        const c = DEFAULT_MARKER.test(commandHandler.original) ? commandHandler.original.replace(DEFAULT_MARKER, "").trim() : commandHandler.original;
        const pc = parentCommands.filter((c2) => {
          return !DEFAULT_MARKER.test(c2);
        });
        pc.push(c);
        return `$0 ${pc.join(" ")}`;
      }
      handleValidationAndGetResult(isDefaultCommand, commandHandler, innerArgv, currentContext, aliases, yargs, middlewares, positionalMap) {
        if (!yargs.getInternalMethods().getHasOutput()) {
          const validation2 = yargs.getInternalMethods().runValidation(aliases, positionalMap, yargs.parsed.error, isDefaultCommand);
          innerArgv = maybeAsyncResult(innerArgv, (result) => {
            validation2(result);
            return result;
          });
        }
        if (commandHandler.handler && !yargs.getInternalMethods().getHasOutput()) {
          yargs.getInternalMethods().setHasOutput();
          const populateDoubleDash = !!yargs.getOptions().configuration["populate--"];
          yargs.getInternalMethods().postProcess(innerArgv, populateDoubleDash, false, false);
          innerArgv = applyMiddleware(innerArgv, yargs, middlewares, false);
          innerArgv = maybeAsyncResult(innerArgv, (result) => {
            const handlerResult = commandHandler.handler(result);
            return isPromise(handlerResult) ? handlerResult.then(() => result) : result;
          });
          if (!isDefaultCommand) {
            yargs.getInternalMethods().getUsageInstance().cacheHelpMessage();
          }
          if (isPromise(innerArgv) && !yargs.getInternalMethods().hasParseCallback()) {
            innerArgv.catch((error) => {
              try {
                yargs.getInternalMethods().getUsageInstance().fail(null, error);
              } catch (_err) {
              }
            });
          }
        }
        if (!isDefaultCommand) {
          currentContext.commands.pop();
          currentContext.fullCommands.pop();
        }
        return innerArgv;
      }
      applyMiddlewareAndGetResult(isDefaultCommand, commandHandler, innerArgv, currentContext, helpOnly, aliases, yargs) {
        let positionalMap = {};
        if (helpOnly)
          return innerArgv;
        if (!yargs.getInternalMethods().getHasOutput()) {
          positionalMap = this.populatePositionals(commandHandler, innerArgv, currentContext, yargs);
        }
        const middlewares = this.globalMiddleware.getMiddleware().slice(0).concat(commandHandler.middlewares);
        const maybePromiseArgv = applyMiddleware(innerArgv, yargs, middlewares, true);
        return isPromise(maybePromiseArgv) ? maybePromiseArgv.then((resolvedInnerArgv) => this.handleValidationAndGetResult(isDefaultCommand, commandHandler, resolvedInnerArgv, currentContext, aliases, yargs, middlewares, positionalMap)) : this.handleValidationAndGetResult(isDefaultCommand, commandHandler, maybePromiseArgv, currentContext, aliases, yargs, middlewares, positionalMap);
      }
      populatePositionals(commandHandler, argv, context, yargs) {
        argv._ = argv._.slice(context.commands.length);
        const demanded = commandHandler.demanded.slice(0);
        const optional = commandHandler.optional.slice(0);
        const positionalMap = {};
        this.validation.positionalCount(demanded.length, argv._.length);
        while (demanded.length) {
          const demand = demanded.shift();
          this.populatePositional(demand, argv, positionalMap);
        }
        while (optional.length) {
          const maybe = optional.shift();
          this.populatePositional(maybe, argv, positionalMap);
        }
        argv._ = context.commands.concat(argv._.map((a) => "" + a));
        this.postProcessPositionals(argv, positionalMap, this.cmdToParseOptions(commandHandler.original), yargs);
        return positionalMap;
      }
      populatePositional(positional, argv, positionalMap) {
        const cmd = positional.cmd[0];
        if (positional.variadic) {
          positionalMap[cmd] = argv._.splice(0).map(String);
        } else {
          if (argv._.length)
            positionalMap[cmd] = [String(argv._.shift())];
        }
      }
      cmdToParseOptions(cmdString) {
        const parseOptions = {
          array: [],
          default: {},
          alias: {},
          demand: {}
        };
        const parsed = parseCommand(cmdString);
        parsed.demanded.forEach((d) => {
          const [cmd, ...aliases] = d.cmd;
          if (d.variadic) {
            parseOptions.array.push(cmd);
            parseOptions.default[cmd] = [];
          }
          parseOptions.alias[cmd] = aliases;
          parseOptions.demand[cmd] = true;
        });
        parsed.optional.forEach((o) => {
          const [cmd, ...aliases] = o.cmd;
          if (o.variadic) {
            parseOptions.array.push(cmd);
            parseOptions.default[cmd] = [];
          }
          parseOptions.alias[cmd] = aliases;
        });
        return parseOptions;
      }
      postProcessPositionals(argv, positionalMap, parseOptions, yargs) {
        const options = Object.assign({}, yargs.getOptions());
        options.default = Object.assign(parseOptions.default, options.default);
        for (const key of Object.keys(parseOptions.alias)) {
          options.alias[key] = (options.alias[key] || []).concat(parseOptions.alias[key]);
        }
        options.array = options.array.concat(parseOptions.array);
        options.config = {};
        const unparsed = [];
        Object.keys(positionalMap).forEach((key) => {
          positionalMap[key].map((value) => {
            if (options.configuration["unknown-options-as-args"])
              options.key[key] = true;
            unparsed.push(`--${key}`);
            unparsed.push(value);
          });
        });
        if (!unparsed.length)
          return;
        const config = Object.assign({}, options.configuration, {
          "populate--": false
        });
        const parsed = this.shim.Parser.detailed(unparsed, Object.assign({}, options, {
          configuration: config
        }));
        if (parsed.error) {
          yargs.getInternalMethods().getUsageInstance().fail(parsed.error.message, parsed.error);
        } else {
          const positionalKeys = Object.keys(positionalMap);
          Object.keys(positionalMap).forEach((key) => {
            positionalKeys.push(...parsed.aliases[key]);
          });
          Object.keys(parsed.argv).forEach((key) => {
            if (positionalKeys.includes(key)) {
              if (!positionalMap[key])
                positionalMap[key] = parsed.argv[key];
              if (!this.isInConfigs(yargs, key) && !this.isDefaulted(yargs, key) && Object.prototype.hasOwnProperty.call(argv, key) && Object.prototype.hasOwnProperty.call(parsed.argv, key) && (Array.isArray(argv[key]) || Array.isArray(parsed.argv[key]))) {
                argv[key] = [].concat(argv[key], parsed.argv[key]);
              } else {
                argv[key] = parsed.argv[key];
              }
            }
          });
        }
      }
      isDefaulted(yargs, key) {
        const { default: defaults } = yargs.getOptions();
        return Object.prototype.hasOwnProperty.call(defaults, key) || Object.prototype.hasOwnProperty.call(defaults, this.shim.Parser.camelCase(key));
      }
      isInConfigs(yargs, key) {
        const { configObjects } = yargs.getOptions();
        return configObjects.some((c) => Object.prototype.hasOwnProperty.call(c, key)) || configObjects.some((c) => Object.prototype.hasOwnProperty.call(c, this.shim.Parser.camelCase(key)));
      }
      runDefaultBuilderOn(yargs) {
        if (!this.defaultCommand)
          return;
        if (this.shouldUpdateUsage(yargs)) {
          const commandString = DEFAULT_MARKER.test(this.defaultCommand.original) ? this.defaultCommand.original : this.defaultCommand.original.replace(/^[^[\]<>]*/, "$0 ");
          yargs.getInternalMethods().getUsageInstance().usage(commandString, this.defaultCommand.description);
        }
        const builder = this.defaultCommand.builder;
        if (isCommandBuilderCallback(builder)) {
          return builder(yargs, true);
        } else if (!isCommandBuilderDefinition(builder)) {
          Object.keys(builder).forEach((key) => {
            yargs.option(key, builder[key]);
          });
        }
        return void 0;
      }
      extractDesc({ describe: describe2, description, desc }) {
        for (const test of [describe2, description, desc]) {
          if (typeof test === "string" || test === false)
            return test;
          assertNotStrictEqual(test, true, this.shim);
        }
        return false;
      }
      freeze() {
        this.frozens.push({
          handlers: this.handlers,
          aliasMap: this.aliasMap,
          defaultCommand: this.defaultCommand
        });
      }
      unfreeze() {
        const frozen = this.frozens.pop();
        assertNotStrictEqual(frozen, void 0, this.shim);
        ({
          handlers: this.handlers,
          aliasMap: this.aliasMap,
          defaultCommand: this.defaultCommand
        } = frozen);
      }
      reset() {
        this.handlers = {};
        this.aliasMap = {};
        this.defaultCommand = void 0;
        this.requireCache = /* @__PURE__ */ new Set();
        return this;
      }
    };
  }
});

// ../../node_modules/yargs/build/lib/utils/obj-filter.js
function objFilter(original = {}, filter = () => true) {
  const obj = {};
  objectKeys(original).forEach((key) => {
    if (filter(key, original[key])) {
      obj[key] = original[key];
    }
  });
  return obj;
}
var init_obj_filter = __esm({
  "../../node_modules/yargs/build/lib/utils/obj-filter.js"() {
    init_import_meta_url();
    init_common_types();
  }
});

// ../../node_modules/yargs/build/lib/utils/set-blocking.js
function setBlocking(blocking) {
  if (typeof process === "undefined")
    return;
  [process.stdout, process.stderr].forEach((_stream) => {
    const stream = _stream;
    if (stream._handle && stream.isTTY && typeof stream._handle.setBlocking === "function") {
      stream._handle.setBlocking(blocking);
    }
  });
}
var init_set_blocking = __esm({
  "../../node_modules/yargs/build/lib/utils/set-blocking.js"() {
    init_import_meta_url();
  }
});

// ../../node_modules/yargs/build/lib/usage.js
function isBoolean(fail2) {
  return typeof fail2 === "boolean";
}
function usage(yargs, shim3) {
  const __ = shim3.y18n.__;
  const self = {};
  const fails = [];
  self.failFn = function failFn(f) {
    fails.push(f);
  };
  let failMessage = null;
  let globalFailMessage = null;
  let showHelpOnFail = true;
  self.showHelpOnFail = function showHelpOnFailFn(arg1 = true, arg2) {
    const [enabled, message] = typeof arg1 === "string" ? [true, arg1] : [arg1, arg2];
    if (yargs.getInternalMethods().isGlobalContext()) {
      globalFailMessage = message;
    }
    failMessage = message;
    showHelpOnFail = enabled;
    return self;
  };
  let failureOutput = false;
  self.fail = function fail2(msg, err) {
    const logger = yargs.getInternalMethods().getLoggerInstance();
    if (fails.length) {
      for (let i = fails.length - 1; i >= 0; --i) {
        const fail3 = fails[i];
        if (isBoolean(fail3)) {
          if (err)
            throw err;
          else if (msg)
            throw Error(msg);
        } else {
          fail3(msg, err, self);
        }
      }
    } else {
      if (yargs.getExitProcess())
        setBlocking(true);
      if (!failureOutput) {
        failureOutput = true;
        if (showHelpOnFail) {
          yargs.showHelp("error");
          logger.error();
        }
        if (msg || err)
          logger.error(msg || err);
        const globalOrCommandFailMessage = failMessage || globalFailMessage;
        if (globalOrCommandFailMessage) {
          if (msg || err)
            logger.error("");
          logger.error(globalOrCommandFailMessage);
        }
      }
      err = err || new YError(msg);
      if (yargs.getExitProcess()) {
        return yargs.exit(1);
      } else if (yargs.getInternalMethods().hasParseCallback()) {
        return yargs.exit(1, err);
      } else {
        throw err;
      }
    }
  };
  let usages = [];
  let usageDisabled = false;
  self.usage = (msg, description) => {
    if (msg === null) {
      usageDisabled = true;
      usages = [];
      return self;
    }
    usageDisabled = false;
    usages.push([msg, description || ""]);
    return self;
  };
  self.getUsage = () => {
    return usages;
  };
  self.getUsageDisabled = () => {
    return usageDisabled;
  };
  self.getPositionalGroupName = () => {
    return __("Positionals:");
  };
  let examples = [];
  self.example = (cmd, description) => {
    examples.push([cmd, description || ""]);
  };
  let commands = [];
  self.command = function command2(cmd, description, isDefault, aliases, deprecated = false) {
    if (isDefault) {
      commands = commands.map((cmdArray) => {
        cmdArray[2] = false;
        return cmdArray;
      });
    }
    commands.push([cmd, description || "", isDefault, aliases, deprecated]);
  };
  self.getCommands = () => commands;
  let descriptions = {};
  self.describe = function describe2(keyOrKeys, desc) {
    if (Array.isArray(keyOrKeys)) {
      keyOrKeys.forEach((k) => {
        self.describe(k, desc);
      });
    } else if (typeof keyOrKeys === "object") {
      Object.keys(keyOrKeys).forEach((k) => {
        self.describe(k, keyOrKeys[k]);
      });
    } else {
      descriptions[keyOrKeys] = desc;
    }
  };
  self.getDescriptions = () => descriptions;
  let epilogs = [];
  self.epilog = (msg) => {
    epilogs.push(msg);
  };
  let wrapSet = false;
  let wrap;
  self.wrap = (cols) => {
    wrapSet = true;
    wrap = cols;
  };
  self.getWrap = () => {
    if (shim3.getEnv("YARGS_DISABLE_WRAP")) {
      return null;
    }
    if (!wrapSet) {
      wrap = windowWidth();
      wrapSet = true;
    }
    return wrap;
  };
  const deferY18nLookupPrefix = "__yargsString__:";
  self.deferY18nLookup = (str) => deferY18nLookupPrefix + str;
  self.help = function help() {
    if (cachedHelpMessage)
      return cachedHelpMessage;
    normalizeAliases();
    const base$0 = yargs.customScriptName ? yargs.$0 : shim3.path.basename(yargs.$0);
    const demandedOptions = yargs.getDemandedOptions();
    const demandedCommands = yargs.getDemandedCommands();
    const deprecatedOptions = yargs.getDeprecatedOptions();
    const groups = yargs.getGroups();
    const options = yargs.getOptions();
    let keys = [];
    keys = keys.concat(Object.keys(descriptions));
    keys = keys.concat(Object.keys(demandedOptions));
    keys = keys.concat(Object.keys(demandedCommands));
    keys = keys.concat(Object.keys(options.default));
    keys = keys.filter(filterHiddenOptions);
    keys = Object.keys(keys.reduce((acc, key) => {
      if (key !== "_")
        acc[key] = true;
      return acc;
    }, {}));
    const theWrap = self.getWrap();
    const ui2 = shim3.cliui({
      width: theWrap,
      wrap: !!theWrap
    });
    if (!usageDisabled) {
      if (usages.length) {
        usages.forEach((usage2) => {
          ui2.div({ text: `${usage2[0].replace(/\$0/g, base$0)}` });
          if (usage2[1]) {
            ui2.div({ text: `${usage2[1]}`, padding: [1, 0, 0, 0] });
          }
        });
        ui2.div();
      } else if (commands.length) {
        let u = null;
        if (demandedCommands._) {
          u = `${base$0} <${__("command")}>
`;
        } else {
          u = `${base$0} [${__("command")}]
`;
        }
        ui2.div(`${u}`);
      }
    }
    if (commands.length > 1 || commands.length === 1 && !commands[0][2]) {
      ui2.div(__("Commands:"));
      const context = yargs.getInternalMethods().getContext();
      const parentCommands = context.commands.length ? `${context.commands.join(" ")} ` : "";
      if (yargs.getInternalMethods().getParserConfiguration()["sort-commands"] === true) {
        commands = commands.sort((a, b) => a[0].localeCompare(b[0]));
      }
      const prefix = base$0 ? `${base$0} ` : "";
      commands.forEach((command2) => {
        const commandString = `${prefix}${parentCommands}${command2[0].replace(/^\$0 ?/, "")}`;
        ui2.span({
          text: commandString,
          padding: [0, 2, 0, 2],
          width: maxWidth(commands, theWrap, `${base$0}${parentCommands}`) + 4
        }, { text: command2[1] });
        const hints = [];
        if (command2[2])
          hints.push(`[${__("default")}]`);
        if (command2[3] && command2[3].length) {
          hints.push(`[${__("aliases:")} ${command2[3].join(", ")}]`);
        }
        if (command2[4]) {
          if (typeof command2[4] === "string") {
            hints.push(`[${__("deprecated: %s", command2[4])}]`);
          } else {
            hints.push(`[${__("deprecated")}]`);
          }
        }
        if (hints.length) {
          ui2.div({
            text: hints.join(" "),
            padding: [0, 0, 0, 2],
            align: "right"
          });
        } else {
          ui2.div();
        }
      });
      ui2.div();
    }
    const aliasKeys = (Object.keys(options.alias) || []).concat(Object.keys(yargs.parsed.newAliases) || []);
    keys = keys.filter((key) => !yargs.parsed.newAliases[key] && aliasKeys.every((alias) => (options.alias[alias] || []).indexOf(key) === -1));
    const defaultGroup = __("Options:");
    if (!groups[defaultGroup])
      groups[defaultGroup] = [];
    addUngroupedKeys(keys, options.alias, groups, defaultGroup);
    const isLongSwitch = (sw) => /^--/.test(getText(sw));
    const displayedGroups = Object.keys(groups).filter((groupName) => groups[groupName].length > 0).map((groupName) => {
      const normalizedKeys = groups[groupName].filter(filterHiddenOptions).map((key) => {
        if (aliasKeys.includes(key))
          return key;
        for (let i = 0, aliasKey; (aliasKey = aliasKeys[i]) !== void 0; i++) {
          if ((options.alias[aliasKey] || []).includes(key))
            return aliasKey;
        }
        return key;
      });
      return { groupName, normalizedKeys };
    }).filter(({ normalizedKeys }) => normalizedKeys.length > 0).map(({ groupName, normalizedKeys }) => {
      const switches = normalizedKeys.reduce((acc, key) => {
        acc[key] = [key].concat(options.alias[key] || []).map((sw) => {
          if (groupName === self.getPositionalGroupName())
            return sw;
          else {
            return (/^[0-9]$/.test(sw) ? options.boolean.includes(key) ? "-" : "--" : sw.length > 1 ? "--" : "-") + sw;
          }
        }).sort((sw1, sw2) => isLongSwitch(sw1) === isLongSwitch(sw2) ? 0 : isLongSwitch(sw1) ? 1 : -1).join(", ");
        return acc;
      }, {});
      return { groupName, normalizedKeys, switches };
    });
    const shortSwitchesUsed = displayedGroups.filter(({ groupName }) => groupName !== self.getPositionalGroupName()).some(({ normalizedKeys, switches }) => !normalizedKeys.every((key) => isLongSwitch(switches[key])));
    if (shortSwitchesUsed) {
      displayedGroups.filter(({ groupName }) => groupName !== self.getPositionalGroupName()).forEach(({ normalizedKeys, switches }) => {
        normalizedKeys.forEach((key) => {
          if (isLongSwitch(switches[key])) {
            switches[key] = addIndentation(switches[key], "-x, ".length);
          }
        });
      });
    }
    displayedGroups.forEach(({ groupName, normalizedKeys, switches }) => {
      ui2.div(groupName);
      normalizedKeys.forEach((key) => {
        const kswitch = switches[key];
        let desc = descriptions[key] || "";
        let type = null;
        if (desc.includes(deferY18nLookupPrefix))
          desc = __(desc.substring(deferY18nLookupPrefix.length));
        if (options.boolean.includes(key))
          type = `[${__("boolean")}]`;
        if (options.count.includes(key))
          type = `[${__("count")}]`;
        if (options.string.includes(key))
          type = `[${__("string")}]`;
        if (options.normalize.includes(key))
          type = `[${__("string")}]`;
        if (options.array.includes(key))
          type = `[${__("array")}]`;
        if (options.number.includes(key))
          type = `[${__("number")}]`;
        const deprecatedExtra = (deprecated) => typeof deprecated === "string" ? `[${__("deprecated: %s", deprecated)}]` : `[${__("deprecated")}]`;
        const extra = [
          key in deprecatedOptions ? deprecatedExtra(deprecatedOptions[key]) : null,
          type,
          key in demandedOptions ? `[${__("required")}]` : null,
          options.choices && options.choices[key] ? `[${__("choices:")} ${self.stringifiedValues(options.choices[key])}]` : null,
          defaultString(options.default[key], options.defaultDescription[key])
        ].filter(Boolean).join(" ");
        ui2.span({
          text: getText(kswitch),
          padding: [0, 2, 0, 2 + getIndentation(kswitch)],
          width: maxWidth(switches, theWrap) + 4
        }, desc);
        const shouldHideOptionExtras = yargs.getInternalMethods().getUsageConfiguration()["hide-types"] === true;
        if (extra && !shouldHideOptionExtras)
          ui2.div({ text: extra, padding: [0, 0, 0, 2], align: "right" });
        else
          ui2.div();
      });
      ui2.div();
    });
    if (examples.length) {
      ui2.div(__("Examples:"));
      examples.forEach((example) => {
        example[0] = example[0].replace(/\$0/g, base$0);
      });
      examples.forEach((example) => {
        if (example[1] === "") {
          ui2.div({
            text: example[0],
            padding: [0, 2, 0, 2]
          });
        } else {
          ui2.div({
            text: example[0],
            padding: [0, 2, 0, 2],
            width: maxWidth(examples, theWrap) + 4
          }, {
            text: example[1]
          });
        }
      });
      ui2.div();
    }
    if (epilogs.length > 0) {
      const e = epilogs.map((epilog) => epilog.replace(/\$0/g, base$0)).join("\n");
      ui2.div(`${e}
`);
    }
    return ui2.toString().replace(/\s*$/, "");
  };
  function maxWidth(table, theWrap, modifier) {
    let width = 0;
    if (!Array.isArray(table)) {
      table = Object.values(table).map((v) => [v]);
    }
    table.forEach((v) => {
      width = Math.max(shim3.stringWidth(modifier ? `${modifier} ${getText(v[0])}` : getText(v[0])) + getIndentation(v[0]), width);
    });
    if (theWrap)
      width = Math.min(width, parseInt((theWrap * 0.5).toString(), 10));
    return width;
  }
  function normalizeAliases() {
    const demandedOptions = yargs.getDemandedOptions();
    const options = yargs.getOptions();
    (Object.keys(options.alias) || []).forEach((key) => {
      options.alias[key].forEach((alias) => {
        if (descriptions[alias])
          self.describe(key, descriptions[alias]);
        if (alias in demandedOptions)
          yargs.demandOption(key, demandedOptions[alias]);
        if (options.boolean.includes(alias))
          yargs.boolean(key);
        if (options.count.includes(alias))
          yargs.count(key);
        if (options.string.includes(alias))
          yargs.string(key);
        if (options.normalize.includes(alias))
          yargs.normalize(key);
        if (options.array.includes(alias))
          yargs.array(key);
        if (options.number.includes(alias))
          yargs.number(key);
      });
    });
  }
  let cachedHelpMessage;
  self.cacheHelpMessage = function() {
    cachedHelpMessage = this.help();
  };
  self.clearCachedHelpMessage = function() {
    cachedHelpMessage = void 0;
  };
  self.hasCachedHelpMessage = function() {
    return !!cachedHelpMessage;
  };
  function addUngroupedKeys(keys, aliases, groups, defaultGroup) {
    let groupedKeys = [];
    let toCheck = null;
    Object.keys(groups).forEach((group) => {
      groupedKeys = groupedKeys.concat(groups[group]);
    });
    keys.forEach((key) => {
      toCheck = [key].concat(aliases[key]);
      if (!toCheck.some((k) => groupedKeys.indexOf(k) !== -1)) {
        groups[defaultGroup].push(key);
      }
    });
    return groupedKeys;
  }
  function filterHiddenOptions(key) {
    return yargs.getOptions().hiddenOptions.indexOf(key) < 0 || yargs.parsed.argv[yargs.getOptions().showHiddenOpt];
  }
  self.showHelp = (level) => {
    const logger = yargs.getInternalMethods().getLoggerInstance();
    if (!level)
      level = "error";
    const emit = typeof level === "function" ? level : logger[level];
    emit(self.help());
  };
  self.functionDescription = (fn) => {
    const description = fn.name ? shim3.Parser.decamelize(fn.name, "-") : __("generated-value");
    return ["(", description, ")"].join("");
  };
  self.stringifiedValues = function stringifiedValues(values, separator) {
    let string = "";
    const sep = separator || ", ";
    const array = [].concat(values);
    if (!values || !array.length)
      return string;
    array.forEach((value) => {
      if (string.length)
        string += sep;
      string += JSON.stringify(value);
    });
    return string;
  };
  function defaultString(value, defaultDescription) {
    let string = `[${__("default:")} `;
    if (value === void 0 && !defaultDescription)
      return null;
    if (defaultDescription) {
      string += defaultDescription;
    } else {
      switch (typeof value) {
        case "string":
          string += `"${value}"`;
          break;
        case "object":
          string += JSON.stringify(value);
          break;
        default:
          string += value;
      }
    }
    return `${string}]`;
  }
  function windowWidth() {
    const maxWidth2 = 80;
    if (shim3.process.stdColumns) {
      return Math.min(maxWidth2, shim3.process.stdColumns);
    } else {
      return maxWidth2;
    }
  }
  let version = null;
  self.version = (ver) => {
    version = ver;
  };
  self.showVersion = (level) => {
    const logger = yargs.getInternalMethods().getLoggerInstance();
    if (!level)
      level = "error";
    const emit = typeof level === "function" ? level : logger[level];
    emit(version);
  };
  self.reset = function reset(localLookup) {
    failMessage = null;
    failureOutput = false;
    usages = [];
    usageDisabled = false;
    epilogs = [];
    examples = [];
    commands = [];
    descriptions = objFilter(descriptions, (k) => !localLookup[k]);
    return self;
  };
  const frozens = [];
  self.freeze = function freeze() {
    frozens.push({
      failMessage,
      failureOutput,
      usages,
      usageDisabled,
      epilogs,
      examples,
      commands,
      descriptions
    });
  };
  self.unfreeze = function unfreeze(defaultCommand = false) {
    const frozen = frozens.pop();
    if (!frozen)
      return;
    if (defaultCommand) {
      descriptions = { ...frozen.descriptions, ...descriptions };
      commands = [...frozen.commands, ...commands];
      usages = [...frozen.usages, ...usages];
      examples = [...frozen.examples, ...examples];
      epilogs = [...frozen.epilogs, ...epilogs];
    } else {
      ({
        failMessage,
        failureOutput,
        usages,
        usageDisabled,
        epilogs,
        examples,
        commands,
        descriptions
      } = frozen);
    }
  };
  return self;
}
function isIndentedText(text) {
  return typeof text === "object";
}
function addIndentation(text, indent) {
  return isIndentedText(text) ? { text: text.text, indentation: text.indentation + indent } : { text, indentation: indent };
}
function getIndentation(text) {
  return isIndentedText(text) ? text.indentation : 0;
}
function getText(text) {
  return isIndentedText(text) ? text.text : text;
}
var init_usage = __esm({
  "../../node_modules/yargs/build/lib/usage.js"() {
    init_import_meta_url();
    init_obj_filter();
    init_yerror();
    init_set_blocking();
  }
});

// ../../node_modules/yargs/build/lib/completion-templates.js
var completionShTemplate, completionZshTemplate, completionFishTemplate;
var init_completion_templates = __esm({
  "../../node_modules/yargs/build/lib/completion-templates.js"() {
    init_import_meta_url();
    completionShTemplate = `###-begin-{{app_name}}-completions-###
#
# yargs command completion script
#
# Installation: {{app_path}} {{completion_command}} >> ~/.bashrc
#    or {{app_path}} {{completion_command}} >> ~/.bash_profile on OSX.
#
_{{app_name}}_yargs_completions()
{
    local cur_word args type_list

    cur_word="\${COMP_WORDS[COMP_CWORD]}"
    args=("\${COMP_WORDS[@]}")

    # ask yargs to generate completions.
    # see https://stackoverflow.com/a/40944195/7080036 for the spaces-handling awk
    mapfile -t type_list < <({{app_path}} --get-yargs-completions "\${args[@]}")
    mapfile -t COMPREPLY < <(compgen -W "$( printf '%q ' "\${type_list[@]}" )" -- "\${cur_word}" |
        awk '/ / { print "\\""$0"\\"" } /^[^ ]+$/ { print $0 }')

    # if no match was found, fall back to filename completion
    if [ \${#COMPREPLY[@]} -eq 0 ]; then
      COMPREPLY=()
    fi

    return 0
}
complete -o bashdefault -o default -F _{{app_name}}_yargs_completions {{app_name}}
###-end-{{app_name}}-completions-###
`;
    completionZshTemplate = `#compdef {{app_name}}
###-begin-{{app_name}}-completions-###
#
# yargs command completion script
#
# Installation: {{app_path}} {{completion_command}} >> ~/.zshrc
#    or {{app_path}} {{completion_command}} >> ~/.zprofile on OSX.
#
_{{app_name}}_yargs_completions()
{
  local reply
  local si=$IFS
  IFS=$'
' reply=($(COMP_CWORD="$((CURRENT-1))" COMP_LINE="$BUFFER" COMP_POINT="$CURSOR" {{app_path}} --get-yargs-completions "\${words[@]}"))
  IFS=$si
  if [[ \${#reply} -gt 0 ]]; then
    _describe 'values' reply
  else
    _default
  fi
}
if [[ "\${zsh_eval_context[-1]}" == "loadautofunc" ]]; then
  _{{app_name}}_yargs_completions "$@"
else
  compdef _{{app_name}}_yargs_completions {{app_name}}
fi
###-end-{{app_name}}-completions-###
`;
    completionFishTemplate = `###-begin-{{app_name}}-completions-###
#
# yargs command completion script
#
# Installation: {{app_path}} {{completion_command}} > ~/.config/fish/completions/{{app_name}}.fish
#
complete -f -c {{app_name}} -a '({{app_path}} --get-yargs-completions (commandline -o)[2..-1])'
###-end-{{app_name}}-completions-###
`;
  }
});

// ../../node_modules/yargs/build/lib/completion.js
function completion(yargs, usage2, command2, shim3) {
  return new Completion(yargs, usage2, command2, shim3);
}
function isSyncCompletionFunction(completionFunction) {
  return completionFunction.length < 3;
}
function isFallbackCompletionFunction(completionFunction) {
  return completionFunction.length > 3;
}
var Completion;
var init_completion = __esm({
  "../../node_modules/yargs/build/lib/completion.js"() {
    init_import_meta_url();
    init_command();
    init_common_types();
    init_completion_templates();
    init_is_promise();
    init_parse_command();
    Completion = class {
      constructor(yargs, usage2, command2, shim3) {
        var _a2, _b2, _c2, _d, _e;
        this.yargs = yargs;
        this.usage = usage2;
        this.command = command2;
        this.shim = shim3;
        this.completionKey = "get-yargs-completions";
        this.aliases = null;
        this.customCompletionFunction = null;
        this.indexAfterLastReset = 0;
        this.zshShell = (_c2 = ((_a2 = this.shim.getEnv("SHELL")) === null || _a2 === void 0 ? void 0 : _a2.includes("zsh")) || ((_b2 = this.shim.getEnv("ZSH_NAME")) === null || _b2 === void 0 ? void 0 : _b2.includes("zsh"))) !== null && _c2 !== void 0 ? _c2 : false;
        this.fishShell = (_e = (_d = this.shim.getEnv("SHELL")) === null || _d === void 0 ? void 0 : _d.includes("fish")) !== null && _e !== void 0 ? _e : false;
      }
      defaultCompletion(args, argv, current, done) {
        const handlers = this.command.getCommandHandlers();
        for (let i = 0, ii = args.length; i < ii; ++i) {
          if (handlers[args[i]] && handlers[args[i]].builder) {
            const builder = handlers[args[i]].builder;
            if (isCommandBuilderCallback(builder)) {
              this.indexAfterLastReset = i + 1;
              const y = this.yargs.getInternalMethods().reset();
              builder(y, true);
              return y.argv;
            }
          }
        }
        const completions = [];
        this.commandCompletions(completions, args, current);
        this.optionCompletions(completions, args, argv, current);
        this.choicesFromOptionsCompletions(completions, args, argv, current);
        this.choicesFromPositionalsCompletions(completions, args, argv, current);
        done(null, completions);
      }
      commandCompletions(completions, args, current) {
        const parentCommands = this.yargs.getInternalMethods().getContext().commands;
        if (!current.match(/^-/) && parentCommands[parentCommands.length - 1] !== current && !this.previousArgHasChoices(args)) {
          this.usage.getCommands().forEach((usageCommand) => {
            const commandName = parseCommand(usageCommand[0]).cmd;
            if (args.indexOf(commandName) === -1) {
              const desc = usageCommand[1] || "";
              if (this.fishShell) {
                completions.push(commandName + "	" + desc);
              } else if (this.zshShell) {
                completions.push(commandName.replace(/:/g, "\\:") + ":" + desc);
              } else {
                completions.push(commandName);
              }
            }
          });
        }
      }
      optionCompletions(completions, args, argv, current) {
        if ((current.match(/^-/) || current === "" && completions.length === 0) && !this.previousArgHasChoices(args)) {
          const options = this.yargs.getOptions();
          const positionalKeys = this.yargs.getGroups()[this.usage.getPositionalGroupName()] || [];
          Object.keys(options.key).forEach((key) => {
            const negable = !!options.configuration["boolean-negation"] && options.boolean.includes(key);
            const isPositionalKey = positionalKeys.includes(key);
            if (!isPositionalKey && !options.hiddenOptions.includes(key) && !this.argsContainKey(args, key, negable)) {
              this.completeOptionKey(key, completions, current, negable && !!options.default[key]);
            }
          });
        }
      }
      choicesFromOptionsCompletions(completions, args, argv, current) {
        if (this.previousArgHasChoices(args)) {
          const choices = this.getPreviousArgChoices(args);
          if (choices && choices.length > 0) {
            if (this.fishShell) {
              completions.push(...choices);
            } else {
              completions.push(...choices.map((c) => c.replace(/:/g, "\\:")));
            }
          }
        }
      }
      choicesFromPositionalsCompletions(completions, args, argv, current) {
        if (current === "" && completions.length > 0 && this.previousArgHasChoices(args)) {
          return;
        }
        const positionalKeys = this.yargs.getGroups()[this.usage.getPositionalGroupName()] || [];
        const offset = Math.max(this.indexAfterLastReset, this.yargs.getInternalMethods().getContext().commands.length + 1);
        const positionalKey = positionalKeys[argv._.length - offset - 1];
        if (!positionalKey) {
          return;
        }
        const choices = this.yargs.getOptions().choices[positionalKey] || [];
        for (const choice of choices) {
          if (choice.startsWith(current)) {
            if (this.fishShell) {
              completions.push(choice);
            } else {
              completions.push(choice.replace(/:/g, "\\:"));
            }
          }
        }
      }
      getPreviousArgChoices(args) {
        if (args.length < 1)
          return;
        let previousArg = args[args.length - 1];
        let filter = "";
        if (!previousArg.startsWith("-") && args.length > 1) {
          filter = previousArg;
          previousArg = args[args.length - 2];
        }
        if (!previousArg.startsWith("-"))
          return;
        const previousArgKey = previousArg.replace(/^-+/, "");
        const options = this.yargs.getOptions();
        const possibleAliases = [
          previousArgKey,
          ...this.yargs.getAliases()[previousArgKey] || []
        ];
        let choices;
        for (const possibleAlias of possibleAliases) {
          if (Object.prototype.hasOwnProperty.call(options.key, possibleAlias) && Array.isArray(options.choices[possibleAlias])) {
            choices = options.choices[possibleAlias];
            break;
          }
        }
        if (choices) {
          return choices.filter((choice) => !filter || choice.startsWith(filter));
        }
      }
      previousArgHasChoices(args) {
        const choices = this.getPreviousArgChoices(args);
        return choices !== void 0 && choices.length > 0;
      }
      argsContainKey(args, key, negable) {
        const argsContains = (s) => args.indexOf((/^[^0-9]$/.test(s) ? "-" : "--") + s) !== -1;
        if (argsContains(key))
          return true;
        if (negable && argsContains(`no-${key}`))
          return true;
        if (this.aliases) {
          for (const alias of this.aliases[key]) {
            if (argsContains(alias))
              return true;
          }
        }
        return false;
      }
      completeOptionKey(key, completions, current, negable) {
        var _a2, _b2, _c2, _d;
        let keyWithDesc = key;
        if (this.zshShell || this.fishShell) {
          const descs = this.usage.getDescriptions();
          const aliasKey = (_b2 = (_a2 = this === null || this === void 0 ? void 0 : this.aliases) === null || _a2 === void 0 ? void 0 : _a2[key]) === null || _b2 === void 0 ? void 0 : _b2.find((alias) => {
            const desc2 = descs[alias];
            return typeof desc2 === "string" && desc2.length > 0;
          });
          const descFromAlias = aliasKey ? descs[aliasKey] : void 0;
          const desc = (_d = (_c2 = descs[key]) !== null && _c2 !== void 0 ? _c2 : descFromAlias) !== null && _d !== void 0 ? _d : "";
          const cleanedDesc = desc.replace("__yargsString__:", "").replace(/(\r\n|\n|\r)/gm, " ");
          if (this.fishShell) {
            keyWithDesc = `${key}	${cleanedDesc}`;
          } else {
            keyWithDesc = `${key.replace(/:/g, "\\:")}:${cleanedDesc}`;
          }
        }
        const startsByTwoDashes = (s) => /^--/.test(s);
        const isShortOption = (s) => /^[^0-9]$/.test(s);
        const dashes = !startsByTwoDashes(current) && isShortOption(key) ? "-" : "--";
        completions.push(dashes + keyWithDesc);
        if (negable) {
          completions.push(dashes + "no-" + keyWithDesc);
        }
      }
      customCompletion(args, argv, current, done) {
        assertNotStrictEqual(this.customCompletionFunction, null, this.shim);
        if (isSyncCompletionFunction(this.customCompletionFunction)) {
          const result = this.customCompletionFunction(current, argv);
          if (isPromise(result)) {
            return result.then((list) => {
              this.shim.process.nextTick(() => {
                done(null, list);
              });
            }).catch((err) => {
              this.shim.process.nextTick(() => {
                done(err, void 0);
              });
            });
          }
          return done(null, result);
        } else if (isFallbackCompletionFunction(this.customCompletionFunction)) {
          return this.customCompletionFunction(current, argv, (onCompleted = done) => this.defaultCompletion(args, argv, current, onCompleted), (completions) => {
            done(null, completions);
          });
        } else {
          return this.customCompletionFunction(current, argv, (completions) => {
            done(null, completions);
          });
        }
      }
      getCompletion(args, done) {
        const current = args.length ? args[args.length - 1] : "";
        const argv = this.yargs.parse(args, true);
        const completionFunction = this.customCompletionFunction ? (argv2) => this.customCompletion(args, argv2, current, done) : (argv2) => this.defaultCompletion(args, argv2, current, done);
        return isPromise(argv) ? argv.then(completionFunction) : completionFunction(argv);
      }
      generateCompletionScript($0, cmd) {
        let script;
        if (this.zshShell) {
          script = completionZshTemplate;
        } else if (this.fishShell) {
          script = completionFishTemplate;
        } else {
          script = completionShTemplate;
        }
        const name = this.shim.path.basename($0);
        if ($0.match(/\.js$/))
          $0 = `./${$0}`;
        script = script.replace(/{{app_name}}/g, name);
        script = script.replace(/{{completion_command}}/g, cmd);
        return script.replace(/{{app_path}}/g, $0);
      }
      registerFunction(fn) {
        this.customCompletionFunction = fn;
      }
      setParsed(parsed) {
        this.aliases = parsed.aliases;
      }
    };
  }
});

// ../../node_modules/yargs/build/lib/utils/levenshtein.js
function levenshtein(a, b) {
  if (a.length === 0)
    return b.length;
  if (b.length === 0)
    return a.length;
  const matrix = [];
  let i;
  for (i = 0; i <= b.length; i++) {
    matrix[i] = [i];
  }
  let j;
  for (j = 0; j <= a.length; j++) {
    matrix[0][j] = j;
  }
  for (i = 1; i <= b.length; i++) {
    for (j = 1; j <= a.length; j++) {
      if (b.charAt(i - 1) === a.charAt(j - 1)) {
        matrix[i][j] = matrix[i - 1][j - 1];
      } else {
        if (i > 1 && j > 1 && b.charAt(i - 2) === a.charAt(j - 1) && b.charAt(i - 1) === a.charAt(j - 2)) {
          matrix[i][j] = matrix[i - 2][j - 2] + 1;
        } else {
          matrix[i][j] = Math.min(matrix[i - 1][j - 1] + 1, Math.min(matrix[i][j - 1] + 1, matrix[i - 1][j] + 1));
        }
      }
    }
  }
  return matrix[b.length][a.length];
}
var init_levenshtein = __esm({
  "../../node_modules/yargs/build/lib/utils/levenshtein.js"() {
    init_import_meta_url();
  }
});

// ../../node_modules/yargs/build/lib/validation.js
function validation(yargs, usage2, shim3) {
  const __ = shim3.y18n.__;
  const __n = shim3.y18n.__n;
  const self = {};
  self.nonOptionCount = function nonOptionCount(argv) {
    const demandedCommands = yargs.getDemandedCommands();
    const positionalCount = argv._.length + (argv["--"] ? argv["--"].length : 0);
    const _s = positionalCount - yargs.getInternalMethods().getContext().commands.length;
    if (demandedCommands._ && (_s < demandedCommands._.min || _s > demandedCommands._.max)) {
      if (_s < demandedCommands._.min) {
        if (demandedCommands._.minMsg !== void 0) {
          usage2.fail(demandedCommands._.minMsg ? demandedCommands._.minMsg.replace(/\$0/g, _s.toString()).replace(/\$1/, demandedCommands._.min.toString()) : null);
        } else {
          usage2.fail(__n("Not enough non-option arguments: got %s, need at least %s", "Not enough non-option arguments: got %s, need at least %s", _s, _s.toString(), demandedCommands._.min.toString()));
        }
      } else if (_s > demandedCommands._.max) {
        if (demandedCommands._.maxMsg !== void 0) {
          usage2.fail(demandedCommands._.maxMsg ? demandedCommands._.maxMsg.replace(/\$0/g, _s.toString()).replace(/\$1/, demandedCommands._.max.toString()) : null);
        } else {
          usage2.fail(__n("Too many non-option arguments: got %s, maximum of %s", "Too many non-option arguments: got %s, maximum of %s", _s, _s.toString(), demandedCommands._.max.toString()));
        }
      }
    }
  };
  self.positionalCount = function positionalCount(required, observed) {
    if (observed < required) {
      usage2.fail(__n("Not enough non-option arguments: got %s, need at least %s", "Not enough non-option arguments: got %s, need at least %s", observed, observed + "", required + ""));
    }
  };
  self.requiredArguments = function requiredArguments(argv, demandedOptions) {
    let missing = null;
    for (const key of Object.keys(demandedOptions)) {
      if (!Object.prototype.hasOwnProperty.call(argv, key) || typeof argv[key] === "undefined") {
        missing = missing || {};
        missing[key] = demandedOptions[key];
      }
    }
    if (missing) {
      const customMsgs = [];
      for (const key of Object.keys(missing)) {
        const msg = missing[key];
        if (msg && customMsgs.indexOf(msg) < 0) {
          customMsgs.push(msg);
        }
      }
      const customMsg = customMsgs.length ? `
${customMsgs.join("\n")}` : "";
      usage2.fail(__n("Missing required argument: %s", "Missing required arguments: %s", Object.keys(missing).length, Object.keys(missing).join(", ") + customMsg));
    }
  };
  self.unknownArguments = function unknownArguments(argv, aliases, positionalMap, isDefaultCommand, checkPositionals = true) {
    var _a2;
    const commandKeys = yargs.getInternalMethods().getCommandInstance().getCommands();
    const unknown = [];
    const currentContext = yargs.getInternalMethods().getContext();
    Object.keys(argv).forEach((key) => {
      if (!specialKeys.includes(key) && !Object.prototype.hasOwnProperty.call(positionalMap, key) && !Object.prototype.hasOwnProperty.call(yargs.getInternalMethods().getParseContext(), key) && !self.isValidAndSomeAliasIsNotNew(key, aliases)) {
        unknown.push(key);
      }
    });
    if (checkPositionals && (currentContext.commands.length > 0 || commandKeys.length > 0 || isDefaultCommand)) {
      argv._.slice(currentContext.commands.length).forEach((key) => {
        if (!commandKeys.includes("" + key)) {
          unknown.push("" + key);
        }
      });
    }
    if (checkPositionals) {
      const demandedCommands = yargs.getDemandedCommands();
      const maxNonOptDemanded = ((_a2 = demandedCommands._) === null || _a2 === void 0 ? void 0 : _a2.max) || 0;
      const expected = currentContext.commands.length + maxNonOptDemanded;
      if (expected < argv._.length) {
        argv._.slice(expected).forEach((key) => {
          key = String(key);
          if (!currentContext.commands.includes(key) && !unknown.includes(key)) {
            unknown.push(key);
          }
        });
      }
    }
    if (unknown.length) {
      usage2.fail(__n("Unknown argument: %s", "Unknown arguments: %s", unknown.length, unknown.map((s) => s.trim() ? s : `"${s}"`).join(", ")));
    }
  };
  self.unknownCommands = function unknownCommands(argv) {
    const commandKeys = yargs.getInternalMethods().getCommandInstance().getCommands();
    const unknown = [];
    const currentContext = yargs.getInternalMethods().getContext();
    if (currentContext.commands.length > 0 || commandKeys.length > 0) {
      argv._.slice(currentContext.commands.length).forEach((key) => {
        if (!commandKeys.includes("" + key)) {
          unknown.push("" + key);
        }
      });
    }
    if (unknown.length > 0) {
      usage2.fail(__n("Unknown command: %s", "Unknown commands: %s", unknown.length, unknown.join(", ")));
      return true;
    } else {
      return false;
    }
  };
  self.isValidAndSomeAliasIsNotNew = function isValidAndSomeAliasIsNotNew(key, aliases) {
    if (!Object.prototype.hasOwnProperty.call(aliases, key)) {
      return false;
    }
    const newAliases = yargs.parsed.newAliases;
    return [key, ...aliases[key]].some((a) => !Object.prototype.hasOwnProperty.call(newAliases, a) || !newAliases[key]);
  };
  self.limitedChoices = function limitedChoices(argv) {
    const options = yargs.getOptions();
    const invalid = {};
    if (!Object.keys(options.choices).length)
      return;
    Object.keys(argv).forEach((key) => {
      if (specialKeys.indexOf(key) === -1 && Object.prototype.hasOwnProperty.call(options.choices, key)) {
        [].concat(argv[key]).forEach((value) => {
          if (options.choices[key].indexOf(value) === -1 && value !== void 0) {
            invalid[key] = (invalid[key] || []).concat(value);
          }
        });
      }
    });
    const invalidKeys = Object.keys(invalid);
    if (!invalidKeys.length)
      return;
    let msg = __("Invalid values:");
    invalidKeys.forEach((key) => {
      msg += `
  ${__("Argument: %s, Given: %s, Choices: %s", key, usage2.stringifiedValues(invalid[key]), usage2.stringifiedValues(options.choices[key]))}`;
    });
    usage2.fail(msg);
  };
  let implied = {};
  self.implies = function implies(key, value) {
    argsert("<string|object> [array|number|string]", [key, value], arguments.length);
    if (typeof key === "object") {
      Object.keys(key).forEach((k) => {
        self.implies(k, key[k]);
      });
    } else {
      yargs.global(key);
      if (!implied[key]) {
        implied[key] = [];
      }
      if (Array.isArray(value)) {
        value.forEach((i) => self.implies(key, i));
      } else {
        assertNotStrictEqual(value, void 0, shim3);
        implied[key].push(value);
      }
    }
  };
  self.getImplied = function getImplied() {
    return implied;
  };
  function keyExists(argv, val) {
    const num = Number(val);
    val = isNaN(num) ? val : num;
    if (typeof val === "number") {
      val = argv._.length >= val;
    } else if (val.match(/^--no-.+/)) {
      val = val.match(/^--no-(.+)/)[1];
      val = !Object.prototype.hasOwnProperty.call(argv, val);
    } else {
      val = Object.prototype.hasOwnProperty.call(argv, val);
    }
    return val;
  }
  self.implications = function implications(argv) {
    const implyFail = [];
    Object.keys(implied).forEach((key) => {
      const origKey = key;
      (implied[key] || []).forEach((value) => {
        let key2 = origKey;
        const origValue = value;
        key2 = keyExists(argv, key2);
        value = keyExists(argv, value);
        if (key2 && !value) {
          implyFail.push(` ${origKey} -> ${origValue}`);
        }
      });
    });
    if (implyFail.length) {
      let msg = `${__("Implications failed:")}
`;
      implyFail.forEach((value) => {
        msg += value;
      });
      usage2.fail(msg);
    }
  };
  let conflicting = {};
  self.conflicts = function conflicts(key, value) {
    argsert("<string|object> [array|string]", [key, value], arguments.length);
    if (typeof key === "object") {
      Object.keys(key).forEach((k) => {
        self.conflicts(k, key[k]);
      });
    } else {
      yargs.global(key);
      if (!conflicting[key]) {
        conflicting[key] = [];
      }
      if (Array.isArray(value)) {
        value.forEach((i) => self.conflicts(key, i));
      } else {
        conflicting[key].push(value);
      }
    }
  };
  self.getConflicting = () => conflicting;
  self.conflicting = function conflictingFn(argv) {
    Object.keys(argv).forEach((key) => {
      if (conflicting[key]) {
        conflicting[key].forEach((value) => {
          if (value && argv[key] !== void 0 && argv[value] !== void 0) {
            usage2.fail(__("Arguments %s and %s are mutually exclusive", key, value));
          }
        });
      }
    });
    if (yargs.getInternalMethods().getParserConfiguration()["strip-dashed"]) {
      Object.keys(conflicting).forEach((key) => {
        conflicting[key].forEach((value) => {
          if (value && argv[shim3.Parser.camelCase(key)] !== void 0 && argv[shim3.Parser.camelCase(value)] !== void 0) {
            usage2.fail(__("Arguments %s and %s are mutually exclusive", key, value));
          }
        });
      });
    }
  };
  self.recommendCommands = function recommendCommands(cmd, potentialCommands) {
    const threshold = 3;
    potentialCommands = potentialCommands.sort((a, b) => b.length - a.length);
    let recommended = null;
    let bestDistance = Infinity;
    for (let i = 0, candidate; (candidate = potentialCommands[i]) !== void 0; i++) {
      const d = levenshtein(cmd, candidate);
      if (d <= threshold && d < bestDistance) {
        bestDistance = d;
        recommended = candidate;
      }
    }
    if (recommended)
      usage2.fail(__("Did you mean %s?", recommended));
  };
  self.reset = function reset(localLookup) {
    implied = objFilter(implied, (k) => !localLookup[k]);
    conflicting = objFilter(conflicting, (k) => !localLookup[k]);
    return self;
  };
  const frozens = [];
  self.freeze = function freeze() {
    frozens.push({
      implied,
      conflicting
    });
  };
  self.unfreeze = function unfreeze() {
    const frozen = frozens.pop();
    assertNotStrictEqual(frozen, void 0, shim3);
    ({ implied, conflicting } = frozen);
  };
  return self;
}
var specialKeys;
var init_validation = __esm({
  "../../node_modules/yargs/build/lib/validation.js"() {
    init_import_meta_url();
    init_argsert();
    init_common_types();
    init_levenshtein();
    init_obj_filter();
    specialKeys = ["$0", "--", "_"];
  }
});

// ../../node_modules/yargs/build/lib/utils/apply-extends.js
function applyExtends(config, cwd, mergeExtends, _shim) {
  shim2 = _shim;
  let defaultConfig = {};
  if (Object.prototype.hasOwnProperty.call(config, "extends")) {
    if (typeof config.extends !== "string")
      return defaultConfig;
    const isPath = /\.json|\..*rc$/.test(config.extends);
    let pathToDefault = null;
    if (!isPath) {
      try {
        pathToDefault = import_meta.resolve(config.extends);
      } catch (_err) {
        return config;
      }
    } else {
      pathToDefault = getPathToDefaultConfig(cwd, config.extends);
    }
    checkForCircularExtends(pathToDefault);
    previouslyVisitedConfigs.push(pathToDefault);
    defaultConfig = isPath ? JSON.parse(shim2.readFileSync(pathToDefault, "utf8")) : _shim.require(config.extends);
    delete config.extends;
    defaultConfig = applyExtends(defaultConfig, shim2.path.dirname(pathToDefault), mergeExtends, shim2);
  }
  previouslyVisitedConfigs = [];
  return mergeExtends ? mergeDeep(defaultConfig, config) : Object.assign({}, defaultConfig, config);
}
function checkForCircularExtends(cfgPath) {
  if (previouslyVisitedConfigs.indexOf(cfgPath) > -1) {
    throw new YError(`Circular extended configurations: '${cfgPath}'.`);
  }
}
function getPathToDefaultConfig(cwd, pathToExtend) {
  return shim2.path.resolve(cwd, pathToExtend);
}
function mergeDeep(config1, config2) {
  const target = {};
  function isObject(obj) {
    return obj && typeof obj === "object" && !Array.isArray(obj);
  }
  Object.assign(target, config1);
  for (const key of Object.keys(config2)) {
    if (key === "__proto__")
      continue;
    if (isObject(config2[key]) && isObject(target[key])) {
      target[key] = mergeDeep(config1[key], config2[key]);
    } else {
      target[key] = config2[key];
    }
  }
  return target;
}
var import_meta, previouslyVisitedConfigs, shim2;
var init_apply_extends = __esm({
  "../../node_modules/yargs/build/lib/utils/apply-extends.js"() {
    init_import_meta_url();
    init_yerror();
    import_meta = {};
    previouslyVisitedConfigs = [];
  }
});

// ../../node_modules/yargs/build/lib/yargs-factory.js
function YargsFactory(_shim) {
  return (processArgs = [], cwd = _shim.process.cwd(), parentRequire) => {
    const yargs = new YargsInstance(processArgs, cwd, parentRequire, _shim);
    Object.defineProperty(yargs, "argv", {
      get: () => {
        return yargs.parse();
      },
      enumerable: true
    });
    yargs.help();
    yargs.version();
    return yargs;
  };
}
function isYargsInstance(y) {
  return !!y && typeof y.getInternalMethods === "function";
}
var __classPrivateFieldSet, __classPrivateFieldGet, _YargsInstance_command, _YargsInstance_cwd, _YargsInstance_context, _YargsInstance_completion, _YargsInstance_completionCommand, _YargsInstance_defaultShowHiddenOpt, _YargsInstance_exitError, _YargsInstance_detectLocale, _YargsInstance_emittedWarnings, _YargsInstance_exitProcess, _YargsInstance_frozens, _YargsInstance_globalMiddleware, _YargsInstance_groups, _YargsInstance_hasOutput, _YargsInstance_helpOpt, _YargsInstance_isGlobalContext, _YargsInstance_logger, _YargsInstance_output, _YargsInstance_options, _YargsInstance_parentRequire, _YargsInstance_parserConfig, _YargsInstance_parseFn, _YargsInstance_parseContext, _YargsInstance_pkgs, _YargsInstance_preservedGroups, _YargsInstance_processArgs, _YargsInstance_recommendCommands, _YargsInstance_shim, _YargsInstance_strict, _YargsInstance_strictCommands, _YargsInstance_strictOptions, _YargsInstance_usage, _YargsInstance_usageConfig, _YargsInstance_versionOpt, _YargsInstance_validation, kCopyDoubleDash, kCreateLogger, kDeleteFromParserHintObject, kEmitWarning, kFreeze, kGetDollarZero, kGetParserConfiguration, kGetUsageConfiguration, kGuessLocale, kGuessVersion, kParsePositionalNumbers, kPkgUp, kPopulateParserHintArray, kPopulateParserHintSingleValueDictionary, kPopulateParserHintArrayDictionary, kPopulateParserHintDictionary, kSanitizeKey, kSetKey, kUnfreeze, kValidateAsync, kGetCommandInstance, kGetContext, kGetHasOutput, kGetLoggerInstance, kGetParseContext, kGetUsageInstance, kGetValidationInstance, kHasParseCallback, kIsGlobalContext, kPostProcess, kRebase, kReset, kRunYargsParserAndExecuteCommands, kRunValidation, kSetHasOutput, kTrackManuallySetKeys, DEFAULT_LOCALE, YargsInstance;
var init_yargs_factory = __esm({
  "../../node_modules/yargs/build/lib/yargs-factory.js"() {
    init_import_meta_url();
    init_command();
    init_common_types();
    init_yerror();
    init_usage();
    init_argsert();
    init_completion();
    init_validation();
    init_obj_filter();
    init_apply_extends();
    init_middleware();
    init_is_promise();
    init_maybe_async_result();
    init_set_blocking();
    __classPrivateFieldSet = function(receiver, state, value, kind, f) {
      if (kind === "m") throw new TypeError("Private method is not writable");
      if (kind === "a" && !f) throw new TypeError("Private accessor was defined without a setter");
      if (typeof state === "function" ? receiver !== state || !f : !state.has(receiver)) throw new TypeError("Cannot write private member to an object whose class did not declare it");
      return kind === "a" ? f.call(receiver, value) : f ? f.value = value : state.set(receiver, value), value;
    };
    __classPrivateFieldGet = function(receiver, state, kind, f) {
      if (kind === "a" && !f) throw new TypeError("Private accessor was defined without a getter");
      if (typeof state === "function" ? receiver !== state || !f : !state.has(receiver)) throw new TypeError("Cannot read private member from an object whose class did not declare it");
      return kind === "m" ? f : kind === "a" ? f.call(receiver) : f ? f.value : state.get(receiver);
    };
    kCopyDoubleDash = /* @__PURE__ */ Symbol("copyDoubleDash");
    kCreateLogger = /* @__PURE__ */ Symbol("copyDoubleDash");
    kDeleteFromParserHintObject = /* @__PURE__ */ Symbol("deleteFromParserHintObject");
    kEmitWarning = /* @__PURE__ */ Symbol("emitWarning");
    kFreeze = /* @__PURE__ */ Symbol("freeze");
    kGetDollarZero = /* @__PURE__ */ Symbol("getDollarZero");
    kGetParserConfiguration = /* @__PURE__ */ Symbol("getParserConfiguration");
    kGetUsageConfiguration = /* @__PURE__ */ Symbol("getUsageConfiguration");
    kGuessLocale = /* @__PURE__ */ Symbol("guessLocale");
    kGuessVersion = /* @__PURE__ */ Symbol("guessVersion");
    kParsePositionalNumbers = /* @__PURE__ */ Symbol("parsePositionalNumbers");
    kPkgUp = /* @__PURE__ */ Symbol("pkgUp");
    kPopulateParserHintArray = /* @__PURE__ */ Symbol("populateParserHintArray");
    kPopulateParserHintSingleValueDictionary = /* @__PURE__ */ Symbol("populateParserHintSingleValueDictionary");
    kPopulateParserHintArrayDictionary = /* @__PURE__ */ Symbol("populateParserHintArrayDictionary");
    kPopulateParserHintDictionary = /* @__PURE__ */ Symbol("populateParserHintDictionary");
    kSanitizeKey = /* @__PURE__ */ Symbol("sanitizeKey");
    kSetKey = /* @__PURE__ */ Symbol("setKey");
    kUnfreeze = /* @__PURE__ */ Symbol("unfreeze");
    kValidateAsync = /* @__PURE__ */ Symbol("validateAsync");
    kGetCommandInstance = /* @__PURE__ */ Symbol("getCommandInstance");
    kGetContext = /* @__PURE__ */ Symbol("getContext");
    kGetHasOutput = /* @__PURE__ */ Symbol("getHasOutput");
    kGetLoggerInstance = /* @__PURE__ */ Symbol("getLoggerInstance");
    kGetParseContext = /* @__PURE__ */ Symbol("getParseContext");
    kGetUsageInstance = /* @__PURE__ */ Symbol("getUsageInstance");
    kGetValidationInstance = /* @__PURE__ */ Symbol("getValidationInstance");
    kHasParseCallback = /* @__PURE__ */ Symbol("hasParseCallback");
    kIsGlobalContext = /* @__PURE__ */ Symbol("isGlobalContext");
    kPostProcess = /* @__PURE__ */ Symbol("postProcess");
    kRebase = /* @__PURE__ */ Symbol("rebase");
    kReset = /* @__PURE__ */ Symbol("reset");
    kRunYargsParserAndExecuteCommands = /* @__PURE__ */ Symbol("runYargsParserAndExecuteCommands");
    kRunValidation = /* @__PURE__ */ Symbol("runValidation");
    kSetHasOutput = /* @__PURE__ */ Symbol("setHasOutput");
    kTrackManuallySetKeys = /* @__PURE__ */ Symbol("kTrackManuallySetKeys");
    DEFAULT_LOCALE = "en_US";
    YargsInstance = class {
      constructor(processArgs = [], cwd, parentRequire, shim3) {
        this.customScriptName = false;
        this.parsed = false;
        _YargsInstance_command.set(this, void 0);
        _YargsInstance_cwd.set(this, void 0);
        _YargsInstance_context.set(this, { commands: [], fullCommands: [] });
        _YargsInstance_completion.set(this, null);
        _YargsInstance_completionCommand.set(this, null);
        _YargsInstance_defaultShowHiddenOpt.set(this, "show-hidden");
        _YargsInstance_exitError.set(this, null);
        _YargsInstance_detectLocale.set(this, true);
        _YargsInstance_emittedWarnings.set(this, {});
        _YargsInstance_exitProcess.set(this, true);
        _YargsInstance_frozens.set(this, []);
        _YargsInstance_globalMiddleware.set(this, void 0);
        _YargsInstance_groups.set(this, {});
        _YargsInstance_hasOutput.set(this, false);
        _YargsInstance_helpOpt.set(this, null);
        _YargsInstance_isGlobalContext.set(this, true);
        _YargsInstance_logger.set(this, void 0);
        _YargsInstance_output.set(this, "");
        _YargsInstance_options.set(this, void 0);
        _YargsInstance_parentRequire.set(this, void 0);
        _YargsInstance_parserConfig.set(this, {});
        _YargsInstance_parseFn.set(this, null);
        _YargsInstance_parseContext.set(this, null);
        _YargsInstance_pkgs.set(this, {});
        _YargsInstance_preservedGroups.set(this, {});
        _YargsInstance_processArgs.set(this, void 0);
        _YargsInstance_recommendCommands.set(this, false);
        _YargsInstance_shim.set(this, void 0);
        _YargsInstance_strict.set(this, false);
        _YargsInstance_strictCommands.set(this, false);
        _YargsInstance_strictOptions.set(this, false);
        _YargsInstance_usage.set(this, void 0);
        _YargsInstance_usageConfig.set(this, {});
        _YargsInstance_versionOpt.set(this, null);
        _YargsInstance_validation.set(this, void 0);
        __classPrivateFieldSet(this, _YargsInstance_shim, shim3, "f");
        __classPrivateFieldSet(this, _YargsInstance_processArgs, processArgs, "f");
        __classPrivateFieldSet(this, _YargsInstance_cwd, cwd, "f");
        __classPrivateFieldSet(this, _YargsInstance_parentRequire, parentRequire, "f");
        __classPrivateFieldSet(this, _YargsInstance_globalMiddleware, new GlobalMiddleware(this), "f");
        this.$0 = this[kGetDollarZero]();
        this[kReset]();
        __classPrivateFieldSet(this, _YargsInstance_command, __classPrivateFieldGet(this, _YargsInstance_command, "f"), "f");
        __classPrivateFieldSet(this, _YargsInstance_usage, __classPrivateFieldGet(this, _YargsInstance_usage, "f"), "f");
        __classPrivateFieldSet(this, _YargsInstance_validation, __classPrivateFieldGet(this, _YargsInstance_validation, "f"), "f");
        __classPrivateFieldSet(this, _YargsInstance_options, __classPrivateFieldGet(this, _YargsInstance_options, "f"), "f");
        __classPrivateFieldGet(this, _YargsInstance_options, "f").showHiddenOpt = __classPrivateFieldGet(this, _YargsInstance_defaultShowHiddenOpt, "f");
        __classPrivateFieldSet(this, _YargsInstance_logger, this[kCreateLogger](), "f");
        __classPrivateFieldGet(this, _YargsInstance_shim, "f").y18n.setLocale(DEFAULT_LOCALE);
      }
      addHelpOpt(opt, msg) {
        const defaultHelpOpt = "help";
        argsert("[string|boolean] [string]", [opt, msg], arguments.length);
        if (__classPrivateFieldGet(this, _YargsInstance_helpOpt, "f")) {
          this[kDeleteFromParserHintObject](__classPrivateFieldGet(this, _YargsInstance_helpOpt, "f"));
          __classPrivateFieldSet(this, _YargsInstance_helpOpt, null, "f");
        }
        if (opt === false && msg === void 0)
          return this;
        __classPrivateFieldSet(this, _YargsInstance_helpOpt, typeof opt === "string" ? opt : defaultHelpOpt, "f");
        this.boolean(__classPrivateFieldGet(this, _YargsInstance_helpOpt, "f"));
        this.describe(__classPrivateFieldGet(this, _YargsInstance_helpOpt, "f"), msg || __classPrivateFieldGet(this, _YargsInstance_usage, "f").deferY18nLookup("Show help"));
        return this;
      }
      help(opt, msg) {
        return this.addHelpOpt(opt, msg);
      }
      addShowHiddenOpt(opt, msg) {
        argsert("[string|boolean] [string]", [opt, msg], arguments.length);
        if (opt === false && msg === void 0)
          return this;
        const showHiddenOpt = typeof opt === "string" ? opt : __classPrivateFieldGet(this, _YargsInstance_defaultShowHiddenOpt, "f");
        this.boolean(showHiddenOpt);
        this.describe(showHiddenOpt, msg || __classPrivateFieldGet(this, _YargsInstance_usage, "f").deferY18nLookup("Show hidden options"));
        __classPrivateFieldGet(this, _YargsInstance_options, "f").showHiddenOpt = showHiddenOpt;
        return this;
      }
      showHidden(opt, msg) {
        return this.addShowHiddenOpt(opt, msg);
      }
      alias(key, value) {
        argsert("<object|string|array> [string|array]", [key, value], arguments.length);
        this[kPopulateParserHintArrayDictionary](this.alias.bind(this), "alias", key, value);
        return this;
      }
      array(keys) {
        argsert("<array|string>", [keys], arguments.length);
        this[kPopulateParserHintArray]("array", keys);
        this[kTrackManuallySetKeys](keys);
        return this;
      }
      boolean(keys) {
        argsert("<array|string>", [keys], arguments.length);
        this[kPopulateParserHintArray]("boolean", keys);
        this[kTrackManuallySetKeys](keys);
        return this;
      }
      check(f, global) {
        argsert("<function> [boolean]", [f, global], arguments.length);
        this.middleware((argv, _yargs) => {
          return maybeAsyncResult(() => {
            return f(argv, _yargs.getOptions());
          }, (result) => {
            if (!result) {
              __classPrivateFieldGet(this, _YargsInstance_usage, "f").fail(__classPrivateFieldGet(this, _YargsInstance_shim, "f").y18n.__("Argument check failed: %s", f.toString()));
            } else if (typeof result === "string" || result instanceof Error) {
              __classPrivateFieldGet(this, _YargsInstance_usage, "f").fail(result.toString(), result);
            }
            return argv;
          }, (err) => {
            __classPrivateFieldGet(this, _YargsInstance_usage, "f").fail(err.message ? err.message : err.toString(), err);
            return argv;
          });
        }, false, global);
        return this;
      }
      choices(key, value) {
        argsert("<object|string|array> [string|array]", [key, value], arguments.length);
        this[kPopulateParserHintArrayDictionary](this.choices.bind(this), "choices", key, value);
        return this;
      }
      coerce(keys, value) {
        argsert("<object|string|array> [function]", [keys, value], arguments.length);
        if (Array.isArray(keys)) {
          if (!value) {
            throw new YError("coerce callback must be provided");
          }
          for (const key of keys) {
            this.coerce(key, value);
          }
          return this;
        } else if (typeof keys === "object") {
          for (const key of Object.keys(keys)) {
            this.coerce(key, keys[key]);
          }
          return this;
        }
        if (!value) {
          throw new YError("coerce callback must be provided");
        }
        const coerceKey = keys;
        __classPrivateFieldGet(this, _YargsInstance_options, "f").key[coerceKey] = true;
        __classPrivateFieldGet(this, _YargsInstance_globalMiddleware, "f").addCoerceMiddleware((argv, yargs) => {
          var _a2;
          const coerceKeyAliases = (_a2 = yargs.getAliases()[coerceKey]) !== null && _a2 !== void 0 ? _a2 : [];
          const argvKeys = [coerceKey, ...coerceKeyAliases].filter((key) => Object.prototype.hasOwnProperty.call(argv, key));
          if (argvKeys.length === 0) {
            return argv;
          }
          return maybeAsyncResult(() => {
            return value(argv[argvKeys[0]]);
          }, (result) => {
            argvKeys.forEach((key) => {
              argv[key] = result;
            });
            return argv;
          }, (err) => {
            throw new YError(err.message);
          });
        }, coerceKey);
        return this;
      }
      conflicts(key1, key2) {
        argsert("<string|object> [string|array]", [key1, key2], arguments.length);
        __classPrivateFieldGet(this, _YargsInstance_validation, "f").conflicts(key1, key2);
        return this;
      }
      config(key = "config", msg, parseFn) {
        argsert("[object|string] [string|function] [function]", [key, msg, parseFn], arguments.length);
        if (typeof key === "object" && !Array.isArray(key)) {
          key = applyExtends(key, __classPrivateFieldGet(this, _YargsInstance_cwd, "f"), this[kGetParserConfiguration]()["deep-merge-config"] || false, __classPrivateFieldGet(this, _YargsInstance_shim, "f"));
          __classPrivateFieldGet(this, _YargsInstance_options, "f").configObjects = (__classPrivateFieldGet(this, _YargsInstance_options, "f").configObjects || []).concat(key);
          return this;
        }
        if (typeof msg === "function") {
          parseFn = msg;
          msg = void 0;
        }
        this.describe(key, msg || __classPrivateFieldGet(this, _YargsInstance_usage, "f").deferY18nLookup("Path to JSON config file"));
        (Array.isArray(key) ? key : [key]).forEach((k) => {
          __classPrivateFieldGet(this, _YargsInstance_options, "f").config[k] = parseFn || true;
        });
        return this;
      }
      completion(cmd, desc, fn) {
        argsert("[string] [string|boolean|function] [function]", [cmd, desc, fn], arguments.length);
        if (typeof desc === "function") {
          fn = desc;
          desc = void 0;
        }
        __classPrivateFieldSet(this, _YargsInstance_completionCommand, cmd || __classPrivateFieldGet(this, _YargsInstance_completionCommand, "f") || "completion", "f");
        if (!desc && desc !== false) {
          desc = "generate completion script";
        }
        this.command(__classPrivateFieldGet(this, _YargsInstance_completionCommand, "f"), desc);
        if (fn)
          __classPrivateFieldGet(this, _YargsInstance_completion, "f").registerFunction(fn);
        return this;
      }
      command(cmd, description, builder, handler, middlewares, deprecated) {
        argsert("<string|array|object> [string|boolean] [function|object] [function] [array] [boolean|string]", [cmd, description, builder, handler, middlewares, deprecated], arguments.length);
        __classPrivateFieldGet(this, _YargsInstance_command, "f").addHandler(cmd, description, builder, handler, middlewares, deprecated);
        return this;
      }
      commands(cmd, description, builder, handler, middlewares, deprecated) {
        return this.command(cmd, description, builder, handler, middlewares, deprecated);
      }
      commandDir(dir, opts) {
        argsert("<string> [object]", [dir, opts], arguments.length);
        const req = __classPrivateFieldGet(this, _YargsInstance_parentRequire, "f") || __classPrivateFieldGet(this, _YargsInstance_shim, "f").require;
        __classPrivateFieldGet(this, _YargsInstance_command, "f").addDirectory(dir, req, __classPrivateFieldGet(this, _YargsInstance_shim, "f").getCallerFile(), opts);
        return this;
      }
      count(keys) {
        argsert("<array|string>", [keys], arguments.length);
        this[kPopulateParserHintArray]("count", keys);
        this[kTrackManuallySetKeys](keys);
        return this;
      }
      default(key, value, defaultDescription) {
        argsert("<object|string|array> [*] [string]", [key, value, defaultDescription], arguments.length);
        if (defaultDescription) {
          assertSingleKey(key, __classPrivateFieldGet(this, _YargsInstance_shim, "f"));
          __classPrivateFieldGet(this, _YargsInstance_options, "f").defaultDescription[key] = defaultDescription;
        }
        if (typeof value === "function") {
          assertSingleKey(key, __classPrivateFieldGet(this, _YargsInstance_shim, "f"));
          if (!__classPrivateFieldGet(this, _YargsInstance_options, "f").defaultDescription[key])
            __classPrivateFieldGet(this, _YargsInstance_options, "f").defaultDescription[key] = __classPrivateFieldGet(this, _YargsInstance_usage, "f").functionDescription(value);
          value = value.call();
        }
        this[kPopulateParserHintSingleValueDictionary](this.default.bind(this), "default", key, value);
        return this;
      }
      defaults(key, value, defaultDescription) {
        return this.default(key, value, defaultDescription);
      }
      demandCommand(min = 1, max, minMsg, maxMsg) {
        argsert("[number] [number|string] [string|null|undefined] [string|null|undefined]", [min, max, minMsg, maxMsg], arguments.length);
        if (typeof max !== "number") {
          minMsg = max;
          max = Infinity;
        }
        this.global("_", false);
        __classPrivateFieldGet(this, _YargsInstance_options, "f").demandedCommands._ = {
          min,
          max,
          minMsg,
          maxMsg
        };
        return this;
      }
      demand(keys, max, msg) {
        if (Array.isArray(max)) {
          max.forEach((key) => {
            assertNotStrictEqual(msg, true, __classPrivateFieldGet(this, _YargsInstance_shim, "f"));
            this.demandOption(key, msg);
          });
          max = Infinity;
        } else if (typeof max !== "number") {
          msg = max;
          max = Infinity;
        }
        if (typeof keys === "number") {
          assertNotStrictEqual(msg, true, __classPrivateFieldGet(this, _YargsInstance_shim, "f"));
          this.demandCommand(keys, max, msg, msg);
        } else if (Array.isArray(keys)) {
          keys.forEach((key) => {
            assertNotStrictEqual(msg, true, __classPrivateFieldGet(this, _YargsInstance_shim, "f"));
            this.demandOption(key, msg);
          });
        } else {
          if (typeof msg === "string") {
            this.demandOption(keys, msg);
          } else if (msg === true || typeof msg === "undefined") {
            this.demandOption(keys);
          }
        }
        return this;
      }
      demandOption(keys, msg) {
        argsert("<object|string|array> [string]", [keys, msg], arguments.length);
        this[kPopulateParserHintSingleValueDictionary](this.demandOption.bind(this), "demandedOptions", keys, msg);
        return this;
      }
      deprecateOption(option, message) {
        argsert("<string> [string|boolean]", [option, message], arguments.length);
        __classPrivateFieldGet(this, _YargsInstance_options, "f").deprecatedOptions[option] = message;
        return this;
      }
      describe(keys, description) {
        argsert("<object|string|array> [string]", [keys, description], arguments.length);
        this[kSetKey](keys, true);
        __classPrivateFieldGet(this, _YargsInstance_usage, "f").describe(keys, description);
        return this;
      }
      detectLocale(detect) {
        argsert("<boolean>", [detect], arguments.length);
        __classPrivateFieldSet(this, _YargsInstance_detectLocale, detect, "f");
        return this;
      }
      env(prefix) {
        argsert("[string|boolean]", [prefix], arguments.length);
        if (prefix === false)
          delete __classPrivateFieldGet(this, _YargsInstance_options, "f").envPrefix;
        else
          __classPrivateFieldGet(this, _YargsInstance_options, "f").envPrefix = prefix || "";
        return this;
      }
      epilogue(msg) {
        argsert("<string>", [msg], arguments.length);
        __classPrivateFieldGet(this, _YargsInstance_usage, "f").epilog(msg);
        return this;
      }
      epilog(msg) {
        return this.epilogue(msg);
      }
      example(cmd, description) {
        argsert("<string|array> [string]", [cmd, description], arguments.length);
        if (Array.isArray(cmd)) {
          cmd.forEach((exampleParams) => this.example(...exampleParams));
        } else {
          __classPrivateFieldGet(this, _YargsInstance_usage, "f").example(cmd, description);
        }
        return this;
      }
      exit(code, err) {
        __classPrivateFieldSet(this, _YargsInstance_hasOutput, true, "f");
        __classPrivateFieldSet(this, _YargsInstance_exitError, err, "f");
        if (__classPrivateFieldGet(this, _YargsInstance_exitProcess, "f"))
          __classPrivateFieldGet(this, _YargsInstance_shim, "f").process.exit(code);
      }
      exitProcess(enabled = true) {
        argsert("[boolean]", [enabled], arguments.length);
        __classPrivateFieldSet(this, _YargsInstance_exitProcess, enabled, "f");
        return this;
      }
      fail(f) {
        argsert("<function|boolean>", [f], arguments.length);
        if (typeof f === "boolean" && f !== false) {
          throw new YError("Invalid first argument. Expected function or boolean 'false'");
        }
        __classPrivateFieldGet(this, _YargsInstance_usage, "f").failFn(f);
        return this;
      }
      getAliases() {
        return this.parsed ? this.parsed.aliases : {};
      }
      async getCompletion(args, done) {
        argsert("<array> [function]", [args, done], arguments.length);
        if (!done) {
          return new Promise((resolve5, reject) => {
            __classPrivateFieldGet(this, _YargsInstance_completion, "f").getCompletion(args, (err, completions) => {
              if (err)
                reject(err);
              else
                resolve5(completions);
            });
          });
        } else {
          return __classPrivateFieldGet(this, _YargsInstance_completion, "f").getCompletion(args, done);
        }
      }
      getDemandedOptions() {
        argsert([], 0);
        return __classPrivateFieldGet(this, _YargsInstance_options, "f").demandedOptions;
      }
      getDemandedCommands() {
        argsert([], 0);
        return __classPrivateFieldGet(this, _YargsInstance_options, "f").demandedCommands;
      }
      getDeprecatedOptions() {
        argsert([], 0);
        return __classPrivateFieldGet(this, _YargsInstance_options, "f").deprecatedOptions;
      }
      getDetectLocale() {
        return __classPrivateFieldGet(this, _YargsInstance_detectLocale, "f");
      }
      getExitProcess() {
        return __classPrivateFieldGet(this, _YargsInstance_exitProcess, "f");
      }
      getGroups() {
        return Object.assign({}, __classPrivateFieldGet(this, _YargsInstance_groups, "f"), __classPrivateFieldGet(this, _YargsInstance_preservedGroups, "f"));
      }
      getHelp() {
        __classPrivateFieldSet(this, _YargsInstance_hasOutput, true, "f");
        if (!__classPrivateFieldGet(this, _YargsInstance_usage, "f").hasCachedHelpMessage()) {
          if (!this.parsed) {
            const parse = this[kRunYargsParserAndExecuteCommands](__classPrivateFieldGet(this, _YargsInstance_processArgs, "f"), void 0, void 0, 0, true);
            if (isPromise(parse)) {
              return parse.then(() => {
                return __classPrivateFieldGet(this, _YargsInstance_usage, "f").help();
              });
            }
          }
          const builderResponse = __classPrivateFieldGet(this, _YargsInstance_command, "f").runDefaultBuilderOn(this);
          if (isPromise(builderResponse)) {
            return builderResponse.then(() => {
              return __classPrivateFieldGet(this, _YargsInstance_usage, "f").help();
            });
          }
        }
        return Promise.resolve(__classPrivateFieldGet(this, _YargsInstance_usage, "f").help());
      }
      getOptions() {
        return __classPrivateFieldGet(this, _YargsInstance_options, "f");
      }
      getStrict() {
        return __classPrivateFieldGet(this, _YargsInstance_strict, "f");
      }
      getStrictCommands() {
        return __classPrivateFieldGet(this, _YargsInstance_strictCommands, "f");
      }
      getStrictOptions() {
        return __classPrivateFieldGet(this, _YargsInstance_strictOptions, "f");
      }
      global(globals, global) {
        argsert("<string|array> [boolean]", [globals, global], arguments.length);
        globals = [].concat(globals);
        if (global !== false) {
          __classPrivateFieldGet(this, _YargsInstance_options, "f").local = __classPrivateFieldGet(this, _YargsInstance_options, "f").local.filter((l) => globals.indexOf(l) === -1);
        } else {
          globals.forEach((g) => {
            if (!__classPrivateFieldGet(this, _YargsInstance_options, "f").local.includes(g))
              __classPrivateFieldGet(this, _YargsInstance_options, "f").local.push(g);
          });
        }
        return this;
      }
      group(opts, groupName) {
        argsert("<string|array> <string>", [opts, groupName], arguments.length);
        const existing = __classPrivateFieldGet(this, _YargsInstance_preservedGroups, "f")[groupName] || __classPrivateFieldGet(this, _YargsInstance_groups, "f")[groupName];
        if (__classPrivateFieldGet(this, _YargsInstance_preservedGroups, "f")[groupName]) {
          delete __classPrivateFieldGet(this, _YargsInstance_preservedGroups, "f")[groupName];
        }
        const seen = {};
        __classPrivateFieldGet(this, _YargsInstance_groups, "f")[groupName] = (existing || []).concat(opts).filter((key) => {
          if (seen[key])
            return false;
          return seen[key] = true;
        });
        return this;
      }
      hide(key) {
        argsert("<string>", [key], arguments.length);
        __classPrivateFieldGet(this, _YargsInstance_options, "f").hiddenOptions.push(key);
        return this;
      }
      implies(key, value) {
        argsert("<string|object> [number|string|array]", [key, value], arguments.length);
        __classPrivateFieldGet(this, _YargsInstance_validation, "f").implies(key, value);
        return this;
      }
      locale(locale) {
        argsert("[string]", [locale], arguments.length);
        if (locale === void 0) {
          this[kGuessLocale]();
          return __classPrivateFieldGet(this, _YargsInstance_shim, "f").y18n.getLocale();
        }
        __classPrivateFieldSet(this, _YargsInstance_detectLocale, false, "f");
        __classPrivateFieldGet(this, _YargsInstance_shim, "f").y18n.setLocale(locale);
        return this;
      }
      middleware(callback, applyBeforeValidation, global) {
        return __classPrivateFieldGet(this, _YargsInstance_globalMiddleware, "f").addMiddleware(callback, !!applyBeforeValidation, global);
      }
      nargs(key, value) {
        argsert("<string|object|array> [number]", [key, value], arguments.length);
        this[kPopulateParserHintSingleValueDictionary](this.nargs.bind(this), "narg", key, value);
        return this;
      }
      normalize(keys) {
        argsert("<array|string>", [keys], arguments.length);
        this[kPopulateParserHintArray]("normalize", keys);
        return this;
      }
      number(keys) {
        argsert("<array|string>", [keys], arguments.length);
        this[kPopulateParserHintArray]("number", keys);
        this[kTrackManuallySetKeys](keys);
        return this;
      }
      option(key, opt) {
        argsert("<string|object> [object]", [key, opt], arguments.length);
        if (typeof key === "object") {
          Object.keys(key).forEach((k) => {
            this.options(k, key[k]);
          });
        } else {
          if (typeof opt !== "object") {
            opt = {};
          }
          this[kTrackManuallySetKeys](key);
          if (__classPrivateFieldGet(this, _YargsInstance_versionOpt, "f") && (key === "version" || (opt === null || opt === void 0 ? void 0 : opt.alias) === "version")) {
            this[kEmitWarning]([
              '"version" is a reserved word.',
              "Please do one of the following:",
              '- Disable version with `yargs.version(false)` if using "version" as an option',
              "- Use the built-in `yargs.version` method instead (if applicable)",
              "- Use a different option key",
              "https://yargs.js.org/docs/#api-reference-version"
            ].join("\n"), void 0, "versionWarning");
          }
          __classPrivateFieldGet(this, _YargsInstance_options, "f").key[key] = true;
          if (opt.alias)
            this.alias(key, opt.alias);
          const deprecate = opt.deprecate || opt.deprecated;
          if (deprecate) {
            this.deprecateOption(key, deprecate);
          }
          const demand = opt.demand || opt.required || opt.require;
          if (demand) {
            this.demand(key, demand);
          }
          if (opt.demandOption) {
            this.demandOption(key, typeof opt.demandOption === "string" ? opt.demandOption : void 0);
          }
          if (opt.conflicts) {
            this.conflicts(key, opt.conflicts);
          }
          if ("default" in opt) {
            this.default(key, opt.default);
          }
          if (opt.implies !== void 0) {
            this.implies(key, opt.implies);
          }
          if (opt.nargs !== void 0) {
            this.nargs(key, opt.nargs);
          }
          if (opt.config) {
            this.config(key, opt.configParser);
          }
          if (opt.normalize) {
            this.normalize(key);
          }
          if (opt.choices) {
            this.choices(key, opt.choices);
          }
          if (opt.coerce) {
            this.coerce(key, opt.coerce);
          }
          if (opt.group) {
            this.group(key, opt.group);
          }
          if (opt.boolean || opt.type === "boolean") {
            this.boolean(key);
            if (opt.alias)
              this.boolean(opt.alias);
          }
          if (opt.array || opt.type === "array") {
            this.array(key);
            if (opt.alias)
              this.array(opt.alias);
          }
          if (opt.number || opt.type === "number") {
            this.number(key);
            if (opt.alias)
              this.number(opt.alias);
          }
          if (opt.string || opt.type === "string") {
            this.string(key);
            if (opt.alias)
              this.string(opt.alias);
          }
          if (opt.count || opt.type === "count") {
            this.count(key);
          }
          if (typeof opt.global === "boolean") {
            this.global(key, opt.global);
          }
          if (opt.defaultDescription) {
            __classPrivateFieldGet(this, _YargsInstance_options, "f").defaultDescription[key] = opt.defaultDescription;
          }
          if (opt.skipValidation) {
            this.skipValidation(key);
          }
          const desc = opt.describe || opt.description || opt.desc;
          const descriptions = __classPrivateFieldGet(this, _YargsInstance_usage, "f").getDescriptions();
          if (!Object.prototype.hasOwnProperty.call(descriptions, key) || typeof desc === "string") {
            this.describe(key, desc);
          }
          if (opt.hidden) {
            this.hide(key);
          }
          if (opt.requiresArg) {
            this.requiresArg(key);
          }
        }
        return this;
      }
      options(key, opt) {
        return this.option(key, opt);
      }
      parse(args, shortCircuit, _parseFn) {
        argsert("[string|array] [function|boolean|object] [function]", [args, shortCircuit, _parseFn], arguments.length);
        this[kFreeze]();
        if (typeof args === "undefined") {
          args = __classPrivateFieldGet(this, _YargsInstance_processArgs, "f");
        }
        if (typeof shortCircuit === "object") {
          __classPrivateFieldSet(this, _YargsInstance_parseContext, shortCircuit, "f");
          shortCircuit = _parseFn;
        }
        if (typeof shortCircuit === "function") {
          __classPrivateFieldSet(this, _YargsInstance_parseFn, shortCircuit, "f");
          shortCircuit = false;
        }
        if (!shortCircuit)
          __classPrivateFieldSet(this, _YargsInstance_processArgs, args, "f");
        if (__classPrivateFieldGet(this, _YargsInstance_parseFn, "f"))
          __classPrivateFieldSet(this, _YargsInstance_exitProcess, false, "f");
        const parsed = this[kRunYargsParserAndExecuteCommands](args, !!shortCircuit);
        const tmpParsed = this.parsed;
        __classPrivateFieldGet(this, _YargsInstance_completion, "f").setParsed(this.parsed);
        if (isPromise(parsed)) {
          return parsed.then((argv) => {
            if (__classPrivateFieldGet(this, _YargsInstance_parseFn, "f"))
              __classPrivateFieldGet(this, _YargsInstance_parseFn, "f").call(this, __classPrivateFieldGet(this, _YargsInstance_exitError, "f"), argv, __classPrivateFieldGet(this, _YargsInstance_output, "f"));
            return argv;
          }).catch((err) => {
            if (__classPrivateFieldGet(this, _YargsInstance_parseFn, "f")) {
              __classPrivateFieldGet(this, _YargsInstance_parseFn, "f")(err, this.parsed.argv, __classPrivateFieldGet(this, _YargsInstance_output, "f"));
            }
            throw err;
          }).finally(() => {
            this[kUnfreeze]();
            this.parsed = tmpParsed;
          });
        } else {
          if (__classPrivateFieldGet(this, _YargsInstance_parseFn, "f"))
            __classPrivateFieldGet(this, _YargsInstance_parseFn, "f").call(this, __classPrivateFieldGet(this, _YargsInstance_exitError, "f"), parsed, __classPrivateFieldGet(this, _YargsInstance_output, "f"));
          this[kUnfreeze]();
          this.parsed = tmpParsed;
        }
        return parsed;
      }
      parseAsync(args, shortCircuit, _parseFn) {
        const maybePromise = this.parse(args, shortCircuit, _parseFn);
        return !isPromise(maybePromise) ? Promise.resolve(maybePromise) : maybePromise;
      }
      parseSync(args, shortCircuit, _parseFn) {
        const maybePromise = this.parse(args, shortCircuit, _parseFn);
        if (isPromise(maybePromise)) {
          throw new YError(".parseSync() must not be used with asynchronous builders, handlers, or middleware");
        }
        return maybePromise;
      }
      parserConfiguration(config) {
        argsert("<object>", [config], arguments.length);
        __classPrivateFieldSet(this, _YargsInstance_parserConfig, config, "f");
        return this;
      }
      pkgConf(key, rootPath) {
        argsert("<string> [string]", [key, rootPath], arguments.length);
        let conf = null;
        const obj = this[kPkgUp](rootPath || __classPrivateFieldGet(this, _YargsInstance_cwd, "f"));
        if (obj[key] && typeof obj[key] === "object") {
          conf = applyExtends(obj[key], rootPath || __classPrivateFieldGet(this, _YargsInstance_cwd, "f"), this[kGetParserConfiguration]()["deep-merge-config"] || false, __classPrivateFieldGet(this, _YargsInstance_shim, "f"));
          __classPrivateFieldGet(this, _YargsInstance_options, "f").configObjects = (__classPrivateFieldGet(this, _YargsInstance_options, "f").configObjects || []).concat(conf);
        }
        return this;
      }
      positional(key, opts) {
        argsert("<string> <object>", [key, opts], arguments.length);
        const supportedOpts = [
          "default",
          "defaultDescription",
          "implies",
          "normalize",
          "choices",
          "conflicts",
          "coerce",
          "type",
          "describe",
          "desc",
          "description",
          "alias"
        ];
        opts = objFilter(opts, (k, v) => {
          if (k === "type" && !["string", "number", "boolean"].includes(v))
            return false;
          return supportedOpts.includes(k);
        });
        const fullCommand = __classPrivateFieldGet(this, _YargsInstance_context, "f").fullCommands[__classPrivateFieldGet(this, _YargsInstance_context, "f").fullCommands.length - 1];
        const parseOptions = fullCommand ? __classPrivateFieldGet(this, _YargsInstance_command, "f").cmdToParseOptions(fullCommand) : {
          array: [],
          alias: {},
          default: {},
          demand: {}
        };
        objectKeys(parseOptions).forEach((pk) => {
          const parseOption = parseOptions[pk];
          if (Array.isArray(parseOption)) {
            if (parseOption.indexOf(key) !== -1)
              opts[pk] = true;
          } else {
            if (parseOption[key] && !(pk in opts))
              opts[pk] = parseOption[key];
          }
        });
        this.group(key, __classPrivateFieldGet(this, _YargsInstance_usage, "f").getPositionalGroupName());
        return this.option(key, opts);
      }
      recommendCommands(recommend = true) {
        argsert("[boolean]", [recommend], arguments.length);
        __classPrivateFieldSet(this, _YargsInstance_recommendCommands, recommend, "f");
        return this;
      }
      required(keys, max, msg) {
        return this.demand(keys, max, msg);
      }
      require(keys, max, msg) {
        return this.demand(keys, max, msg);
      }
      requiresArg(keys) {
        argsert("<array|string|object> [number]", [keys], arguments.length);
        if (typeof keys === "string" && __classPrivateFieldGet(this, _YargsInstance_options, "f").narg[keys]) {
          return this;
        } else {
          this[kPopulateParserHintSingleValueDictionary](this.requiresArg.bind(this), "narg", keys, NaN);
        }
        return this;
      }
      showCompletionScript($0, cmd) {
        argsert("[string] [string]", [$0, cmd], arguments.length);
        $0 = $0 || this.$0;
        __classPrivateFieldGet(this, _YargsInstance_logger, "f").log(__classPrivateFieldGet(this, _YargsInstance_completion, "f").generateCompletionScript($0, cmd || __classPrivateFieldGet(this, _YargsInstance_completionCommand, "f") || "completion"));
        return this;
      }
      showHelp(level) {
        argsert("[string|function]", [level], arguments.length);
        __classPrivateFieldSet(this, _YargsInstance_hasOutput, true, "f");
        if (!__classPrivateFieldGet(this, _YargsInstance_usage, "f").hasCachedHelpMessage()) {
          if (!this.parsed) {
            const parse = this[kRunYargsParserAndExecuteCommands](__classPrivateFieldGet(this, _YargsInstance_processArgs, "f"), void 0, void 0, 0, true);
            if (isPromise(parse)) {
              parse.then(() => {
                __classPrivateFieldGet(this, _YargsInstance_usage, "f").showHelp(level);
              });
              return this;
            }
          }
          const builderResponse = __classPrivateFieldGet(this, _YargsInstance_command, "f").runDefaultBuilderOn(this);
          if (isPromise(builderResponse)) {
            builderResponse.then(() => {
              __classPrivateFieldGet(this, _YargsInstance_usage, "f").showHelp(level);
            });
            return this;
          }
        }
        __classPrivateFieldGet(this, _YargsInstance_usage, "f").showHelp(level);
        return this;
      }
      scriptName(scriptName) {
        this.customScriptName = true;
        this.$0 = scriptName;
        return this;
      }
      showHelpOnFail(enabled, message) {
        argsert("[boolean|string] [string]", [enabled, message], arguments.length);
        __classPrivateFieldGet(this, _YargsInstance_usage, "f").showHelpOnFail(enabled, message);
        return this;
      }
      showVersion(level) {
        argsert("[string|function]", [level], arguments.length);
        __classPrivateFieldGet(this, _YargsInstance_usage, "f").showVersion(level);
        return this;
      }
      skipValidation(keys) {
        argsert("<array|string>", [keys], arguments.length);
        this[kPopulateParserHintArray]("skipValidation", keys);
        return this;
      }
      strict(enabled) {
        argsert("[boolean]", [enabled], arguments.length);
        __classPrivateFieldSet(this, _YargsInstance_strict, enabled !== false, "f");
        return this;
      }
      strictCommands(enabled) {
        argsert("[boolean]", [enabled], arguments.length);
        __classPrivateFieldSet(this, _YargsInstance_strictCommands, enabled !== false, "f");
        return this;
      }
      strictOptions(enabled) {
        argsert("[boolean]", [enabled], arguments.length);
        __classPrivateFieldSet(this, _YargsInstance_strictOptions, enabled !== false, "f");
        return this;
      }
      string(keys) {
        argsert("<array|string>", [keys], arguments.length);
        this[kPopulateParserHintArray]("string", keys);
        this[kTrackManuallySetKeys](keys);
        return this;
      }
      terminalWidth() {
        argsert([], 0);
        return __classPrivateFieldGet(this, _YargsInstance_shim, "f").process.stdColumns;
      }
      updateLocale(obj) {
        return this.updateStrings(obj);
      }
      updateStrings(obj) {
        argsert("<object>", [obj], arguments.length);
        __classPrivateFieldSet(this, _YargsInstance_detectLocale, false, "f");
        __classPrivateFieldGet(this, _YargsInstance_shim, "f").y18n.updateLocale(obj);
        return this;
      }
      usage(msg, description, builder, handler) {
        argsert("<string|null|undefined> [string|boolean] [function|object] [function]", [msg, description, builder, handler], arguments.length);
        if (description !== void 0) {
          assertNotStrictEqual(msg, null, __classPrivateFieldGet(this, _YargsInstance_shim, "f"));
          if ((msg || "").match(/^\$0( |$)/)) {
            return this.command(msg, description, builder, handler);
          } else {
            throw new YError(".usage() description must start with $0 if being used as alias for .command()");
          }
        } else {
          __classPrivateFieldGet(this, _YargsInstance_usage, "f").usage(msg);
          return this;
        }
      }
      usageConfiguration(config) {
        argsert("<object>", [config], arguments.length);
        __classPrivateFieldSet(this, _YargsInstance_usageConfig, config, "f");
        return this;
      }
      version(opt, msg, ver) {
        const defaultVersionOpt = "version";
        argsert("[boolean|string] [string] [string]", [opt, msg, ver], arguments.length);
        if (__classPrivateFieldGet(this, _YargsInstance_versionOpt, "f")) {
          this[kDeleteFromParserHintObject](__classPrivateFieldGet(this, _YargsInstance_versionOpt, "f"));
          __classPrivateFieldGet(this, _YargsInstance_usage, "f").version(void 0);
          __classPrivateFieldSet(this, _YargsInstance_versionOpt, null, "f");
        }
        if (arguments.length === 0) {
          ver = this[kGuessVersion]();
          opt = defaultVersionOpt;
        } else if (arguments.length === 1) {
          if (opt === false) {
            return this;
          }
          ver = opt;
          opt = defaultVersionOpt;
        } else if (arguments.length === 2) {
          ver = msg;
          msg = void 0;
        }
        __classPrivateFieldSet(this, _YargsInstance_versionOpt, typeof opt === "string" ? opt : defaultVersionOpt, "f");
        msg = msg || __classPrivateFieldGet(this, _YargsInstance_usage, "f").deferY18nLookup("Show version number");
        __classPrivateFieldGet(this, _YargsInstance_usage, "f").version(ver || void 0);
        this.boolean(__classPrivateFieldGet(this, _YargsInstance_versionOpt, "f"));
        this.describe(__classPrivateFieldGet(this, _YargsInstance_versionOpt, "f"), msg);
        return this;
      }
      wrap(cols) {
        argsert("<number|null|undefined>", [cols], arguments.length);
        __classPrivateFieldGet(this, _YargsInstance_usage, "f").wrap(cols);
        return this;
      }
      [(_YargsInstance_command = /* @__PURE__ */ new WeakMap(), _YargsInstance_cwd = /* @__PURE__ */ new WeakMap(), _YargsInstance_context = /* @__PURE__ */ new WeakMap(), _YargsInstance_completion = /* @__PURE__ */ new WeakMap(), _YargsInstance_completionCommand = /* @__PURE__ */ new WeakMap(), _YargsInstance_defaultShowHiddenOpt = /* @__PURE__ */ new WeakMap(), _YargsInstance_exitError = /* @__PURE__ */ new WeakMap(), _YargsInstance_detectLocale = /* @__PURE__ */ new WeakMap(), _YargsInstance_emittedWarnings = /* @__PURE__ */ new WeakMap(), _YargsInstance_exitProcess = /* @__PURE__ */ new WeakMap(), _YargsInstance_frozens = /* @__PURE__ */ new WeakMap(), _YargsInstance_globalMiddleware = /* @__PURE__ */ new WeakMap(), _YargsInstance_groups = /* @__PURE__ */ new WeakMap(), _YargsInstance_hasOutput = /* @__PURE__ */ new WeakMap(), _YargsInstance_helpOpt = /* @__PURE__ */ new WeakMap(), _YargsInstance_isGlobalContext = /* @__PURE__ */ new WeakMap(), _YargsInstance_logger = /* @__PURE__ */ new WeakMap(), _YargsInstance_output = /* @__PURE__ */ new WeakMap(), _YargsInstance_options = /* @__PURE__ */ new WeakMap(), _YargsInstance_parentRequire = /* @__PURE__ */ new WeakMap(), _YargsInstance_parserConfig = /* @__PURE__ */ new WeakMap(), _YargsInstance_parseFn = /* @__PURE__ */ new WeakMap(), _YargsInstance_parseContext = /* @__PURE__ */ new WeakMap(), _YargsInstance_pkgs = /* @__PURE__ */ new WeakMap(), _YargsInstance_preservedGroups = /* @__PURE__ */ new WeakMap(), _YargsInstance_processArgs = /* @__PURE__ */ new WeakMap(), _YargsInstance_recommendCommands = /* @__PURE__ */ new WeakMap(), _YargsInstance_shim = /* @__PURE__ */ new WeakMap(), _YargsInstance_strict = /* @__PURE__ */ new WeakMap(), _YargsInstance_strictCommands = /* @__PURE__ */ new WeakMap(), _YargsInstance_strictOptions = /* @__PURE__ */ new WeakMap(), _YargsInstance_usage = /* @__PURE__ */ new WeakMap(), _YargsInstance_usageConfig = /* @__PURE__ */ new WeakMap(), _YargsInstance_versionOpt = /* @__PURE__ */ new WeakMap(), _YargsInstance_validation = /* @__PURE__ */ new WeakMap(), kCopyDoubleDash)](argv) {
        if (!argv._ || !argv["--"])
          return argv;
        argv._.push.apply(argv._, argv["--"]);
        try {
          delete argv["--"];
        } catch (_err) {
        }
        return argv;
      }
      [kCreateLogger]() {
        return {
          log: (...args) => {
            if (!this[kHasParseCallback]())
              console.log(...args);
            __classPrivateFieldSet(this, _YargsInstance_hasOutput, true, "f");
            if (__classPrivateFieldGet(this, _YargsInstance_output, "f").length)
              __classPrivateFieldSet(this, _YargsInstance_output, __classPrivateFieldGet(this, _YargsInstance_output, "f") + "\n", "f");
            __classPrivateFieldSet(this, _YargsInstance_output, __classPrivateFieldGet(this, _YargsInstance_output, "f") + args.join(" "), "f");
          },
          error: (...args) => {
            if (!this[kHasParseCallback]())
              console.error(...args);
            __classPrivateFieldSet(this, _YargsInstance_hasOutput, true, "f");
            if (__classPrivateFieldGet(this, _YargsInstance_output, "f").length)
              __classPrivateFieldSet(this, _YargsInstance_output, __classPrivateFieldGet(this, _YargsInstance_output, "f") + "\n", "f");
            __classPrivateFieldSet(this, _YargsInstance_output, __classPrivateFieldGet(this, _YargsInstance_output, "f") + args.join(" "), "f");
          }
        };
      }
      [kDeleteFromParserHintObject](optionKey) {
        objectKeys(__classPrivateFieldGet(this, _YargsInstance_options, "f")).forEach((hintKey) => {
          if (/* @__PURE__ */ ((key) => key === "configObjects")(hintKey))
            return;
          const hint = __classPrivateFieldGet(this, _YargsInstance_options, "f")[hintKey];
          if (Array.isArray(hint)) {
            if (hint.includes(optionKey))
              hint.splice(hint.indexOf(optionKey), 1);
          } else if (typeof hint === "object") {
            delete hint[optionKey];
          }
        });
        delete __classPrivateFieldGet(this, _YargsInstance_usage, "f").getDescriptions()[optionKey];
      }
      [kEmitWarning](warning, type, deduplicationId) {
        if (!__classPrivateFieldGet(this, _YargsInstance_emittedWarnings, "f")[deduplicationId]) {
          __classPrivateFieldGet(this, _YargsInstance_shim, "f").process.emitWarning(warning, type);
          __classPrivateFieldGet(this, _YargsInstance_emittedWarnings, "f")[deduplicationId] = true;
        }
      }
      [kFreeze]() {
        __classPrivateFieldGet(this, _YargsInstance_frozens, "f").push({
          options: __classPrivateFieldGet(this, _YargsInstance_options, "f"),
          configObjects: __classPrivateFieldGet(this, _YargsInstance_options, "f").configObjects.slice(0),
          exitProcess: __classPrivateFieldGet(this, _YargsInstance_exitProcess, "f"),
          groups: __classPrivateFieldGet(this, _YargsInstance_groups, "f"),
          strict: __classPrivateFieldGet(this, _YargsInstance_strict, "f"),
          strictCommands: __classPrivateFieldGet(this, _YargsInstance_strictCommands, "f"),
          strictOptions: __classPrivateFieldGet(this, _YargsInstance_strictOptions, "f"),
          completionCommand: __classPrivateFieldGet(this, _YargsInstance_completionCommand, "f"),
          output: __classPrivateFieldGet(this, _YargsInstance_output, "f"),
          exitError: __classPrivateFieldGet(this, _YargsInstance_exitError, "f"),
          hasOutput: __classPrivateFieldGet(this, _YargsInstance_hasOutput, "f"),
          parsed: this.parsed,
          parseFn: __classPrivateFieldGet(this, _YargsInstance_parseFn, "f"),
          parseContext: __classPrivateFieldGet(this, _YargsInstance_parseContext, "f")
        });
        __classPrivateFieldGet(this, _YargsInstance_usage, "f").freeze();
        __classPrivateFieldGet(this, _YargsInstance_validation, "f").freeze();
        __classPrivateFieldGet(this, _YargsInstance_command, "f").freeze();
        __classPrivateFieldGet(this, _YargsInstance_globalMiddleware, "f").freeze();
      }
      [kGetDollarZero]() {
        let $0 = "";
        let default$0;
        if (/\b(node|iojs|electron|bun)(\.exe)?$/.test(__classPrivateFieldGet(this, _YargsInstance_shim, "f").process.argv()[0])) {
          default$0 = __classPrivateFieldGet(this, _YargsInstance_shim, "f").process.argv().slice(1, 2);
        } else {
          default$0 = __classPrivateFieldGet(this, _YargsInstance_shim, "f").process.argv().slice(0, 1);
        }
        $0 = default$0.map((x) => {
          const b = this[kRebase](__classPrivateFieldGet(this, _YargsInstance_cwd, "f"), x);
          return x.match(/^(\/|([a-zA-Z]:)?\\)/) && b.length < x.length ? b : x;
        }).join(" ").trim();
        if (__classPrivateFieldGet(this, _YargsInstance_shim, "f").getEnv("_") && __classPrivateFieldGet(this, _YargsInstance_shim, "f").getProcessArgvBin() === __classPrivateFieldGet(this, _YargsInstance_shim, "f").getEnv("_")) {
          $0 = __classPrivateFieldGet(this, _YargsInstance_shim, "f").getEnv("_").replace(`${__classPrivateFieldGet(this, _YargsInstance_shim, "f").path.dirname(__classPrivateFieldGet(this, _YargsInstance_shim, "f").process.execPath())}/`, "");
        }
        return $0;
      }
      [kGetParserConfiguration]() {
        return __classPrivateFieldGet(this, _YargsInstance_parserConfig, "f");
      }
      [kGetUsageConfiguration]() {
        return __classPrivateFieldGet(this, _YargsInstance_usageConfig, "f");
      }
      [kGuessLocale]() {
        if (!__classPrivateFieldGet(this, _YargsInstance_detectLocale, "f"))
          return;
        const locale = __classPrivateFieldGet(this, _YargsInstance_shim, "f").getEnv("LC_ALL") || __classPrivateFieldGet(this, _YargsInstance_shim, "f").getEnv("LC_MESSAGES") || __classPrivateFieldGet(this, _YargsInstance_shim, "f").getEnv("LANG") || __classPrivateFieldGet(this, _YargsInstance_shim, "f").getEnv("LANGUAGE") || "en_US";
        this.locale(locale.replace(/[.:].*/, ""));
      }
      [kGuessVersion]() {
        const obj = this[kPkgUp]();
        return obj.version || "unknown";
      }
      [kParsePositionalNumbers](argv) {
        const args = argv["--"] ? argv["--"] : argv._;
        for (let i = 0, arg; (arg = args[i]) !== void 0; i++) {
          if (__classPrivateFieldGet(this, _YargsInstance_shim, "f").Parser.looksLikeNumber(arg) && Number.isSafeInteger(Math.floor(parseFloat(`${arg}`)))) {
            args[i] = Number(arg);
          }
        }
        return argv;
      }
      [kPkgUp](rootPath) {
        const npath = rootPath || "*";
        if (__classPrivateFieldGet(this, _YargsInstance_pkgs, "f")[npath])
          return __classPrivateFieldGet(this, _YargsInstance_pkgs, "f")[npath];
        let obj = {};
        try {
          let startDir = rootPath || __classPrivateFieldGet(this, _YargsInstance_shim, "f").mainFilename;
          if (__classPrivateFieldGet(this, _YargsInstance_shim, "f").path.extname(startDir)) {
            startDir = __classPrivateFieldGet(this, _YargsInstance_shim, "f").path.dirname(startDir);
          }
          const pkgJsonPath = __classPrivateFieldGet(this, _YargsInstance_shim, "f").findUp(startDir, (dir, names) => {
            if (names.includes("package.json")) {
              return "package.json";
            } else {
              return void 0;
            }
          });
          assertNotStrictEqual(pkgJsonPath, void 0, __classPrivateFieldGet(this, _YargsInstance_shim, "f"));
          obj = JSON.parse(__classPrivateFieldGet(this, _YargsInstance_shim, "f").readFileSync(pkgJsonPath, "utf8"));
        } catch (_noop) {
        }
        __classPrivateFieldGet(this, _YargsInstance_pkgs, "f")[npath] = obj || {};
        return __classPrivateFieldGet(this, _YargsInstance_pkgs, "f")[npath];
      }
      [kPopulateParserHintArray](type, keys) {
        keys = [].concat(keys);
        keys.forEach((key) => {
          key = this[kSanitizeKey](key);
          __classPrivateFieldGet(this, _YargsInstance_options, "f")[type].push(key);
        });
      }
      [kPopulateParserHintSingleValueDictionary](builder, type, key, value) {
        this[kPopulateParserHintDictionary](builder, type, key, value, (type2, key2, value2) => {
          __classPrivateFieldGet(this, _YargsInstance_options, "f")[type2][key2] = value2;
        });
      }
      [kPopulateParserHintArrayDictionary](builder, type, key, value) {
        this[kPopulateParserHintDictionary](builder, type, key, value, (type2, key2, value2) => {
          __classPrivateFieldGet(this, _YargsInstance_options, "f")[type2][key2] = (__classPrivateFieldGet(this, _YargsInstance_options, "f")[type2][key2] || []).concat(value2);
        });
      }
      [kPopulateParserHintDictionary](builder, type, key, value, singleKeyHandler) {
        if (Array.isArray(key)) {
          key.forEach((k) => {
            builder(k, value);
          });
        } else if (/* @__PURE__ */ ((key2) => typeof key2 === "object")(key)) {
          for (const k of objectKeys(key)) {
            builder(k, key[k]);
          }
        } else {
          singleKeyHandler(type, this[kSanitizeKey](key), value);
        }
      }
      [kSanitizeKey](key) {
        if (key === "__proto__")
          return "___proto___";
        return key;
      }
      [kSetKey](key, set) {
        this[kPopulateParserHintSingleValueDictionary](this[kSetKey].bind(this), "key", key, set);
        return this;
      }
      [kUnfreeze]() {
        var _a2, _b2, _c2, _d, _e, _f, _g, _h, _j, _k, _l, _m;
        const frozen = __classPrivateFieldGet(this, _YargsInstance_frozens, "f").pop();
        assertNotStrictEqual(frozen, void 0, __classPrivateFieldGet(this, _YargsInstance_shim, "f"));
        let configObjects;
        _a2 = this, _b2 = this, _c2 = this, _d = this, _e = this, _f = this, _g = this, _h = this, _j = this, _k = this, _l = this, _m = this, {
          options: { set value(_o) {
            __classPrivateFieldSet(_a2, _YargsInstance_options, _o, "f");
          } }.value,
          configObjects,
          exitProcess: { set value(_o) {
            __classPrivateFieldSet(_b2, _YargsInstance_exitProcess, _o, "f");
          } }.value,
          groups: { set value(_o) {
            __classPrivateFieldSet(_c2, _YargsInstance_groups, _o, "f");
          } }.value,
          output: { set value(_o) {
            __classPrivateFieldSet(_d, _YargsInstance_output, _o, "f");
          } }.value,
          exitError: { set value(_o) {
            __classPrivateFieldSet(_e, _YargsInstance_exitError, _o, "f");
          } }.value,
          hasOutput: { set value(_o) {
            __classPrivateFieldSet(_f, _YargsInstance_hasOutput, _o, "f");
          } }.value,
          parsed: this.parsed,
          strict: { set value(_o) {
            __classPrivateFieldSet(_g, _YargsInstance_strict, _o, "f");
          } }.value,
          strictCommands: { set value(_o) {
            __classPrivateFieldSet(_h, _YargsInstance_strictCommands, _o, "f");
          } }.value,
          strictOptions: { set value(_o) {
            __classPrivateFieldSet(_j, _YargsInstance_strictOptions, _o, "f");
          } }.value,
          completionCommand: { set value(_o) {
            __classPrivateFieldSet(_k, _YargsInstance_completionCommand, _o, "f");
          } }.value,
          parseFn: { set value(_o) {
            __classPrivateFieldSet(_l, _YargsInstance_parseFn, _o, "f");
          } }.value,
          parseContext: { set value(_o) {
            __classPrivateFieldSet(_m, _YargsInstance_parseContext, _o, "f");
          } }.value
        } = frozen;
        __classPrivateFieldGet(this, _YargsInstance_options, "f").configObjects = configObjects;
        __classPrivateFieldGet(this, _YargsInstance_usage, "f").unfreeze();
        __classPrivateFieldGet(this, _YargsInstance_validation, "f").unfreeze();
        __classPrivateFieldGet(this, _YargsInstance_command, "f").unfreeze();
        __classPrivateFieldGet(this, _YargsInstance_globalMiddleware, "f").unfreeze();
      }
      [kValidateAsync](validation2, argv) {
        return maybeAsyncResult(argv, (result) => {
          validation2(result);
          return result;
        });
      }
      getInternalMethods() {
        return {
          getCommandInstance: this[kGetCommandInstance].bind(this),
          getContext: this[kGetContext].bind(this),
          getHasOutput: this[kGetHasOutput].bind(this),
          getLoggerInstance: this[kGetLoggerInstance].bind(this),
          getParseContext: this[kGetParseContext].bind(this),
          getParserConfiguration: this[kGetParserConfiguration].bind(this),
          getUsageConfiguration: this[kGetUsageConfiguration].bind(this),
          getUsageInstance: this[kGetUsageInstance].bind(this),
          getValidationInstance: this[kGetValidationInstance].bind(this),
          hasParseCallback: this[kHasParseCallback].bind(this),
          isGlobalContext: this[kIsGlobalContext].bind(this),
          postProcess: this[kPostProcess].bind(this),
          reset: this[kReset].bind(this),
          runValidation: this[kRunValidation].bind(this),
          runYargsParserAndExecuteCommands: this[kRunYargsParserAndExecuteCommands].bind(this),
          setHasOutput: this[kSetHasOutput].bind(this)
        };
      }
      [kGetCommandInstance]() {
        return __classPrivateFieldGet(this, _YargsInstance_command, "f");
      }
      [kGetContext]() {
        return __classPrivateFieldGet(this, _YargsInstance_context, "f");
      }
      [kGetHasOutput]() {
        return __classPrivateFieldGet(this, _YargsInstance_hasOutput, "f");
      }
      [kGetLoggerInstance]() {
        return __classPrivateFieldGet(this, _YargsInstance_logger, "f");
      }
      [kGetParseContext]() {
        return __classPrivateFieldGet(this, _YargsInstance_parseContext, "f") || {};
      }
      [kGetUsageInstance]() {
        return __classPrivateFieldGet(this, _YargsInstance_usage, "f");
      }
      [kGetValidationInstance]() {
        return __classPrivateFieldGet(this, _YargsInstance_validation, "f");
      }
      [kHasParseCallback]() {
        return !!__classPrivateFieldGet(this, _YargsInstance_parseFn, "f");
      }
      [kIsGlobalContext]() {
        return __classPrivateFieldGet(this, _YargsInstance_isGlobalContext, "f");
      }
      [kPostProcess](argv, populateDoubleDash, calledFromCommand, runGlobalMiddleware) {
        if (calledFromCommand)
          return argv;
        if (isPromise(argv))
          return argv;
        if (!populateDoubleDash) {
          argv = this[kCopyDoubleDash](argv);
        }
        const parsePositionalNumbers = this[kGetParserConfiguration]()["parse-positional-numbers"] || this[kGetParserConfiguration]()["parse-positional-numbers"] === void 0;
        if (parsePositionalNumbers) {
          argv = this[kParsePositionalNumbers](argv);
        }
        if (runGlobalMiddleware) {
          argv = applyMiddleware(argv, this, __classPrivateFieldGet(this, _YargsInstance_globalMiddleware, "f").getMiddleware(), false);
        }
        return argv;
      }
      [kReset](aliases = {}) {
        __classPrivateFieldSet(this, _YargsInstance_options, __classPrivateFieldGet(this, _YargsInstance_options, "f") || {}, "f");
        const tmpOptions = {};
        tmpOptions.local = __classPrivateFieldGet(this, _YargsInstance_options, "f").local || [];
        tmpOptions.configObjects = __classPrivateFieldGet(this, _YargsInstance_options, "f").configObjects || [];
        const localLookup = {};
        tmpOptions.local.forEach((l) => {
          localLookup[l] = true;
          (aliases[l] || []).forEach((a) => {
            localLookup[a] = true;
          });
        });
        Object.assign(__classPrivateFieldGet(this, _YargsInstance_preservedGroups, "f"), Object.keys(__classPrivateFieldGet(this, _YargsInstance_groups, "f")).reduce((acc, groupName) => {
          const keys = __classPrivateFieldGet(this, _YargsInstance_groups, "f")[groupName].filter((key) => !(key in localLookup));
          if (keys.length > 0) {
            acc[groupName] = keys;
          }
          return acc;
        }, {}));
        __classPrivateFieldSet(this, _YargsInstance_groups, {}, "f");
        const arrayOptions = [
          "array",
          "boolean",
          "string",
          "skipValidation",
          "count",
          "normalize",
          "number",
          "hiddenOptions"
        ];
        const objectOptions = [
          "narg",
          "key",
          "alias",
          "default",
          "defaultDescription",
          "config",
          "choices",
          "demandedOptions",
          "demandedCommands",
          "deprecatedOptions"
        ];
        arrayOptions.forEach((k) => {
          tmpOptions[k] = (__classPrivateFieldGet(this, _YargsInstance_options, "f")[k] || []).filter((k2) => !localLookup[k2]);
        });
        objectOptions.forEach((k) => {
          tmpOptions[k] = objFilter(__classPrivateFieldGet(this, _YargsInstance_options, "f")[k], (k2) => !localLookup[k2]);
        });
        tmpOptions.envPrefix = __classPrivateFieldGet(this, _YargsInstance_options, "f").envPrefix;
        __classPrivateFieldSet(this, _YargsInstance_options, tmpOptions, "f");
        __classPrivateFieldSet(this, _YargsInstance_usage, __classPrivateFieldGet(this, _YargsInstance_usage, "f") ? __classPrivateFieldGet(this, _YargsInstance_usage, "f").reset(localLookup) : usage(this, __classPrivateFieldGet(this, _YargsInstance_shim, "f")), "f");
        __classPrivateFieldSet(this, _YargsInstance_validation, __classPrivateFieldGet(this, _YargsInstance_validation, "f") ? __classPrivateFieldGet(this, _YargsInstance_validation, "f").reset(localLookup) : validation(this, __classPrivateFieldGet(this, _YargsInstance_usage, "f"), __classPrivateFieldGet(this, _YargsInstance_shim, "f")), "f");
        __classPrivateFieldSet(this, _YargsInstance_command, __classPrivateFieldGet(this, _YargsInstance_command, "f") ? __classPrivateFieldGet(this, _YargsInstance_command, "f").reset() : command(__classPrivateFieldGet(this, _YargsInstance_usage, "f"), __classPrivateFieldGet(this, _YargsInstance_validation, "f"), __classPrivateFieldGet(this, _YargsInstance_globalMiddleware, "f"), __classPrivateFieldGet(this, _YargsInstance_shim, "f")), "f");
        if (!__classPrivateFieldGet(this, _YargsInstance_completion, "f"))
          __classPrivateFieldSet(this, _YargsInstance_completion, completion(this, __classPrivateFieldGet(this, _YargsInstance_usage, "f"), __classPrivateFieldGet(this, _YargsInstance_command, "f"), __classPrivateFieldGet(this, _YargsInstance_shim, "f")), "f");
        __classPrivateFieldGet(this, _YargsInstance_globalMiddleware, "f").reset();
        __classPrivateFieldSet(this, _YargsInstance_completionCommand, null, "f");
        __classPrivateFieldSet(this, _YargsInstance_output, "", "f");
        __classPrivateFieldSet(this, _YargsInstance_exitError, null, "f");
        __classPrivateFieldSet(this, _YargsInstance_hasOutput, false, "f");
        this.parsed = false;
        return this;
      }
      [kRebase](base, dir) {
        return __classPrivateFieldGet(this, _YargsInstance_shim, "f").path.relative(base, dir);
      }
      [kRunYargsParserAndExecuteCommands](args, shortCircuit, calledFromCommand, commandIndex = 0, helpOnly = false) {
        var _a2, _b2, _c2, _d;
        let skipValidation = !!calledFromCommand || helpOnly;
        args = args || __classPrivateFieldGet(this, _YargsInstance_processArgs, "f");
        __classPrivateFieldGet(this, _YargsInstance_options, "f").__ = __classPrivateFieldGet(this, _YargsInstance_shim, "f").y18n.__;
        __classPrivateFieldGet(this, _YargsInstance_options, "f").configuration = this[kGetParserConfiguration]();
        const populateDoubleDash = !!__classPrivateFieldGet(this, _YargsInstance_options, "f").configuration["populate--"];
        const config = Object.assign({}, __classPrivateFieldGet(this, _YargsInstance_options, "f").configuration, {
          "populate--": true
        });
        const parsed = __classPrivateFieldGet(this, _YargsInstance_shim, "f").Parser.detailed(args, Object.assign({}, __classPrivateFieldGet(this, _YargsInstance_options, "f"), {
          configuration: { "parse-positional-numbers": false, ...config }
        }));
        const argv = Object.assign(parsed.argv, __classPrivateFieldGet(this, _YargsInstance_parseContext, "f"));
        let argvPromise = void 0;
        const aliases = parsed.aliases;
        let helpOptSet = false;
        let versionOptSet = false;
        Object.keys(argv).forEach((key) => {
          if (key === __classPrivateFieldGet(this, _YargsInstance_helpOpt, "f") && argv[key]) {
            helpOptSet = true;
          } else if (key === __classPrivateFieldGet(this, _YargsInstance_versionOpt, "f") && argv[key]) {
            versionOptSet = true;
          }
        });
        argv.$0 = this.$0;
        this.parsed = parsed;
        if (commandIndex === 0) {
          __classPrivateFieldGet(this, _YargsInstance_usage, "f").clearCachedHelpMessage();
        }
        try {
          this[kGuessLocale]();
          if (shortCircuit) {
            return this[kPostProcess](argv, populateDoubleDash, !!calledFromCommand, false);
          }
          if (__classPrivateFieldGet(this, _YargsInstance_helpOpt, "f")) {
            const helpCmds = [__classPrivateFieldGet(this, _YargsInstance_helpOpt, "f")].concat(aliases[__classPrivateFieldGet(this, _YargsInstance_helpOpt, "f")] || []).filter((k) => k.length > 1);
            if (helpCmds.includes("" + argv._[argv._.length - 1])) {
              argv._.pop();
              helpOptSet = true;
            }
          }
          __classPrivateFieldSet(this, _YargsInstance_isGlobalContext, false, "f");
          const handlerKeys = __classPrivateFieldGet(this, _YargsInstance_command, "f").getCommands();
          const requestCompletions = ((_a2 = __classPrivateFieldGet(this, _YargsInstance_completion, "f")) === null || _a2 === void 0 ? void 0 : _a2.completionKey) ? [
            (_b2 = __classPrivateFieldGet(this, _YargsInstance_completion, "f")) === null || _b2 === void 0 ? void 0 : _b2.completionKey,
            ...(_d = this.getAliases()[(_c2 = __classPrivateFieldGet(this, _YargsInstance_completion, "f")) === null || _c2 === void 0 ? void 0 : _c2.completionKey]) !== null && _d !== void 0 ? _d : []
          ].some((key) => Object.prototype.hasOwnProperty.call(argv, key)) : false;
          const skipRecommendation = helpOptSet || requestCompletions || helpOnly;
          if (argv._.length) {
            if (handlerKeys.length) {
              let firstUnknownCommand;
              for (let i = commandIndex || 0, cmd; argv._[i] !== void 0; i++) {
                cmd = String(argv._[i]);
                if (handlerKeys.includes(cmd) && cmd !== __classPrivateFieldGet(this, _YargsInstance_completionCommand, "f")) {
                  const innerArgv = __classPrivateFieldGet(this, _YargsInstance_command, "f").runCommand(cmd, this, parsed, i + 1, helpOnly, helpOptSet || versionOptSet || helpOnly);
                  return this[kPostProcess](innerArgv, populateDoubleDash, !!calledFromCommand, false);
                } else if (!firstUnknownCommand && cmd !== __classPrivateFieldGet(this, _YargsInstance_completionCommand, "f")) {
                  firstUnknownCommand = cmd;
                  break;
                }
              }
              if (!__classPrivateFieldGet(this, _YargsInstance_command, "f").hasDefaultCommand() && __classPrivateFieldGet(this, _YargsInstance_recommendCommands, "f") && firstUnknownCommand && !skipRecommendation) {
                __classPrivateFieldGet(this, _YargsInstance_validation, "f").recommendCommands(firstUnknownCommand, handlerKeys);
              }
            }
            if (__classPrivateFieldGet(this, _YargsInstance_completionCommand, "f") && argv._.includes(__classPrivateFieldGet(this, _YargsInstance_completionCommand, "f")) && !requestCompletions) {
              if (__classPrivateFieldGet(this, _YargsInstance_exitProcess, "f"))
                setBlocking(true);
              this.showCompletionScript();
              this.exit(0);
            }
          }
          if (__classPrivateFieldGet(this, _YargsInstance_command, "f").hasDefaultCommand() && !skipRecommendation) {
            const innerArgv = __classPrivateFieldGet(this, _YargsInstance_command, "f").runCommand(null, this, parsed, 0, helpOnly, helpOptSet || versionOptSet || helpOnly);
            return this[kPostProcess](innerArgv, populateDoubleDash, !!calledFromCommand, false);
          }
          if (requestCompletions) {
            if (__classPrivateFieldGet(this, _YargsInstance_exitProcess, "f"))
              setBlocking(true);
            args = [].concat(args);
            const completionArgs = args.slice(args.indexOf(`--${__classPrivateFieldGet(this, _YargsInstance_completion, "f").completionKey}`) + 1);
            __classPrivateFieldGet(this, _YargsInstance_completion, "f").getCompletion(completionArgs, (err, completions) => {
              if (err)
                throw new YError(err.message);
              (completions || []).forEach((completion2) => {
                __classPrivateFieldGet(this, _YargsInstance_logger, "f").log(completion2);
              });
              this.exit(0);
            });
            return this[kPostProcess](argv, !populateDoubleDash, !!calledFromCommand, false);
          }
          if (!__classPrivateFieldGet(this, _YargsInstance_hasOutput, "f")) {
            if (helpOptSet) {
              if (__classPrivateFieldGet(this, _YargsInstance_exitProcess, "f"))
                setBlocking(true);
              skipValidation = true;
              this.showHelp((message) => {
                __classPrivateFieldGet(this, _YargsInstance_logger, "f").log(message);
                this.exit(0);
              });
            } else if (versionOptSet) {
              if (__classPrivateFieldGet(this, _YargsInstance_exitProcess, "f"))
                setBlocking(true);
              skipValidation = true;
              __classPrivateFieldGet(this, _YargsInstance_usage, "f").showVersion("log");
              this.exit(0);
            }
          }
          if (!skipValidation && __classPrivateFieldGet(this, _YargsInstance_options, "f").skipValidation.length > 0) {
            skipValidation = Object.keys(argv).some((key) => __classPrivateFieldGet(this, _YargsInstance_options, "f").skipValidation.indexOf(key) >= 0 && argv[key] === true);
          }
          if (!skipValidation) {
            if (parsed.error)
              throw new YError(parsed.error.message);
            if (!requestCompletions) {
              const validation2 = this[kRunValidation](aliases, {}, parsed.error);
              if (!calledFromCommand) {
                argvPromise = applyMiddleware(argv, this, __classPrivateFieldGet(this, _YargsInstance_globalMiddleware, "f").getMiddleware(), true);
              }
              argvPromise = this[kValidateAsync](validation2, argvPromise !== null && argvPromise !== void 0 ? argvPromise : argv);
              if (isPromise(argvPromise) && !calledFromCommand) {
                argvPromise = argvPromise.then(() => {
                  return applyMiddleware(argv, this, __classPrivateFieldGet(this, _YargsInstance_globalMiddleware, "f").getMiddleware(), false);
                });
              }
            }
          }
        } catch (err) {
          if (err instanceof YError)
            __classPrivateFieldGet(this, _YargsInstance_usage, "f").fail(err.message, err);
          else
            throw err;
        }
        return this[kPostProcess](argvPromise !== null && argvPromise !== void 0 ? argvPromise : argv, populateDoubleDash, !!calledFromCommand, true);
      }
      [kRunValidation](aliases, positionalMap, parseErrors, isDefaultCommand) {
        const demandedOptions = { ...this.getDemandedOptions() };
        return (argv) => {
          if (parseErrors)
            throw new YError(parseErrors.message);
          __classPrivateFieldGet(this, _YargsInstance_validation, "f").nonOptionCount(argv);
          __classPrivateFieldGet(this, _YargsInstance_validation, "f").requiredArguments(argv, demandedOptions);
          let failedStrictCommands = false;
          if (__classPrivateFieldGet(this, _YargsInstance_strictCommands, "f")) {
            failedStrictCommands = __classPrivateFieldGet(this, _YargsInstance_validation, "f").unknownCommands(argv);
          }
          if (__classPrivateFieldGet(this, _YargsInstance_strict, "f") && !failedStrictCommands) {
            __classPrivateFieldGet(this, _YargsInstance_validation, "f").unknownArguments(argv, aliases, positionalMap, !!isDefaultCommand);
          } else if (__classPrivateFieldGet(this, _YargsInstance_strictOptions, "f")) {
            __classPrivateFieldGet(this, _YargsInstance_validation, "f").unknownArguments(argv, aliases, {}, false, false);
          }
          __classPrivateFieldGet(this, _YargsInstance_validation, "f").limitedChoices(argv);
          __classPrivateFieldGet(this, _YargsInstance_validation, "f").implications(argv);
          __classPrivateFieldGet(this, _YargsInstance_validation, "f").conflicting(argv);
        };
      }
      [kSetHasOutput]() {
        __classPrivateFieldSet(this, _YargsInstance_hasOutput, true, "f");
      }
      [kTrackManuallySetKeys](keys) {
        if (typeof keys === "string") {
          __classPrivateFieldGet(this, _YargsInstance_options, "f").key[keys] = true;
        } else {
          for (const k of keys) {
            __classPrivateFieldGet(this, _YargsInstance_options, "f").key[k] = true;
          }
        }
      }
    };
  }
});

// ../../node_modules/yargs/index.mjs
var yargs_exports = {};
__export(yargs_exports, {
  default: () => yargs_default,
  "module.exports": () => Yargs
});
var Yargs, yargs_default;
var init_yargs = __esm({
  "../../node_modules/yargs/index.mjs"() {
    "use strict";
    init_import_meta_url();
    init_esm();
    init_yargs_factory();
    Yargs = YargsFactory(esm_default);
    yargs_default = Yargs;
  }
});

// src/reporters/text.ts
var text_exports = {};
__export(text_exports, {
  formatText: () => formatText
});
function formatText(result, options = {}) {
  const c = options.color ?? false;
  const red = paint(c, "31");
  const yellow = paint(c, "33");
  const dim = paint(c, "2");
  const bold = paint(c, "1");
  const green = paint(c, "32");
  const out = [];
  const groups = /* @__PURE__ */ new Map();
  for (const f of result.findings) {
    const key = `${f.commit ?? ""}\0${f.file}`;
    const g = groups.get(key);
    if (g) g.push(f);
    else groups.set(key, [f]);
  }
  for (const list of groups.values()) {
    const first = list[0];
    out.push(bold(showPath(first.file)) + (first.commit ? dim(` @ ${first.commit.slice(0, 12)}`) : ""));
    for (const f of list) {
      const where = f.line === null ? "-" : `${f.line}:${f.column}`;
      const sev = f.severity === "error" ? red("error  ") : yellow("warning");
      const verified = f.verified ? `  [${f.verified.status}: ${printable(f.verified.detail)}]` : "";
      out.push(`  ${dim(where.padEnd(9))} ${sev}  ${f.ruleId.padEnd(16)} ${printable(f.message)}${verified}`);
    }
    out.push("");
  }
  const s = result.summary;
  const scanned = s.mode === "history" ? `${plural(s.files, "blob")} in ${plural(s.commits, "commit")}` : plural(s.files, "file");
  const notes = [];
  if (s.skippedBinary) notes.push(`${s.skippedBinary} binary skipped`);
  if (s.skippedSubmodules) notes.push(`${plural(s.skippedSubmodules, "submodule")} skipped`);
  if (s.skippedSymlinks) notes.push(`${plural(s.skippedSymlinks, "symlink")} not followed`);
  if (s.excluded) notes.push(`${s.excluded} excluded by config`);
  if (s.allowed) notes.push(`${s.allowed} allowed inline`);
  if (s.baselined) notes.push(`${s.baselined} in baseline`);
  if (s.fixed.length) notes.push(`fixed ${s.fixed.map(showPath).join(", ")}`);
  const tail = `${scanned} scanned${notes.length ? ` (${notes.join(", ")})` : ""}`;
  if (s.errors + s.warnings === 0 && s.unreadable.length === 0) {
    out.push(green(`✔ No DHMAD keys or exposed .env files: ${tail}.`));
  } else if (s.errors + s.warnings === 0) {
    out.push(red(`✖ Incomplete scan, no finding in what could be read: ${tail}.`));
  } else {
    const mark = s.errors > 0 ? red("✖") : yellow("⚠");
    out.push(`${mark} ${plural(s.errors, "error")}, ${plural(s.warnings, "warning")}: ${tail}.`);
  }
  for (const u of s.unreadable) out.push(red(`Could not read ${showPath(u)}`));
  return redactText(out.join("\n") + "\n");
}
function showPath(raw) {
  return printablePath(shownPath(raw));
}
var paint, plural;
var init_text = __esm({
  "src/reporters/text.ts"() {
    "use strict";
    init_import_meta_url();
    init_key_format();
    init_findings();
    init_printable();
    paint = (on, code) => (s) => on ? `\x1B[${code}m${s}\x1B[0m` : s;
    plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
  }
});

// src/reporters/json.ts
var json_exports = {};
__export(json_exports, {
  formatJson: () => formatJson
});
function formatJson(result, _options) {
  const report2 = {
    version: 1,
    findings: result.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      file: f.file,
      line: f.line,
      column: f.column,
      environment: f.environment,
      keyPrefix: f.keyPrefix,
      commit: f.commit,
      fingerprint: f.fingerprint,
      message: f.message,
      ...f.verified ? { verified: f.verified } : {}
    })),
    summary: result.summary
  };
  return redactText(JSON.stringify(report2, null, 2) + "\n");
}
var init_json = __esm({
  "src/reporters/json.ts"() {
    "use strict";
    init_import_meta_url();
    init_key_format();
  }
});

// src/reporters/sarif.ts
var sarif_exports = {};
__export(sarif_exports, {
  formatSarif: () => formatSarif
});
function formatSarif(result, _options) {
  const log = {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "dhmad-scan",
            informationUri: "https://developer.dhmad.tn",
            semanticVersion: result.summary.version,
            rules: RULE_IDS.map((id) => {
              const r = RULES[id];
              return {
                id,
                name: r.name,
                shortDescription: { text: r.short },
                fullDescription: { text: r.full },
                help: { text: r.help, markdown: r.help },
                defaultConfiguration: { level: r.severity },
                properties: {
                  tags: ["security", "secret"],
                  precision: id === "malformed-key" ? "medium" : "very-high",
                  "security-severity": r.securitySeverity.toFixed(1)
                }
              };
            })
          }
        },
        automationDetails: { id: `dhmad-scan/${result.summary.mode}/` },
        results: result.findings.map((f) => ({
          ruleId: f.ruleId,
          ruleIndex: RULE_IDS.indexOf(f.ruleId),
          level: f.severity,
          message: { text: f.verified ? `${f.message} Verified: ${f.verified.status}. ${f.verified.detail}` : f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeUri(f.file) },
                region: { startLine: f.line ?? 1, ...f.column ? { startColumn: f.column } : {} }
              }
            }
          ],
          partialFingerprints: { primaryLocationLineHash: `${f.fingerprint}:1` },
          ...f.commit ? { properties: { commit: f.commit } } : {}
        }))
      }
    ]
  };
  return redactText(JSON.stringify(log, null, 2) + "\n");
}
function encodeUri(file) {
  return file.split("/").map(encodeURIComponent).join("/");
}
var SARIF_SCHEMA, RULE_IDS;
var init_sarif = __esm({
  "src/reporters/sarif.ts"() {
    "use strict";
    init_import_meta_url();
    init_key_format();
    init_findings();
    SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    RULE_IDS = Object.keys(RULES);
  }
});

// src/safe-write.ts
function refuseLinkedFolder(root, file, what) {
  const abs = import_node_path.default.resolve(root, file);
  if (!within(root, abs)) return;
  let dir;
  try {
    dir = (0, import_node_fs3.realpathSync)(import_node_path.default.dirname(abs));
  } catch {
    dir = import_node_path.default.dirname(abs);
  }
  if (!within((0, import_node_fs3.realpathSync)(root), dir)) {
    throw new ScanError(`${what}: ${file} is in a folder that is a symlink to outside the repository, and dhmad-scan never writes through a symlink. Replace the link with a real folder, then run it again.`);
  }
}
function writeNoFollow(root, file, content, how, what) {
  const abs = import_node_path.default.resolve(root, file);
  refuseLinkedFolder(root, file, what);
  const flags = import_node_fs3.constants.O_WRONLY | import_node_fs3.constants.O_CREAT | (how === "append" ? import_node_fs3.constants.O_APPEND : import_node_fs3.constants.O_TRUNC) | (import_node_fs3.constants.O_NOFOLLOW ?? 0);
  let fd;
  try {
    fd = (0, import_node_fs3.openSync)(abs, flags, 420);
  } catch (e) {
    const code = e.code;
    if (code === "ELOOP") throw new ScanError(`${what}: ${file} is a symlink, and dhmad-scan never writes through a symlink. Replace it with a regular file, then run it again.`);
    throw new ScanError(`${what}: ${fsProblem(file, e)}.`);
  }
  try {
    (0, import_node_fs3.writeSync)(fd, content);
  } finally {
    (0, import_node_fs3.closeSync)(fd);
  }
}
function fsProblem(file, e) {
  switch (e.code) {
    case "ENOENT":
      return (0, import_node_fs3.existsSync)(import_node_path.default.dirname(import_node_path.default.resolve(file))) ? `${file} does not exist` : `the folder ${import_node_path.default.dirname(file)} does not exist`;
    case "EACCES":
    case "EPERM":
      return `permission denied on ${file}; check its permissions`;
    case "EISDIR":
      return `${file} is a folder, not a file`;
    case "ENOTDIR":
      return `a part of ${file} is a file, not a folder`;
    default:
      return `${file}: ${e.message}`;
  }
}
var import_node_fs3, import_node_path, within;
var init_safe_write = __esm({
  "src/safe-write.ts"() {
    "use strict";
    init_import_meta_url();
    import_node_fs3 = require("node:fs");
    import_node_path = __toESM(require("node:path"), 1);
    init_errors();
    within = (root, p) => {
      const rel = import_node_path.default.relative(root, p);
      return rel === "" || !rel.startsWith("..") && !import_node_path.default.isAbsolute(rel);
    };
  }
});

// src/scan-thread.ts
function isScanThread() {
  return process.argv.includes(SCAN_THREAD_ARG) && !process.getBuiltinModule("node:worker_threads").isMainThread;
}
var SCAN_THREAD_ARG;
var init_scan_thread = __esm({
  "src/scan-thread.ts"() {
    "use strict";
    init_import_meta_url();
    SCAN_THREAD_ARG = "--dhmad-scan-thread";
  }
});

// ../git-facts/dist/run.js
function gitEnv(whose, base = process.env) {
  const env2 = { ...base, GIT_TERMINAL_PROMPT: "0", GIT_PAGER: "cat", LC_ALL: "C" };
  if (whose === "path")
    for (const name of LOCATION_VARIABLES)
      delete env2[name];
  return env2;
}
function spawnFailure(e) {
  return e.code === "ENOENT" ? new GitError(NO_GIT, "no-git") : new GitError(`Could not run git: ${e.message}`, "failed");
}
function gitReason(stderr, status) {
  const lines2 = stderr.split("\n").map((l) => l.trim()).filter(Boolean);
  const first = Math.max(0, lines2.findIndex((l) => /^(fatal|error):/.test(l)));
  const end = lines2.findIndex((l, i) => i > first && /^(usage:|fatal:|error:|hint:)/.test(l));
  return lines2.slice(first, Math.min(end === -1 ? lines2.length : end, first + 3)).join(" ") || `exit ${status}`;
}
function gitFailed(what, args, out) {
  return new GitError(`${what} failed (git ${args.find((a) => !a.startsWith("-") && !a.includes("=")) ?? args[0]}): ${gitReason(out.stderr, out.status)}`, "failed");
}
function runGitSync(cwd, args, env2, input) {
  const r = (0, import_node_child_process.spawnSync)("git", args, { cwd, env: env2, input, maxBuffer: 1 << 30, stdio: [input === void 0 ? "ignore" : "pipe", "pipe", "pipe"] });
  if (r.error)
    throw spawnFailure(r.error);
  return { status: r.status ?? 1, stdout: r.stdout, stderr: r.stderr.toString("utf8").trim() };
}
function spawnGit(cwd, args, env2, withInput = false) {
  const child = (0, import_node_child_process.spawn)("git", args, { cwd, env: env2, stdio: [withInput ? "pipe" : "ignore", "pipe", "pipe"] });
  child.stdin?.on("error", () => void 0);
  return child;
}
function exitOf(child) {
  const exited = new Promise((resolve5, reject) => {
    child.on("error", (e) => reject(spawnFailure(e)));
    child.on("close", (code) => resolve5(code ?? 1));
  });
  exited.catch(() => void 0);
  return exited;
}
async function runGit(cwd, args, env2, input) {
  const child = spawnGit(cwd, args, env2, input !== void 0);
  const out = [];
  let stderr = "";
  child.stdout.on("data", (b) => out.push(b));
  child.stderr.setEncoding("utf8").on("data", (s) => stderr += s);
  const exited = exitOf(child);
  if (input !== void 0)
    child.stdin.end(input);
  const status = await exited;
  return { status, stdout: Buffer.concat(out), stderr: stderr.trim() };
}
function splitZ(buf) {
  const parts = (typeof buf === "string" ? buf : buf.toString("utf8")).split("\0");
  if (parts.length > 0 && parts[parts.length - 1] === "")
    parts.pop();
  return parts;
}
var import_node_child_process, GitError, LOCATION_VARIABLES, DISCOVERY_VARIABLES, NO_GIT;
var init_run = __esm({
  "../git-facts/dist/run.js"() {
    "use strict";
    init_import_meta_url();
    import_node_child_process = require("node:child_process");
    GitError = class extends Error {
      reason;
      name = "GitError";
      constructor(message, reason) {
        super(message);
        this.reason = reason;
      }
    };
    LOCATION_VARIABLES = ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_COMMON_DIR", "GIT_PREFIX", "GIT_OBJECT_DIRECTORY"];
    DISCOVERY_VARIABLES = [
      "GIT_DIR",
      "GIT_WORK_TREE",
      "GIT_COMMON_DIR",
      "GIT_CEILING_DIRECTORIES",
      "GIT_DISCOVERY_ACROSS_FILESYSTEM",
      "GIT_CONFIG_PARAMETERS",
      "GIT_CONFIG_COUNT"
    ];
    NO_GIT = "git was not found on PATH. Install git (or add it to PATH) and run again.";
  }
});

// ../git-facts/dist/ask.js
async function ask(cwd, q, env2) {
  return q.read(await runGit(cwd, q.args, env2, q.input), cwd);
}
function askSync(cwd, q, env2) {
  return q.read(runGitSync(cwd, q.args, env2, q.input), cwd);
}
var init_ask = __esm({
  "../git-facts/dist/ask.js"() {
    "use strict";
    init_import_meta_url();
    init_run();
  }
});

// ../git-facts/dist/repo.js
function statIfAny(p) {
  try {
    return (0, import_node_fs4.statSync)(p, { throwIfNoEntry: false });
  } catch {
    return void 0;
  }
}
function discoverRepo(dir, whose = "environment", env2 = process.env) {
  if (whose === "environment" && DISCOVERY_VARIABLES.some((v) => env2[v] !== void 0))
    return void 0;
  let dev;
  for (let at = import_node_path2.default.resolve(dir); ; ) {
    const st = statIfAny(at);
    if (!st?.isDirectory() || dev !== void 0 && st.dev !== dev)
      return void 0;
    dev = st.dev;
    const dotGit = import_node_path2.default.join(at, ".git");
    const kind = kindOf(dotGit);
    if (kind !== null) {
      let gitDir = dotGit;
      if (kind === "file") {
        const m = /^gitdir: (.+?)\r?\n?$/.exec(readIfFile(dotGit) ?? "");
        if (!m)
          return void 0;
        gitDir = import_node_path2.default.resolve(at, m[1]);
      }
      if (kindOf(import_node_path2.default.join(gitDir, "HEAD")) !== "file")
        return void 0;
      const commonDir = readIfFile(import_node_path2.default.join(gitDir, "commondir"));
      const common = commonDir === null ? gitDir : import_node_path2.default.resolve(gitDir, commonDir.trim());
      const config = readIfFile(import_node_path2.default.join(common, "config"));
      if (config === null)
        return void 0;
      if (/worktree|bare\s*=\s*(true|yes|on|1)\b|^\s*\[\s*include/im.test(config) || kindOf(import_node_path2.default.join(gitDir, "config.worktree")) !== null)
        return void 0;
      return { bare: false, gitDir, root: at };
    }
    if (kindOf(import_node_path2.default.join(at, "HEAD")) !== null)
      return void 0;
    const up = import_node_path2.default.dirname(at);
    if (up === at)
      return void 0;
    at = up;
  }
}
async function findRepo(dir, whose = "environment") {
  const plain = discoverRepo(dir, whose);
  if (plain)
    return plain;
  const env2 = gitEnv(whose);
  const r = await ask(dir, REPO_QUESTION, env2);
  if (r !== "no-work-tree")
    return r;
  const [root, gitDir] = await Promise.all([ask(dir, TOPLEVEL_QUESTION, env2), ask(dir, GIT_DIR_QUESTION, env2)]);
  return { bare: false, gitDir, root };
}
function findRepoSync(dir, whose = "environment") {
  const plain = discoverRepo(dir, whose);
  if (plain)
    return plain;
  const env2 = gitEnv(whose);
  const r = askSync(dir, REPO_QUESTION, env2);
  if (r !== "no-work-tree")
    return r;
  return { bare: false, gitDir: askSync(dir, GIT_DIR_QUESTION, env2), root: askSync(dir, TOPLEVEL_QUESTION, env2) };
}
var import_node_fs4, import_node_path2, readIfFile, kindOf, REPO_QUESTION, TOPLEVEL_QUESTION, GIT_DIR_QUESTION;
var init_repo = __esm({
  "../git-facts/dist/repo.js"() {
    "use strict";
    init_import_meta_url();
    import_node_fs4 = require("node:fs");
    import_node_path2 = __toESM(require("node:path"), 1);
    init_ask();
    init_run();
    readIfFile = (p) => {
      try {
        return (0, import_node_fs4.readFileSync)(p, "utf8");
      } catch {
        return null;
      }
    };
    kindOf = (p) => {
      const st = statIfAny(p);
      return st?.isDirectory() ? "dir" : st?.isFile() ? "file" : null;
    };
    REPO_QUESTION = {
      args: ["rev-parse", "--is-bare-repository", "--absolute-git-dir", "--is-inside-work-tree", "--show-cdup"],
      read(out, cwd) {
        if (out.status !== 0) {
          if (/safe\.directory|dubious ownership/.test(out.stderr))
            throw new GitError(gitReason(out.stderr, out.status), "failed");
          return null;
        }
        const [bare, gitDir, inside, cdup] = out.stdout.toString("utf8").split("\n");
        if (bare === "true")
          return { bare: true, gitDir, root: null };
        if (inside === "true")
          return { bare: false, gitDir, root: import_node_path2.default.resolve(cwd, cdup ?? "") };
        return "no-work-tree";
      }
    };
    TOPLEVEL_QUESTION = {
      args: ["rev-parse", "--show-toplevel"],
      read: (out) => out.status === 0 ? out.stdout.toString("utf8").trim() : null
    };
    GIT_DIR_QUESTION = {
      args: ["rev-parse", "--absolute-git-dir"],
      read: (out) => out.stdout.toString("utf8").trim()
    };
  }
});

// ../git-facts/dist/ignore-rules.js
function ignoreQuestion(paths) {
  const args = ["-c", `core.excludesFile=${import_node_os.default.devNull}`, "check-ignore", "--no-index", "--verbose", "--stdin", "-z"];
  return {
    args,
    input: paths.join("\0") + "\0",
    read(out) {
      if (out.status > 1)
        throw gitFailed("Checking the .gitignore rules", args, out);
      const parts = splitZ(out.stdout);
      const ignored = /* @__PURE__ */ new Set();
      for (let i = 0; i + 3 < parts.length; i += 4) {
        if (import_node_path3.default.posix.basename(parts[i]) === ".gitignore" && !parts[i + 2].startsWith("!"))
          ignored.add(parts[i + 3]);
      }
      return ignored;
    }
  };
}
async function ignoredByRepoRules(root, paths, whose = "environment") {
  return paths.length === 0 ? /* @__PURE__ */ new Set() : ask(root, ignoreQuestion(paths), gitEnv(whose));
}
var import_node_os, import_node_path3;
var init_ignore_rules = __esm({
  "../git-facts/dist/ignore-rules.js"() {
    "use strict";
    init_import_meta_url();
    import_node_os = __toESM(require("node:os"), 1);
    import_node_path3 = __toESM(require("node:path"), 1);
    init_ask();
    init_run();
  }
});

// ../git-facts/dist/env-names.js
function isEnvName(base) {
  return base === ".env" || base.startsWith(".env.") && base.length > 5;
}
function isEnvTemplate(file) {
  const base = baseName(file);
  return isEnvName(base) && base.slice(5).toLowerCase().split(".").some((part) => TEMPLATE_SUFFIXES.has(part));
}
function isEnvFile(file) {
  return isEnvName(baseName(file)) && !isEnvTemplate(file);
}
var TEMPLATE_SUFFIXES, baseName, ENV_FILE_PATHSPECS, ENV_PROBES;
var init_env_names = __esm({
  "../git-facts/dist/env-names.js"() {
    "use strict";
    init_import_meta_url();
    TEMPLATE_SUFFIXES = /* @__PURE__ */ new Set(["example", "sample", "template", "dist", "defaults"]);
    baseName = (file) => file.slice(Math.max(file.lastIndexOf("/"), file.lastIndexOf("\\")) + 1);
    ENV_FILE_PATHSPECS = [":(glob)**/.env", ":(glob)**/.env.*"];
    ENV_PROBES = [".env", ".env.local"];
  }
});

// ../git-facts/dist/env-files.js
function listEnvFiles(root, whose = "environment") {
  return ask(root, envListQuestion, gitEnv(whose));
}
async function unignoredProbes(root, whose = "environment") {
  const ignored = await ignoredByRepoRules(root, ENV_PROBES, whose);
  return ENV_PROBES.filter((p) => !ignored.has(p));
}
var ENV_LIST_ARGS, envListQuestion;
var init_env_files = __esm({
  "../git-facts/dist/env-files.js"() {
    "use strict";
    init_import_meta_url();
    init_ask();
    init_env_names();
    init_ignore_rules();
    init_run();
    ENV_LIST_ARGS = ["ls-files", "-z", "-t", "--cached", "--others", "--exclude-per-directory=.gitignore", "--", ...ENV_FILE_PATHSPECS];
    envListQuestion = {
      args: ENV_LIST_ARGS,
      read(out) {
        if (out.status !== 0)
          throw gitFailed("Listing .env files", ENV_LIST_ARGS, out);
        const tracked = /* @__PURE__ */ new Set();
        const exposed = [];
        for (const entry of splitZ(out.stdout)) {
          const file = entry.slice(2);
          if (!isEnvFile(file))
            continue;
          if (entry.startsWith("? "))
            exposed.push(file);
          else
            tracked.add(file);
        }
        return { tracked: [...tracked], exposed };
      }
    };
  }
});

// ../git-facts/dist/index.js
var init_dist = __esm({
  "../git-facts/dist/index.js"() {
    "use strict";
    init_import_meta_url();
    init_repo();
    init_env_files();
    init_run();
  }
});

// src/collector.ts
function emptyStats() {
  return {
    files: 0,
    bytes: 0,
    commits: 0,
    skippedBinary: 0,
    skippedSubmodules: 0,
    skippedSymlinks: 0,
    excluded: 0,
    allowed: 0,
    baselined: 0,
    unreadable: []
  };
}
function secretOf(finding) {
  return secrets.get(finding);
}
var secrets, FS_ERRORS, Collector;
var init_collector = __esm({
  "src/collector.ts"() {
    "use strict";
    init_import_meta_url();
    init_findings();
    secrets = /* @__PURE__ */ new WeakMap();
    FS_ERRORS = {
      EACCES: "permission denied (give this user read access, or exclude it)",
      EPERM: "not permitted (give this user read access, or exclude it)",
      ENOENT: "it disappeared while the scan ran (scan again)",
      EIO: "the disk could not read it (check the disk)",
      EMFILE: "too many files open at once (raise `ulimit -n`)",
      ENFILE: "too many files open on this machine (scan again)"
    };
    Collector = class {
      findings = [];
      stats = emptyStats();
      keepSecrets;
      /** The config's excludes, set once the config is read (before any source scans). */
      excluded = () => false;
      onProgress;
      constructor(options = {}) {
        this.keepSecrets = options.keepSecrets ?? false;
        this.onProgress = options.onProgress;
      }
      progress() {
        this.onProgress?.(this.stats);
      }
      /**
       * Whether the source should scan `file` (at `commit`, in history): false for
       * an excluded path, counted. A key in the name of a path that is scanned is
       * a finding of its own.
       */
      wants(file, commit = null) {
        if (this.excluded(file)) {
          this.stats.excluded++;
          return false;
        }
        this.findings.push(...nameFindings(file, commit));
        return true;
      }
      add(finding) {
        this.findings.push(finding);
      }
      /** Something that exists could not be read: the scan is incomplete. `why` is a sentence, or a Node error code. */
      unreadable(what, why) {
        this.stats.unreadable.push(`${shownPath(what)}: ${FS_ERRORS[why] ?? why}`);
      }
      /** Take a finding made on another thread, with its key when one was kept. */
      adopt(finding, secret) {
        if (secret !== void 0) secrets.set(finding, secret);
        this.findings.push(finding);
      }
      /** Add another thread's counts to these. */
      merge(other) {
        const s = this.stats;
        s.files += other.files;
        s.bytes += other.bytes;
        s.skippedBinary += other.skippedBinary;
        s.skippedSubmodules += other.skippedSubmodules;
        s.skippedSymlinks += other.skippedSymlinks;
        s.allowed += other.allowed;
        s.unreadable.push(...other.unreadable);
      }
      /** The detector's results for `file` (at `commit`), as findings; allowed ones are only counted. */
      detections(file, commit, detections) {
        for (const d of detections) {
          if (d.allowed) {
            this.stats.allowed++;
            continue;
          }
          const finding = keyFinding(d, file, commit);
          if (d.secret !== void 0) secrets.set(finding, d.secret);
          this.findings.push(finding);
        }
      }
    };
  }
});

// src/config.ts
function loadConfig(file, root) {
  const abs = file ? import_node_path4.default.resolve(file) : import_node_path4.default.join(root, CONFIG_FILE);
  if (!file && !(0, import_node_fs5.existsSync)(abs)) return { exclude: [] };
  let raw;
  try {
    raw = JSON.parse((0, import_node_fs5.readFileSync)(abs, "utf8"));
  } catch (e) {
    const code = e.code;
    throw new ScanError(
      code === "ENOENT" ? `The config file ${abs} does not exist.` : code ? `Cannot read the config file ${abs}: ${code === "EACCES" ? "permission denied; check its permissions" : code === "EISDIR" ? "it is a folder" : code}.` : `The config file ${abs} is not valid JSON: ${e.message}.`
    );
  }
  const exclude = raw?.exclude ?? [];
  if (typeof raw !== "object" || raw === null || !Array.isArray(exclude) || !exclude.every((g) => typeof g === "string")) {
    throw new ScanError(`The config file ${abs} must be an object like {"exclude": ["dist/**", "**/*.min.js"]}.`);
  }
  const unknown = Object.keys(raw).filter((k) => k !== "exclude" && k !== "$schema");
  if (unknown.length > 0) throw new ScanError(`The config file ${abs} has unknown keys: ${unknown.join(", ")}. Only "exclude" is supported.`);
  return { exclude };
}
function globToRegExp(glob) {
  let g = glob.startsWith("/") ? glob.slice(1) : glob.includes("/") ? glob : `**/${glob}`;
  if (g.endsWith("/")) g += "**";
  let re = "";
  for (let i = 0; i < g.length; i++) {
    const c = g[i];
    if (c === "*" && g[i + 1] === "*") {
      const slash = g[i + 2] === "/";
      re += slash ? "(?:.*/)?" : ".*";
      i += slash ? 2 : 1;
    } else if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else re += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}(?:/.*)?$`);
}
function excluder(globs) {
  const res = globs.map(globToRegExp);
  return (file) => res.some((re) => re.test(file));
}
function readBaseline(file) {
  if (!(0, import_node_fs5.existsSync)(file)) return /* @__PURE__ */ new Set();
  let data;
  try {
    data = JSON.parse((0, import_node_fs5.readFileSync)(file, "utf8"));
  } catch (e) {
    throw new ScanError(`The baseline ${file} is not valid JSON (${e.message}). Recreate it with --update-baseline.`);
  }
  if (data.version !== 1 || !Array.isArray(data.fingerprints)) {
    throw new ScanError(`The baseline ${file} is not a dhmad-scan baseline (version 1). Recreate it with --update-baseline.`);
  }
  return new Set(data.fingerprints);
}
function writeBaseline(root, file, findings) {
  const data = { version: 1, fingerprints: [...new Set(findings.map((f) => f.fingerprint))].sort() };
  writeNoFollow(root, file, JSON.stringify(data, null, 2) + "\n", "replace", "--update-baseline");
}
var import_node_fs5, import_node_path4, CONFIG_FILE;
var init_config = __esm({
  "src/config.ts"() {
    "use strict";
    init_import_meta_url();
    import_node_fs5 = require("node:fs");
    import_node_path4 = __toESM(require("node:path"), 1);
    init_errors();
    init_safe_write();
    CONFIG_FILE = ".dhmad-scan.json";
  }
});

// src/git.ts
function gitSync(cwd, args, input) {
  return asScanError(() => runGitSync(cwd, args, ENV, input));
}
function gitAsync(cwd, args, input) {
  return runGit(cwd, args, ENV, input).catch((e) => {
    throw scanErrorOf(e);
  });
}
function gitOk(cwd, args, what) {
  const r = gitSync(cwd, args);
  if (r.status !== 0) throw scanErrorOf(gitFailed(what, args, r));
  return r.stdout;
}
function findRepo2(dir) {
  return asScanError(() => findRepoSync(dir, "environment"));
}
function scanErrorOf(e) {
  if (!(e instanceof GitError)) return e;
  if (e.reason === "no-git" || e.message.includes("safe.directory")) return new ScanError(e.message);
  const advice = /not a git repository/.test(e.message) ? " git does not take this folder for a repository: check .git/HEAD (`git status` there says what it sees)." : " The repository may be damaged: `git fsck` there lists what is broken.";
  return new ScanError(`${e.message.replace(/\.?$/, ".")}${advice}`);
}
function asScanError(f) {
  try {
    return f();
  } catch (e) {
    throw scanErrorOf(e);
  }
}
async function catFileBatch(cwd, names, sink) {
  const child = spawnGit(cwd, ["cat-file", "--batch", "--buffer"], ENV, true);
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (s) => stderr += s);
  const exited = exitOf(child);
  const stdin = child.stdin;
  const writable = () => new Promise((resolve5) => {
    const done = () => {
      stdin.off("drain", done).off("close", done);
      resolve5();
    };
    stdin.on("drain", done).on("close", done);
  });
  const feeding = (async () => {
    let batch = "";
    try {
      for await (const name of names) {
        if (stdin.destroyed) return;
        batch += `${name}
`;
        if (batch.length < NAMES_PER_WRITE_BYTES) continue;
        const full = !stdin.write(batch);
        batch = "";
        if (full) await writable();
      }
      if (batch && !stdin.destroyed) stdin.write(batch);
    } finally {
      stdin.end();
    }
  })();
  feeding.catch(() => child.kill());
  let header = [];
  let oid = "";
  let remaining = -1;
  let wanted = false;
  let skipNewline = false;
  let outOfStep = false;
  read: for await (const piece of child.stdout) {
    let buf = piece;
    while (buf.length > 0) {
      if (skipNewline) {
        if (buf[0] !== 10) {
          outOfStep = true;
          break read;
        }
        buf = buf.subarray(1);
        skipNewline = false;
        continue;
      }
      if (remaining === -1) {
        const nl = buf.indexOf(10);
        if (nl === -1) {
          header.push(buf);
          break;
        }
        header.push(buf.subarray(0, nl));
        const line = Buffer.concat(header).toString("utf8");
        header = [];
        buf = buf.subarray(nl + 1);
        const [name, type, size] = line.split(" ");
        if (type === "missing" || type === "ambiguous" || size === void 0) {
          sink.missing(name);
          continue;
        }
        remaining = Number(size);
        if (!Number.isSafeInteger(remaining) || remaining < 0) {
          outOfStep = true;
          break read;
        }
        oid = name;
        wanted = sink.begin(oid, type, remaining);
        if (remaining === 0) {
          if (wanted) sink.end();
          remaining = -1;
          skipNewline = true;
        }
        continue;
      }
      const take = Math.min(remaining, buf.length);
      if (wanted) sink.data(buf.subarray(0, take));
      remaining -= take;
      buf = buf.subarray(take);
      if (remaining === 0) {
        if (wanted) sink.end();
        remaining = -1;
        skipNewline = true;
      }
    }
  }
  if (outOfStep) {
    child.kill();
    await exited;
    throw new ScanError(`git cat-file's output lost step at object ${oid.slice(0, 12)}: an object's content is not the size git gives for it, so the repository is damaged (\`git fsck\` there lists what is broken).`);
  }
  if (remaining !== -1) sink.missing(oid);
  await feeding;
  const code = await exited;
  if (code !== 0) throw scanErrorOf(new GitError(`Reading objects from git failed (git cat-file): ${gitReason(stderr, code)}`, "failed"));
}
async function* gitLines(cwd, args, what, separator = "\n", input) {
  const child = spawnGit(cwd, args, ENV, input !== void 0);
  if (input !== void 0) child.stdin.end(input);
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (s) => stderr += s);
  const exited = exitOf(child);
  let rest = "";
  let whole = false;
  try {
    for await (const piece of child.stdout.setEncoding("utf8")) {
      const records = (rest + piece).split(separator);
      rest = records.pop();
      yield* records;
    }
    whole = true;
  } finally {
    if (!whole) child.kill();
  }
  if (rest) yield rest;
  const code = await exited;
  if (code !== 0) throw scanErrorOf(new GitError(`${what} failed (git ${args[0]}): ${gitReason(stderr, code)}`, "failed"));
}
var ENV, NAMES_PER_WRITE_BYTES;
var init_git = __esm({
  "src/git.ts"() {
    "use strict";
    init_import_meta_url();
    init_dist();
    init_errors();
    ENV = gitEnv("environment");
    NAMES_PER_WRITE_BYTES = 4096;
  }
});

// src/detect.ts
function utf16Bom(head) {
  if (head.length < 2) return null;
  if (head[0] === 255 && head[1] === 254) return "utf-16le";
  if (head[0] === 254 && head[1] === 255) return "utf-16be";
  return null;
}
function sniffEncoding(head) {
  return utf16Bom(head) ?? (head.subarray(0, BINARY_SNIFF_BYTES).indexOf(0) === -1 ? "utf-8" : null);
}
function mayContainKey(buf) {
  let j = buf.indexOf(NEEDLE, 1);
  while (j !== -1) {
    if (buf[j - 1] === CC_s) {
      for (const p of PREFIX_BYTES) {
        let k = 3;
        const at = j - 1;
        while (k < p.length && at + k < buf.length && buf[at + k] === p[k]) k++;
        if (k === p.length || at + k === buf.length) return true;
      }
    }
    j = buf.indexOf(NEEDLE, j + 2);
  }
  return false;
}
function isSeparatorCode(c) {
  return !(c >= 48 && c <= 57 || c >= 65 && c <= 90 || c >= 97 && c <= 122 || c === CC_UNDERSCORE);
}
function safeCut(buf, from) {
  for (let s = buf.length - 2; s >= from; s--) if (isSeparatorCode(buf.charCodeAt(s))) return s + 1;
  const first = buf.indexOf(KEY_MARKER, from);
  return first === -1 ? Math.max(from, buf.length - 2) : first;
}
function detectInBuffer(buf, keepSecrets = false) {
  if (utf16Bom(buf) === null && !mayContainKey(buf)) return [];
  const d = new StreamDetector({ keepSecrets });
  for (let i = 0; i < buf.length; i += CHUNK_BYTES) d.push(buf.subarray(i, i + CHUNK_BYTES));
  return d.end();
}
var import_node_util, ALLOW_MARKER, BINARY_SNIFF_BYTES, CHUNK_BYTES, MAX_HELD_CHARS, CONTEXT_CHARS, PREFIX_BYTES, PREFILTER_OVERLAP, NEEDLE, CC_s, HeadSniffer, CC_UNDERSCORE, StreamDetector;
var init_detect = __esm({
  "src/detect.ts"() {
    "use strict";
    init_import_meta_url();
    init_key_format();
    import_node_util = require("node:util");
    init_findings();
    ALLOW_MARKER = "dhmad-scan:allow";
    BINARY_SNIFF_BYTES = 8192;
    CHUNK_BYTES = 1 << 20;
    MAX_HELD_CHARS = 4 * CHUNK_BYTES;
    CONTEXT_CHARS = Math.max(KEY_LEFT_CONTEXT, ALLOW_MARKER.length - 1);
    PREFIX_BYTES = Object.values(KEY_PREFIXES).map((p) => Buffer.from(p));
    PREFILTER_OVERLAP = Math.max(...PREFIX_BYTES.map((p) => p.length)) - 1;
    NEEDLE = Buffer.from("k_");
    CC_s = 115;
    HeadSniffer = class {
      /** Undefined until decided; then how the content is encoded, or null for binary. */
      encoding = void 0;
      held = [];
      heldBytes = 0;
      /** Start over for new content. */
      reset() {
        this.encoding = void 0;
        this.held = [];
        this.heldBytes = 0;
      }
      /** Take the next piece; returns the pieces now ready to scan (none while undecided, or for binary content). */
      add(piece) {
        if (this.encoding !== void 0) return this.encoding === null ? [] : [piece];
        this.held.push(piece);
        this.heldBytes += piece.length;
        return this.heldBytes >= BINARY_SNIFF_BYTES ? this.end() : [];
      }
      /** At the end of the content: decide on what is held, and return the pieces left to scan. */
      end() {
        if (this.encoding === void 0) {
          this.encoding = sniffEncoding(this.held.length === 1 ? this.held[0] : Buffer.concat(this.held));
        }
        const ready = this.encoding === null ? [] : this.held;
        this.held = [];
        return ready;
      }
    };
    CC_UNDERSCORE = 95;
    StreamDetector = class {
      decoder = null;
      /** The first bytes, held until there are enough to tell the encoding. */
      head = null;
      keepSecrets;
      out = [];
      /** Text not yet scanned for keys, and the {@link CONTEXT_CHARS} characters before it. */
      pending = "";
      context = "";
      /** Absolute offset (UTF-16 units since the start) of pending[0]. */
      pendingAt = 0;
      /** Line number (1-based) at absolute offset `cursor`, and where that line starts. */
      line = 1;
      lineStart = 0;
      cursor = 0;
      /** The last line seen to carry an allow marker, and the detections of a line whose end is not seen yet. */
      markerLine = 0;
      openLine = 0;
      open = [];
      constructor(options = {}) {
        this.keepSecrets = options.keepSecrets ?? false;
      }
      push(chunk) {
        if (this.decoder === null) {
          const head = this.head === null ? chunk : Buffer.concat([this.head, chunk]);
          if (head.length < 2) {
            this.head = Buffer.from(head);
            return;
          }
          this.head = null;
          this.decoder = new import_node_util.TextDecoder(utf16Bom(head) ?? "utf-8");
          chunk = head;
        }
        this.pending += this.decoder.decode(chunk, { stream: true });
        this.process(false);
      }
      end() {
        if (this.decoder === null) this.decoder = new import_node_util.TextDecoder("utf-8");
        this.pending += this.decoder.decode(this.head ?? void 0);
        this.head = null;
        this.process(true);
        return this.out;
      }
      /** Advance the line counter to absolute offset `to`, which lies in `buf` (starting at `bufAt`). */
      advance(buf, bufAt, to) {
        if (to <= this.cursor) return;
        let i = this.cursor - bufAt;
        const stop = to - bufAt;
        for (; ; ) {
          const nl = buf.indexOf("\n", i);
          if (nl === -1 || nl >= stop) break;
          this.line++;
          this.lineStart = bufAt + nl + 1;
          i = nl + 1;
        }
        this.cursor = to;
      }
      process(final) {
        const buf = this.context + this.pending;
        const from = this.context.length;
        const bufAt = this.pendingAt - from;
        let cut = final ? buf.length : safeCut(buf, from);
        if (cut <= from) {
          if (this.pending.length < MAX_HELD_CHARS) return;
          cut = buf.length - 2;
        }
        const keys = findKeys(buf, { malformed: true, from });
        let marker = buf.indexOf(ALLOW_MARKER, Math.max(0, from - ALLOW_MARKER.length + 1));
        let k = 0;
        for (; ; ) {
          const m = k < keys.length && keys[k].index < cut ? keys[k] : null;
          const markerDue = marker !== -1 && marker < cut && marker + ALLOW_MARKER.length <= buf.length;
          if (markerDue && (m === null || marker < m.index)) {
            this.advance(buf, bufAt, bufAt + marker);
            this.markerLine = this.line;
            if (this.openLine === this.line) for (const d of this.open.splice(0)) d.allowed = true;
            marker = buf.indexOf(ALLOW_MARKER, marker + 1);
          } else if (m !== null) {
            this.report(buf, bufAt, m);
            k++;
          } else {
            break;
          }
        }
        if (final) {
          this.pending = "";
          return;
        }
        this.advance(buf, bufAt, bufAt + cut);
        this.context = buf.slice(Math.max(0, cut - CONTEXT_CHARS), cut);
        this.pending = buf.slice(cut);
        this.pendingAt = bufAt + cut;
      }
      report(buf, bufAt, m) {
        const at = bufAt + m.index;
        this.advance(buf, bufAt, at);
        const token = buf.slice(m.index, m.index + m.length);
        const d = {
          kind: m.kind,
          environment: m.environment,
          keyPrefix: m.keyPrefix,
          line: this.line,
          column: at - this.lineStart + 1,
          digest: keyDigest(token),
          allowed: this.markerLine === this.line
        };
        if (this.keepSecrets) Object.defineProperty(d, "secret", { value: token, enumerable: false });
        if (!d.allowed) {
          if (this.openLine !== this.line) this.open = [];
          this.openLine = this.line;
          this.open.push(d);
        }
        this.out.push(d);
      }
    };
  }
});

// src/sources/blobs.ts
function piecesMayContainKey(pieces) {
  for (let i = 0; i < pieces.length; i++) {
    if (mayContainKey(pieces[i])) return true;
    if (i > 0) {
      const prev = pieces[i - 1];
      const seam = Buffer.concat([prev.subarray(prev.length - PREFILTER_OVERLAP), pieces[i].subarray(0, PREFILTER_OVERLAP)]);
      if (mayContainKey(seam)) return true;
    }
  }
  return false;
}
var WHOLE_BLOB_BYTES, BlobScanner;
var init_blobs = __esm({
  "src/sources/blobs.ts"() {
    "use strict";
    init_import_meta_url();
    init_detect();
    WHOLE_BLOB_BYTES = 16 * CHUNK_BYTES;
    BlobScanner = class {
      constructor(collector, onFirstHit) {
        this.collector = collector;
        this.onFirstHit = onFirstHit;
      }
      collector;
      onFirstHit;
      hits = /* @__PURE__ */ new Map();
      oid = "";
      sniffer = new HeadSniffer();
      pieces = [];
      size = 0;
      stream = null;
      begin(oid, type, size) {
        if (type !== "blob") return false;
        this.oid = oid;
        this.sniffer.reset();
        this.pieces = [];
        this.size = size;
        this.stream = null;
        return true;
      }
      missing(oid) {
        this.collector.unreadable(`object ${oid.slice(0, 12)}`, "missing or corrupt in the repository (git fsck says which)");
      }
      data(chunk) {
        for (const piece of this.sniffer.add(chunk)) this.take(piece);
      }
      /** A piece of a blob known to be text. */
      take(piece) {
        if (this.stream) {
          this.stream.push(piece);
        } else if (this.size > WHOLE_BLOB_BYTES) {
          this.stream = new StreamDetector({ keepSecrets: this.collector.keepSecrets });
          this.stream.push(piece);
        } else {
          this.pieces.push(piece);
        }
      }
      /** A blob read whole, not from `cat-file` (a loose staged object). */
      whole(oid, content) {
        this.begin(oid, "blob", content.length);
        this.data(content);
        this.end();
      }
      end() {
        const { stats, keepSecrets } = this.collector;
        for (const piece of this.sniffer.end()) this.take(piece);
        const encoding = this.sniffer.encoding;
        if (encoding === null) {
          stats.skippedBinary++;
          return;
        }
        stats.files++;
        stats.bytes += this.size;
        const found = this.stream ? this.stream.end() : encoding !== "utf-8" || piecesMayContainKey(this.pieces) ? detectInBuffer(this.pieces.length === 1 ? this.pieces[0] : Buffer.concat(this.pieces), keepSecrets) : [];
        this.pieces = [];
        this.stream = null;
        if (found.length > 0) {
          if (this.hits.size === 0) this.onFirstHit?.();
          this.hits.set(this.oid, found);
        }
        if ((stats.files & 1023) === 0) this.collector.progress();
      }
    };
  }
});

// src/sources/tree-file.ts
function openTarget(target, collector) {
  const { stats } = collector;
  try {
    if (OPEN_FLAGS === null) {
      const st = (0, import_node_fs8.lstatSync)(target.abs);
      if (st.isSymbolicLink()) {
        stats.skippedSymlinks++;
        return null;
      }
      if (st.isDirectory()) {
        stats.skippedSubmodules++;
        return null;
      }
      if (!st.isFile()) return null;
    }
    return (0, import_node_fs8.openSync)(target.abs, OPEN_FLAGS ?? "r");
  } catch (e) {
    const code = e.code;
    if (code === "ENOENT") return null;
    if (code === "ELOOP") {
      stats.skippedSymlinks++;
      return null;
    }
    collector.unreadable(target.file, code ?? String(e));
    return null;
  }
}
function scanFile(target, collector) {
  const { stats } = collector;
  const fd = openTarget(target, collector);
  if (fd === null) return;
  try {
    const buf = shared ??= Buffer.allocUnsafe(CHUNK_BYTES);
    const keep = PREFILTER_OVERLAP;
    let n;
    try {
      n = (0, import_node_fs8.readSync)(fd, buf, 0, CHUNK_BYTES, 0);
    } catch (e) {
      if (e.code !== "EISDIR") throw e;
      stats.skippedSubmodules++;
      return;
    }
    const encoding = sniffEncoding(buf.subarray(0, n));
    if (encoding === null) {
      stats.skippedBinary++;
      return;
    }
    stats.files++;
    stats.bytes += n;
    let hit = encoding !== "utf-8" || mayContainKey(buf.subarray(0, n));
    let pos = n;
    while (!hit && n === CHUNK_BYTES) {
      buf.copy(buf, 0, CHUNK_BYTES - keep, CHUNK_BYTES);
      n = (0, import_node_fs8.readSync)(fd, buf, keep, CHUNK_BYTES - keep, pos);
      if (n === 0) break;
      pos += n;
      stats.bytes += n;
      hit = mayContainKey(buf.subarray(0, n + keep));
      n += keep;
    }
    if (!hit) return;
    const detector = new StreamDetector({ keepSecrets: collector.keepSecrets });
    let at = 0;
    for (; ; ) {
      const m = (0, import_node_fs8.readSync)(fd, buf, 0, CHUNK_BYTES, at);
      if (m === 0) break;
      if (at >= pos) stats.bytes += m;
      at += m;
      detector.push(buf.subarray(0, m));
    }
    collector.detections(target.file, null, detector.end());
  } catch (e) {
    collector.unreadable(target.file, e.code ?? String(e));
  } finally {
    (0, import_node_fs8.closeSync)(fd);
  }
}
var import_node_fs8, shared, OPEN_FLAGS;
var init_tree_file = __esm({
  "src/sources/tree-file.ts"() {
    "use strict";
    init_import_meta_url();
    import_node_fs8 = require("node:fs");
    init_detect();
    shared = null;
    OPEN_FLAGS = import_node_fs8.constants.O_NOFOLLOW === void 0 ? null : import_node_fs8.constants.O_RDONLY | import_node_fs8.constants.O_NOFOLLOW | import_node_fs8.constants.O_NONBLOCK;
  }
});

// src/sources/tree-parallel.ts
var tree_parallel_exports = {};
__export(tree_parallel_exports, {
  PARALLEL_MIN_FILES: () => PARALLEL_MIN_FILES,
  ScanPool: () => ScanPool,
  indexEntries: () => indexEntries
});
function indexEntries(gitDir) {
  const head = Buffer.alloc(12);
  try {
    const fd = (0, import_node_fs9.openSync)(import_node_path7.default.join(gitDir, "index"), "r");
    try {
      if ((0, import_node_fs9.readSync)(fd, head, 0, 12, 0) < 12) return 0;
    } finally {
      (0, import_node_fs9.closeSync)(fd);
    }
  } catch {
    return 0;
  }
  return head.toString("latin1", 0, 4) === "DIRC" ? head.readUInt32BE(8) : 0;
}
function drain(targets, next, collector, tick) {
  for (; ; ) {
    const i = Atomics.add(next, 0, 1);
    if (i >= targets.length) return;
    scanFile(targets[i], collector);
    tick?.();
  }
}
var import_node_fs9, import_node_os2, import_node_path7, import_node_worker_threads, PARALLEL_MIN_FILES, ScanPool;
var init_tree_parallel = __esm({
  "src/sources/tree-parallel.ts"() {
    "use strict";
    init_import_meta_url();
    import_node_fs9 = require("node:fs");
    import_node_os2 = __toESM(require("node:os"), 1);
    import_node_path7 = __toESM(require("node:path"), 1);
    import_node_worker_threads = require("node:worker_threads");
    init_collector();
    init_scan_thread();
    init_tree_file();
    PARALLEL_MIN_FILES = 4096;
    ScanPool = class {
      helpers = [];
      /** Set by the first start, and by close: a closed pool never starts threads. */
      started = false;
      /** Start the helpers now when the repository's index already lists enough files. */
      startIfBig(gitDir) {
        if (indexEntries(gitDir) >= PARALLEL_MIN_FILES) this.start();
      }
      start() {
        if (this.started) return;
        this.started = true;
        const extra = Math.min(import_node_os2.default.availableParallelism(), 4) - 1;
        for (let w = 0; w < extra; w++) {
          const marker = { dhmadScanJob: true };
          const worker = new import_node_worker_threads.Worker(new URL(importMetaUrl), { workerData: marker, argv: [SCAN_THREAD_ARG] });
          const result = new Promise((resolve5, reject) => {
            worker.once("message", resolve5);
            worker.once("error", reject);
            worker.once("exit", (code) => reject(new Error(`A scan thread stopped (exit code ${code}) before it reported.`)));
          });
          result.catch(() => void 0);
          this.helpers.push({ worker, result });
        }
      }
      /** Start the helpers if `files` are enough to need them (else {@link scan} stops them). */
      prepare(files) {
        if (files >= PARALLEL_MIN_FILES) this.start();
      }
      /** Scan the listed files on this thread and, when there are enough of them, on the helpers too. */
      async scan(targets, collector, tick) {
        this.prepare(targets.length);
        const helpers = targets.length >= PARALLEL_MIN_FILES ? this.helpers.splice(0) : [];
        this.close();
        const next = new SharedArrayBuffer(4);
        for (const h of helpers) {
          const job = { targets, next, keepSecrets: collector.keepSecrets };
          h.worker.postMessage(job);
        }
        drain(targets, new Int32Array(next), collector, tick);
        for (const result of await Promise.all(helpers.map((h) => h.result))) {
          result.findings.forEach((f, i) => collector.adopt(f, result.secrets[i] ?? void 0));
          collector.merge(result.stats);
        }
      }
      /** Stop the helpers that were not used; none start after this (a listing still running after an error). */
      close() {
        this.started = true;
        for (const h of this.helpers.splice(0)) void h.worker.terminate();
      }
    };
    if (!import_node_worker_threads.isMainThread && import_node_worker_threads.parentPort && import_node_worker_threads.workerData?.dhmadScanJob === true) {
      const port = import_node_worker_threads.parentPort;
      port.once("message", (job) => {
        const collector = new Collector({ keepSecrets: job.keepSecrets });
        drain(job.targets, new Int32Array(job.next), collector);
        const result = {
          findings: collector.findings,
          secrets: collector.findings.map((f) => secretOf(f) ?? null),
          stats: collector.stats
        };
        port.postMessage(result);
        port.close();
      });
    }
  }
});

// src/sources/history-walk.ts
async function scanEveryRef(cwd, sink, walkLimit = WALK_LIMIT) {
  let early = null;
  const named = walk2(cwd, ALL, NO_BLOBS, [], KEY_NAMES, { stopped: () => early !== null });
  named.catch(() => void 0);
  const hits = await scanBlobs(cwd, sink, [], () => {
    early = walk2(cwd, ALL, null, [], [], { limit: walkLimit });
    early.catch(() => void 0);
  });
  if (hits.size === 0) report(await named, hits, sink);
  else report(await early ?? await walkAppearances(cwd, ALL, new Set(hits.keys())), hits, sink);
}
function countCommits(cwd, revisions) {
  const count = gitSync(cwd, ["rev-list", "--count", ...revisions]);
  if (count.status !== 0) throw new ScanError(`Counting the commits failed (git rev-list): ${count.stderr}`);
  return Number(count.stdout.toString("utf8").trim());
}
async function scanBlobs(cwd, sink, exclude = [], onFirstHit) {
  const scanner = new BlobScanner(sink, onFirstHit);
  const input = exclude.length > 0 ? exclude.map((tip) => `^${tip}
`).join("") : void 0;
  async function* blobs() {
    const args = ["rev-list", "--objects", "--filter=object:type=blob", "--all", ...input ? ["--stdin"] : []];
    for await (const line of gitLines(cwd, args, "Listing the history", "\n", input)) {
      const space = line.indexOf(" ");
      const oid = space === -1 ? line : line.slice(0, space);
      if (OID.test(oid)) yield oid;
    }
  }
  await catFileBatch(cwd, blobs(), scanner);
  return scanner.hits;
}
function report(appearances, hits, sink) {
  const wanted = /* @__PURE__ */ new Map();
  const reported = /* @__PURE__ */ new Set();
  for (const a of appearances) {
    let wants = wanted.get(a.path);
    if (wants === void 0) {
      wants = sink.wants(a.path, a.commit);
      wanted.set(a.path, wants);
    }
    const found = hits.get(a.oid);
    if (!wants || !found) continue;
    const fresh = found.filter((d) => {
      const id = `${d.digest}\0${a.path}`;
      if (reported.has(id)) return false;
      reported.add(id);
      return true;
    });
    sink.detections(a.path, a.commit, fresh);
  }
}
async function walkKeyNames(cwd, revisions, exclude = []) {
  return await walk2(cwd, revisions, NO_BLOBS, exclude, KEY_NAMES);
}
async function walkAppearances(cwd, revisions, wanted, exclude = []) {
  return await walk2(cwd, revisions, wanted, exclude, []);
}
async function walk2(cwd, revisions, wanted, exclude, pathspec, { stopped, limit = Infinity } = {}) {
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  const input = exclude.length > 0 ? exclude.map((tip) => `^${tip}
`).join("") : void 0;
  const tokens = gitLines(
    cwd,
    [
      "log",
      "--reverse",
      "-m",
      "--raw",
      "-z",
      "--no-abbrev",
      "--no-renames",
      "--format=%x01%H",
      ...pathspec.length > 0 ? ["--full-history"] : [],
      ...revisions,
      ...input ? ["--stdin"] : [],
      "--",
      ...pathspec
    ],
    "Finding the commits that introduced the findings",
    "\0",
    input
  );
  let commit = "";
  let pending = null;
  let expectPath = false;
  for await (let token of tokens) {
    if (out.length > limit || stopped?.()) return null;
    if (expectPath) {
      expectPath = false;
      if (pending !== null && (pending.blob || token.includes(KEY_MARKER))) {
        const id = `${pending.oid}\0${token}`;
        if (!seen.has(id)) {
          seen.add(id);
          out.push({ oid: pending.oid, path: token, commit, order: out.length, ...pending.gitlink ? { gitlink: true } : {} });
        }
      }
      pending = null;
      continue;
    }
    if (token.startsWith("\n")) token = token.slice(1);
    if (token.startsWith("")) {
      commit = token.slice(1).trim();
    } else if (token.startsWith(":")) {
      const fields = token.slice(1).split(" ");
      const mode = fields[1] ?? "";
      const oid = fields[3] ?? "";
      const status = fields[4] ?? "";
      expectPath = true;
      const gitlink = mode === "160000";
      pending = status === "D" ? null : { oid, gitlink, blob: !gitlink && (wanted === null || wanted.has(oid)) };
    }
  }
  return out;
}
var OID, ALL, NO_BLOBS, WALK_LIMIT, KEY_NAMES;
var init_history_walk = __esm({
  "src/sources/history-walk.ts"() {
    "use strict";
    init_import_meta_url();
    init_key_format();
    init_errors();
    init_git();
    init_blobs();
    OID = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
    ALL = ["--all"];
    NO_BLOBS = /* @__PURE__ */ new Set();
    WALK_LIMIT = 25e4;
    KEY_NAMES = [`:(top)*${KEY_MARKER}*`];
  }
});

// src/checkpoint.ts
function refuseLink(file) {
  let st;
  try {
    st = (0, import_node_fs11.lstatSync)(file);
  } catch {
    return;
  }
  if (st.isSymbolicLink()) {
    throw new ScanError(`--checkpoint ${file} is a symlink, and dhmad-scan never reads or writes a checkpoint through one. Give the path of a regular file.`);
  }
}
function readCheckpoint(file) {
  refuseLink(file);
  let text;
  try {
    const fd = (0, import_node_fs11.openSync)(file, import_node_fs11.constants.O_RDONLY | (import_node_fs11.constants.O_NOFOLLOW ?? 0));
    try {
      text = (0, import_node_fs11.readFileSync)(fd, "utf8");
    } finally {
      (0, import_node_fs11.closeSync)(fd);
    }
  } catch (e) {
    const code = e.code;
    if (code === "ENOENT") return { missing: true };
    return { unusable: `it cannot be read (${code ?? String(e)})` };
  }
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return { unusable: "it is not a dhmad-scan checkpoint (not JSON)" };
  }
  if (data.dhmadScanCheckpoint !== FORMAT) {
    return { unusable: data.dhmadScanCheckpoint === void 0 ? "it is not a dhmad-scan checkpoint" : "it was written by another version of dhmad-scan" };
  }
  const { tips, roots, newest, commits, hits, named, appearances, rewalk } = data;
  if (!Array.isArray(tips) || !Array.isArray(roots) || typeof newest !== "number" || typeof commits !== "number" || typeof hits !== "object" || hits === null || !Array.isArray(named) || !Array.isArray(appearances) || !Array.isArray(rewalk)) {
    return { unusable: "it is incomplete" };
  }
  return { checkpoint: { tips, roots, newest, commits, hits, named, appearances, rewalk } };
}
function writeCheckpoint(file, checkpoint) {
  refuseLink(file);
  refuseLinkedFolder(process.cwd(), file, "--checkpoint");
  const hits = {};
  for (const [oid, ds] of Object.entries(checkpoint.hits)) hits[oid] = ds.map((d) => ({ ...d }));
  const stored = { dhmadScanCheckpoint: FORMAT, ...checkpoint, hits };
  const text = JSON.stringify(stored);
  if (redactText(text) !== text) throw new ScanError("Internal error: a checkpoint would hold a key, so none was written.");
  const tmp = import_node_path9.default.join(import_node_path9.default.dirname(import_node_path9.default.resolve(file)), `.${import_node_path9.default.basename(file)}.${(0, import_node_crypto.randomBytes)(6).toString("hex")}.tmp`);
  let fd;
  try {
    fd = (0, import_node_fs11.openSync)(tmp, import_node_fs11.constants.O_WRONLY | import_node_fs11.constants.O_CREAT | import_node_fs11.constants.O_EXCL | (import_node_fs11.constants.O_NOFOLLOW ?? 0), 384);
  } catch (e) {
    throw new ScanError(`--checkpoint: cannot write beside ${file} (${e.code ?? String(e)}).`);
  }
  try {
    (0, import_node_fs11.writeSync)(fd, text);
    (0, import_node_fs11.closeSync)(fd);
    (0, import_node_fs11.renameSync)(tmp, file);
  } catch (e) {
    (0, import_node_fs11.rmSync)(tmp, { force: true });
    throw new ScanError(`--checkpoint: cannot write ${file} (${e.code ?? String(e)}).`);
  }
}
function storable(a) {
  return redactText(a.path) === a.path ? { oid: a.oid, path: a.path, commit: a.commit } : null;
}
var import_node_crypto, import_node_fs11, import_node_path9, FORMAT;
var init_checkpoint = __esm({
  "src/checkpoint.ts"() {
    "use strict";
    init_import_meta_url();
    import_node_crypto = require("node:crypto");
    import_node_fs11 = require("node:fs");
    import_node_path9 = __toESM(require("node:path"), 1);
    init_key_format();
    init_errors();
    init_safe_write();
    FORMAT = 2;
  }
});

// src/sources/history-checkpoint.ts
var history_checkpoint_exports = {};
__export(history_checkpoint_exports, {
  scanWithCheckpoint: () => scanWithCheckpoint
});
async function gitList(cwd, args, what, input) {
  const r = await gitAsync(cwd, args, input);
  if (r.status !== 0) throw new ScanError(`${what} failed (git ${args[0]}): ${r.stderr}`);
  return lines(r.stdout);
}
async function currentTips(cwd) {
  const [refs, head] = await Promise.all([gitList(cwd, ["for-each-ref", "--format=%(objectname)"], "Listing the refs"), gitAsync(cwd, ["rev-parse", "--verify", "--quiet", "HEAD"])]);
  if (head.status === 0) refs.push(...lines(head.stdout));
  return [...new Set(refs)].sort();
}
function newestOf(xs, floor) {
  let m = floor;
  for (const x of xs) if (x > m) m = x;
  return m;
}
async function commitsSince(cwd, exclude) {
  const input = exclude.length > 0 ? negated(exclude) : void 0;
  const out = await gitList(cwd, ["log", "--format=%ct %H %P", "--all", ...input ? ["--stdin"] : [], "--"], "Listing the commits", input);
  const dates = [];
  const roots = [];
  for (const line of out) {
    const [date, commit, parent] = line.split(" ");
    dates.push(Number(date));
    if (!parent) roots.push(commit);
  }
  return { dates, roots };
}
async function lostCommits(cwd, tips) {
  const r = await gitAsync(cwd, ["rev-list", "--count", "--stdin", "--not", "--all"], tips.map((t) => `${t}
`).join(""));
  return r.status !== 0 || lines(r.stdout)[0] !== "0";
}
function nextCheckpoint(covered, hits, named, appearances) {
  const kept = [];
  const rewalk = /* @__PURE__ */ new Set();
  for (const a of appearances) {
    const s = storable(a);
    if (s) kept.push(s);
    else rewalk.add(a.oid);
  }
  return { ...covered, hits: Object.fromEntries(hits), named: [...named], appearances: kept, rewalk: [...rewalk] };
}
function record(sink, file, checkpoint) {
  if (sink.stats.unreadable.length === 0) {
    writeCheckpoint(file, checkpoint);
  } else if (sink.stats.checkpoint) {
    sink.stats.checkpoint.note += "; the checkpoint was not updated, since the scan is incomplete";
  }
}
async function refuseTracked(workTree, file) {
  const r = await gitAsync(workTree, ["ls-files", "-z", "--", import_node_path10.default.resolve(file)]);
  if (r.status === 0 && r.stdout.length > 0) {
    throw new ScanError(
      `--checkpoint ${file} is a file of the repository (git tracks it), and a checkpoint that comes with the commits could claim anything was scanned. Keep it outside the repository, or untracked (as a CI cache restores it).`
    );
  }
}
async function unusable(cwd, checkpoint) {
  if (!await lostCommits(cwd, checkpoint.tips)) return null;
  const { roots } = await commitsSince(cwd, []);
  if (!checkpoint.roots.some((r) => roots.includes(r))) return "it is of another repository (other root commits)";
  return "commits it covered are gone (history was rewritten by a force-push, or a branch was deleted)";
}
async function scanWithCheckpoint(cwd, file, sink, workTree = null) {
  if (workTree !== null) await refuseTracked(workTree, file);
  const read = readCheckpoint(file);
  const tipsNow = currentTips(cwd);
  const why = "checkpoint" in read ? await unusable(cwd, read.checkpoint) : null;
  const base = "checkpoint" in read && why === null ? read.checkpoint : null;
  if ("missing" in read) sink.stats.checkpoint = { incremental: false, note: `no checkpoint at ${file} yet: scanned the whole history` };
  else if ("unusable" in read) sink.stats.checkpoint = { incremental: false, note: `the checkpoint ${file} was not used (${read.unusable}): scanned the whole history` };
  else if (why) sink.stats.checkpoint = { incremental: false, note: `the checkpoint ${file} no longer matches (${why}): scanned the whole history` };
  const exclude = base?.tips ?? [];
  const [tips, since, found, walked] = await Promise.all([
    tipsNow,
    commitsSince(cwd, exclude),
    scanBlobs(cwd, sink, exclude),
    base ? walkAppearances(cwd, ["--all"], null, exclude) : walkKeyNames(cwd, ["--all"])
  ]);
  const hits = new Map(Object.entries(base?.hits ?? {}));
  for (const [oid, ds] of found) hits.set(oid, ds);
  const named = /* @__PURE__ */ new Set([...base?.named ?? [], ...walked.filter((a) => a.path.includes(KEY_MARKER)).map((a) => a.oid)]);
  const wanted = /* @__PURE__ */ new Set([...hits.keys(), ...named]);
  sink.stats.commits = (base?.commits ?? 0) + since.dates.length;
  let appearances;
  if (!base) {
    appearances = hits.size === 0 ? walked : await walkAppearances(cwd, ["--all"], wanted);
  } else {
    const fresh = walked.filter((a) => wanted.has(a.oid));
    const oldPaths = new Set(base.appearances.map((a) => a.path));
    const ambiguous = since.dates.some((d) => d <= base.newest) && fresh.some((a) => oldPaths.has(a.path));
    if (ambiguous || base.rewalk.length > 0) {
      appearances = await walkAppearances(cwd, ["--all"], wanted);
    } else {
      const seen = new Set(base.appearances.map((a) => `${a.oid}\0${a.path}`));
      appearances = [...base.appearances, ...fresh.filter((a) => !seen.has(`${a.oid}\0${a.path}`))];
    }
    sink.stats.checkpoint = { incremental: true, note: `scanned the ${since.dates.length} commits new since the checkpoint ${file}` };
  }
  report(appearances, hits, sink);
  const covered = {
    tips,
    roots: [.../* @__PURE__ */ new Set([...base?.roots ?? [], ...since.roots])].sort(),
    newest: newestOf(since.dates, base?.newest ?? 0),
    commits: sink.stats.commits
  };
  record(sink, file, nextCheckpoint(covered, hits, named, appearances));
}
var import_node_path10, lines, negated;
var init_history_checkpoint = __esm({
  "src/sources/history-checkpoint.ts"() {
    "use strict";
    init_import_meta_url();
    import_node_path10 = __toESM(require("node:path"), 1);
    init_key_format();
    init_checkpoint();
    init_errors();
    init_git();
    init_history_walk();
    lines = (buf) => buf.toString("utf8").split("\n").filter(Boolean);
    negated = (tips) => tips.map((t) => `^${t}
`).join("");
  }
});

// src/sources/history.ts
var history_exports = {};
__export(history_exports, {
  HistorySource: () => HistorySource
});
var HistorySource;
var init_history = __esm({
  "src/sources/history.ts"() {
    "use strict";
    init_import_meta_url();
    init_errors();
    init_git();
    init_blobs();
    init_history_walk();
    HistorySource = class {
      constructor(ctx, range, checkpoint = null) {
        this.ctx = ctx;
        this.range = range;
        this.checkpoint = checkpoint;
      }
      ctx;
      range;
      checkpoint;
      roots = [];
      repo = null;
      async prepare() {
        this.repo = await this.ctx.repo;
        if (!this.repo || !this.range) return;
        for (const part of this.range.split(/\.\.\.?/).filter(Boolean)) {
          const rev = part.replace(/\^(?:!|@|-\d*)$/, "");
          if (gitSync(this.repo.gitDir, ["rev-parse", "--verify", "--quiet", `${rev}^{commit}`]).status !== 0) {
            const shallow = gitSync(this.repo.gitDir, ["rev-parse", "--is-shallow-repository"]).stdout.toString("utf8").trim() === "true";
            throw new ScanError(
              `--history range ${this.range}: ${part} is not a commit in this repository${shallow ? " (a shallow clone: `git fetch --unshallow` brings the older commits)" : ""}.`
            );
          }
        }
      }
      async scan(sink) {
        const cwd = this.repo.gitDir;
        if (this.checkpoint) {
          const { scanWithCheckpoint: scanWithCheckpoint2 } = await Promise.resolve().then(() => (init_history_checkpoint(), history_checkpoint_exports));
          await scanWithCheckpoint2(cwd, this.checkpoint, sink, this.repo.root);
          return;
        }
        const revisions = this.range ? [this.range] : ["--all"];
        sink.stats.commits = countCommits(cwd, revisions);
        if (this.range) {
          const scanner = new BlobScanner(sink);
          const appearances = await walkAppearances(cwd, revisions, null);
          await catFileBatch(cwd, new Set(appearances.filter((a) => !a.gitlink).map((a) => a.oid)), scanner);
          report(appearances, scanner.hits, sink);
        } else {
          await scanEveryRef(cwd, sink);
        }
      }
      close() {
      }
    };
  }
});

// src/sources/stdin.ts
var stdin_exports = {};
__export(stdin_exports, {
  StdinSource: () => StdinSource
});
var StdinSource;
var init_stdin = __esm({
  "src/sources/stdin.ts"() {
    "use strict";
    init_import_meta_url();
    init_detect();
    StdinSource = class {
      constructor(input, file) {
        this.input = input;
        this.file = file;
      }
      input;
      file;
      roots = [];
      async prepare() {
      }
      async scan(sink) {
        if (!sink.wants(this.file)) return;
        const detector = new StreamDetector({ keepSecrets: sink.keepSecrets });
        const sniffer = new HeadSniffer();
        for await (const chunk of this.input) {
          sink.stats.bytes += chunk.length;
          for (const piece of sniffer.add(chunk)) detector.push(piece);
          if (sniffer.encoding === null) break;
        }
        for (const piece of sniffer.end()) detector.push(piece);
        if (sniffer.encoding === null) {
          sink.stats.skippedBinary++;
          return;
        }
        sink.stats.files++;
        sink.detections(this.file, null, detector.end());
      }
      close() {
      }
    };
  }
});

// ../sdk/dist/internal/redact.js
function scrubHeaders(headers) {
  const out = {};
  if (!headers)
    return out;
  const entries = headers instanceof Headers ? headers.entries() : Object.entries(headers);
  for (const [name, value] of entries) {
    const lower = name.toLowerCase();
    out[lower] = CREDENTIAL_HEADERS.has(lower) ? "[redacted]" : redactText(value);
  }
  return out;
}
function requestIdOf(headers) {
  const id = headers?.get("x-request-id");
  return id === null || id === void 0 ? void 0 : redactText(id);
}
function safeCause(err) {
  if (typeof err === "string")
    return redactText(err);
  if (!(err instanceof Error) || !mentionsKey(err, 0))
    return err;
  const copy = new Error(redactText(err.message), { cause: safeCause(err.cause) });
  copy.name = err.name;
  copy.stack = `${copy.name}: ${copy.message}`;
  const code = err.code;
  if (code !== void 0)
    Object.assign(copy, { code });
  return copy;
}
function mentionsKey(err, depth) {
  const text = `${err.message}
${err.stack ?? ""}`;
  if (redactText(text) !== text)
    return true;
  return depth < 4 && err.cause instanceof Error && mentionsKey(err.cause, depth + 1);
}
var CREDENTIAL_HEADERS;
var init_redact = __esm({
  "../sdk/dist/internal/redact.js"() {
    "use strict";
    init_import_meta_url();
    init_key_format();
    CREDENTIAL_HEADERS = /* @__PURE__ */ new Set(["authorization", "x-api-key", "cookie", "set-cookie", "proxy-authorization"]);
  }
});

// ../sdk/dist/core/errors.js
function reasonFromMessage(message) {
  const m = message.toLowerCase().replace("invalid or expired api key", "");
  if (m.includes("missing"))
    return "missing";
  if (m.includes("regenerat"))
    return "regenerated";
  if (m.includes("environment") || /\b(live|sandbox) (api|key|host)/.test(m))
    return "wrong_environment";
  if (m.includes("inactive") || m.includes("deactivated"))
    return "inactive";
  if (m.includes("expired"))
    return "expired";
  if (m.includes("malformed") || m.includes("format"))
    return "malformed";
  if (m.includes("unknown") || m.includes("deleted") || m.includes("not recognized") || m.includes("no such key"))
    return "unknown";
  return void 0;
}
function asRecord(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? value : void 0;
}
function retryAfterSeconds(headers) {
  const raw = headers?.get("retry-after");
  if (raw == null || raw === "")
    return void 0;
  const n = Number(raw);
  if (Number.isFinite(n) && n >= 0)
    return n;
  const date = Date.parse(raw);
  if (Number.isNaN(date))
    return void 0;
  return Math.max(0, (date - Date.now()) / 1e3);
}
var DhmadError, DhmadConfigError, InvalidApiKeyError, APIError, BadRequestError, AUTH_REASONS, AuthenticationError, PermissionDeniedError, NotFoundError, ConflictError, UnprocessableEntityError, RateLimitError, InternalServerError, APIConnectionError, APIConnectionTimeoutError, APIUserAbortError;
var init_errors2 = __esm({
  "../sdk/dist/core/errors.js"() {
    "use strict";
    init_import_meta_url();
    init_key_format();
    init_redact();
    DhmadError = class extends Error {
      constructor(message, options) {
        super(redactText(message), options);
        this.name = new.target.name;
      }
    };
    DhmadConfigError = class extends DhmadError {
    };
    InvalidApiKeyError = class extends DhmadConfigError {
      problem;
      /** The environment the key's prefix names, when it names one. */
      environment;
      constructor(problem, message, environment) {
        super(message);
        this.problem = problem;
        this.environment = environment;
      }
    };
    APIError = class _APIError extends DhmadError {
      /** HTTP status code. */
      status;
      /** The HTTP reason phrase the API puts in `error` (e.g. `Unauthorized`). */
      error;
      /** The body's `details`, e.g. per-field problems for a 400 or `reason` for a 401. */
      details;
      /** From the `x-request-id` response header; quote it when contacting DHMAD support. */
      requestId;
      /** Response headers, credentials removed. */
      headers;
      constructor(init) {
        const body = asRecord(init.body);
        const serverMessage = typeof body?.message === "string" ? body.message : void 0;
        super(serverMessage ?? `Request failed with status ${init.status}${init.statusText ? ` (${init.statusText})` : ""}.`);
        this.status = init.status;
        this.error = typeof body?.error === "string" ? redactText(body.error) : void 0;
        const details = asRecord(body?.details);
        this.details = details ? redactJson(details) : void 0;
        this.requestId = requestIdOf(init.headers);
        this.headers = scrubHeaders(init.headers);
      }
      /** The error class for a status; the retry loop and tests use this. */
      static generate(init) {
        const s = init.status;
        if (s === 400)
          return new BadRequestError(init);
        if (s === 401)
          return new AuthenticationError(init);
        if (s === 403)
          return new PermissionDeniedError(init);
        if (s === 404)
          return new NotFoundError(init);
        if (s === 409)
          return new ConflictError(init);
        if (s === 422)
          return new UnprocessableEntityError(init);
        if (s === 429)
          return new RateLimitError(init);
        if (s >= 500)
          return new InternalServerError(init);
        return new _APIError(init);
      }
    };
    BadRequestError = class extends APIError {
    };
    AUTH_REASONS = [
      "missing",
      "malformed",
      "unknown",
      "inactive",
      "expired",
      "regenerated",
      "wrong_environment"
    ];
    AuthenticationError = class extends APIError {
      reason;
      constructor(init) {
        super(init);
        const fromDetails = this.details?.reason;
        this.reason = typeof fromDetails === "string" && AUTH_REASONS.includes(fromDetails) ? fromDetails : reasonFromMessage(this.message);
      }
    };
    PermissionDeniedError = class extends APIError {
    };
    NotFoundError = class extends APIError {
    };
    ConflictError = class extends APIError {
    };
    UnprocessableEntityError = class extends APIError {
    };
    RateLimitError = class extends APIError {
      /** Seconds to wait before trying again, from the body's `retryAfter` or the `Retry-After` header. */
      retryAfter;
      constructor(init) {
        super(init);
        const fromBody = asRecord(init.body)?.retryAfter;
        this.retryAfter = typeof fromBody === "number" && Number.isFinite(fromBody) && fromBody >= 0 ? fromBody : retryAfterSeconds(init.headers);
      }
    };
    InternalServerError = class extends APIError {
    };
    APIConnectionError = class extends DhmadError {
      constructor(options) {
        super(options?.message ?? "Connection error: no response from the DHMAD API.", { cause: options?.cause });
      }
    };
    APIConnectionTimeoutError = class extends APIConnectionError {
      constructor(options) {
        super({ message: options?.message ?? "Request timed out.", cause: options?.cause });
      }
    };
    APIUserAbortError = class extends DhmadError {
      constructor(options) {
        super(options?.message ?? "Request was aborted.", { cause: options?.cause });
      }
    };
  }
});

// ../sdk/dist/internal/logger.js
function isLogLevel(value) {
  return typeof value === "string" && Object.hasOwn(RANK, value);
}
function makeLogger(logger, level) {
  const at = (lvl) => RANK[lvl] > RANK[level] ? () => {
  } : (message, ...rest) => logger[lvl](redactText(`[dhmad] ${message}`), ...rest.map(redactJson));
  return { error: at("error"), warn: at("warn"), info: at("info"), debug: at("debug") };
}
var RANK;
var init_logger = __esm({
  "../sdk/dist/internal/logger.js"() {
    "use strict";
    init_import_meta_url();
    init_key_format();
    RANK = { off: 0, error: 1, warn: 2, info: 3, debug: 4 };
  }
});

// ../sdk/dist/internal/redirects.js
async function fetchFollowingRedirects(f, url, request) {
  let current = new URL(url);
  let { method, headers, body } = request;
  for (let hops = 0; ; hops++) {
    const response = await f(current.href, { method, headers, body, signal: request.signal, redirect: "manual" });
    const location = response.headers.get("location");
    if (response.type === "opaqueredirect") {
      throw new TypeError("fetch failed", { cause: new Error('this fetch hides redirects (redirect: "manual" gave an opaque response), so the SDK cannot follow them safely') });
    }
    if (!REDIRECTS.has(response.status) || location === null)
      return response;
    await response.body?.cancel();
    if (hops === MAX_REDIRECTS)
      throw new TypeError("fetch failed", { cause: new Error(`more than ${MAX_REDIRECTS} redirects`) });
    const next = new URL(location, current);
    if (next.protocol !== "https:" && next.protocol !== "http:") {
      throw new TypeError("fetch failed", { cause: new Error(`a redirect to a ${next.protocol} URL`) });
    }
    if (next.origin !== current.origin)
      headers = withoutCredentials(headers);
    if (response.status === 303 && method !== "HEAD" || (response.status === 301 || response.status === 302) && method === "POST") {
      method = "GET";
      body = void 0;
      headers = Object.fromEntries(Object.entries(headers).filter(([name]) => !name.toLowerCase().startsWith("content-")));
    }
    current = next;
  }
}
function withoutCredentials(headers) {
  return Object.fromEntries(Object.entries(headers).filter(([name, value]) => !CREDENTIAL_HEADERS.has(name.toLowerCase()) && !revealsKey(value)));
}
var MAX_REDIRECTS, REDIRECTS;
var init_redirects = __esm({
  "../sdk/dist/internal/redirects.js"() {
    "use strict";
    init_import_meta_url();
    init_key_format();
    init_redact();
    MAX_REDIRECTS = 20;
    REDIRECTS = /* @__PURE__ */ new Set([301, 302, 303, 307, 308]);
  }
});

// ../sdk/dist/internal/response-body.js
async function readBodyText(response, limit = MAX_RESPONSE_BYTES) {
  const declared = Number(response.headers.get("content-length") ?? NaN);
  if (declared > limit) {
    await response.body?.cancel();
    return null;
  }
  if (response.body === null || typeof response.body.getReader !== "function")
    return response.text();
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let bytes = 0;
  for (; ; ) {
    const { done, value } = await reader.read();
    if (done)
      return text + decoder.decode();
    bytes += value.byteLength;
    if (bytes > limit) {
      await reader.cancel();
      return null;
    }
    text += decoder.decode(value, { stream: true });
  }
}
var MAX_RESPONSE_BYTES;
var init_response_body = __esm({
  "../sdk/dist/internal/response-body.js"() {
    "use strict";
    init_import_meta_url();
    MAX_RESPONSE_BYTES = 16 * 1024 * 1024;
  }
});

// ../sdk/dist/internal/utils.js
function pathSegment(name, value) {
  if (typeof value !== "string" || value.length === 0) {
    throw new DhmadConfigError(`\`${name}\` must be a non-empty string; got ${value === "" ? "an empty string" : typeof value}.`);
  }
  if (value === "." || value === "..") {
    throw new DhmadConfigError(`\`${name}\` may not be "${value}".`);
  }
  return encodeURIComponent(value);
}
function sleep(ms, signal) {
  return new Promise((resolve5, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve5();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
function isPlainNumber(value) {
  return typeof value === "number" && Number.isFinite(value);
}
var init_utils = __esm({
  "../sdk/dist/internal/utils.js"() {
    "use strict";
    init_import_meta_url();
    init_errors2();
  }
});

// ../sdk/dist/core/pagination.js
var Page, PagePromise;
var init_pagination = __esm({
  "../sdk/dist/core/pagination.js"() {
    "use strict";
    init_import_meta_url();
    init_errors2();
    Page = class {
      /** The items of this page. */
      data;
      pagination;
      #params;
      #options;
      #fetch;
      constructor(data, pagination, params, options, fetcher) {
        this.data = data;
        this.pagination = pagination;
        this.#params = params;
        this.#options = options;
        this.#fetch = fetcher;
      }
      hasNextPage() {
        return this.data.length > 0 && this.#number < this.pagination.pages;
      }
      /** The page that was asked for; the answer's `pagination.page` must be the same (checked when walking). */
      get #number() {
        return this.#params.page ?? 1;
      }
      /**
       * The following page, with the same params and request options. Throws if there is none, and
       * when the answer is another page than the one asked for: something on the way that ignores the
       * query string (a cache keyed on the path alone) would hand out page 1 again and again, and a
       * walk that trusted it would never end.
       */
      async getNextPage() {
        if (!this.hasNextPage()) {
          throw new Error("No next page: check hasNextPage() before calling getNextPage().");
        }
        const wanted = this.#number + 1;
        const next = await this.#fetch({ ...this.#params, page: wanted }, this.#options);
        if (next.pagination.page !== wanted) {
          throw new DhmadError(`Asked for page ${wanted} and the answer is page ${String(next.pagination.page)}: something between here and the DHMAD API (a proxy or cache) ignores the query string, so the list cannot be read page by page.`);
        }
        return next;
      }
      /** Every page from this one on. */
      async *iterPages() {
        yield this;
        let next = this.hasNextPage() ? await this.getNextPage() : void 0;
        while (next !== void 0) {
          yield next;
          next = next.hasNextPage() ? await next.getNextPage() : void 0;
        }
      }
      /** Every item from this page on, across pages. */
      async *[Symbol.asyncIterator]() {
        for await (const page of this.iterPages())
          yield* page.data;
      }
    };
    PagePromise = class {
      #load;
      #promise;
      constructor(load) {
        this.#load = load;
      }
      #first() {
        this.#promise ??= this.#load();
        return this.#promise;
      }
      then(onfulfilled, onrejected) {
        return this.#first().then(onfulfilled, onrejected);
      }
      catch(onrejected) {
        return this.#first().catch(onrejected);
      }
      finally(onfinally) {
        return this.#first().finally(onfinally);
      }
      async *[Symbol.asyncIterator]() {
        const first = await this.#first();
        yield* first;
      }
      get [Symbol.toStringTag]() {
        return "PagePromise";
      }
    };
  }
});

// ../sdk/dist/resources/resource.js
var APIResource;
var init_resource = __esm({
  "../sdk/dist/resources/resource.js"() {
    "use strict";
    init_import_meta_url();
    APIResource = class {
      _client;
      constructor(client) {
        this._client = client;
      }
    };
  }
});

// ../sdk/dist/resources/api-keys.js
var ApiKeys;
var init_api_keys = __esm({
  "../sdk/dist/resources/api-keys.js"() {
    "use strict";
    init_import_meta_url();
    init_pagination();
    init_utils();
    init_resource();
    ApiKeys = class extends APIResource {
      /** Keys, never secrets. Await for the first page, or `for await` over every key. */
      list(params = {}, options) {
        const fetchPage = async (p, o) => {
          const body = await this._client.request({
            method: "get",
            path: "/api-keys",
            query: { page: p.page, limit: p.limit, isActive: p.isActive },
            ...o
          });
          return new Page(body.apiKeys, body.pagination, p, o, fetchPage);
        };
        return new PagePromise(() => fetchPage(params, options));
      }
      /**
       * A new key; its secret is in `result.key`, in this response only. Retries
       * reuse one `Idempotency-Key`, so a lost response never mints a second key.
       */
      create(params, options) {
        return this._client.request({ method: "post", path: "/api-keys", body: params, ...options });
      }
      async retrieve(id, options) {
        return this._client.request({ method: "get", path: `/api-keys/${pathSegment("id", id)}`, ...options });
      }
      /** Rename, activate or deactivate, change `rateLimit`, `expiresAt` or `metadata`. */
      async update(id, params, options) {
        return this._client.request({ method: "patch", path: `/api-keys/${pathSegment("id", id)}`, body: params, ...options });
      }
      /** Re-enable a deactivated key. */
      async activate(id, options) {
        return this.update(id, { isActive: true }, options);
      }
      /** Disable a key without deleting it; `activate` brings it back. */
      async deactivate(id, options) {
        return this.update(id, { isActive: false }, options);
      }
      /** A new secret for the same key, in `result.key`; the old secret stops working at once. */
      async regenerate(id, options) {
        return this._client.request({ method: "post", path: `/api-keys/${pathSegment("id", id)}/regenerate`, ...options });
      }
      /** Delete a key for good. */
      async delete(id, options) {
        return this._client.request({ method: "delete", path: `/api-keys/${pathSegment("id", id)}`, ...options });
      }
      /** Per-day request and error counts, oldest first. */
      async usage(id, params = {}, options) {
        return this._client.request({
          method: "get",
          path: `/api-keys/${pathSegment("id", id)}/usage`,
          query: { days: params.days },
          ...options
        });
      }
    };
  }
});

// ../sdk/dist/resources/me.js
var Me;
var init_me = __esm({
  "../sdk/dist/resources/me.js"() {
    "use strict";
    init_import_meta_url();
    init_resource();
    Me = class extends APIResource {
      /**
       * The key in use and its developer account: the documented way to check that
       * a key works, is active, and which environment it belongs to.
       */
      retrieve(options) {
        return this._client.request({ method: "get", path: "/me", ...options });
      }
    };
  }
});

// ../sdk/dist/version.js
var VERSION;
var init_version = __esm({
  "../sdk/dist/version.js"() {
    "use strict";
    init_import_meta_url();
    VERSION = "0.1.0";
  }
});

// ../sdk/dist/client.js
function readEnv(name) {
  const v = typeof process === "undefined" ? void 0 : process.env[name];
  return v === void 0 || v === "" ? void 0 : v;
}
function envLogLevel() {
  const v = readEnv("DHMAD_LOG");
  return isLogLevel(v) ? v : "warn";
}
function assertTimeout(timeout) {
  if (!isPlainNumber(timeout) || timeout <= 0 || timeout > MAX_TIMEOUT_MS) {
    throw new DhmadConfigError(`\`timeout\` must be a number of milliseconds > 0 and <= ${MAX_TIMEOUT_MS} (about 24.8 days); got ${String(timeout)}.`);
  }
}
function assertMaxRetries(maxRetries) {
  if (!Number.isInteger(maxRetries) || maxRetries < 0) {
    throw new DhmadConfigError(`\`maxRetries\` must be a whole number >= 0; got ${String(maxRetries)}.`);
  }
}
function normalizeBaseUrl(value, fromOption) {
  const source = fromOption ? "The `baseUrl` option" : "DHMAD_BASE_URL";
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new DhmadConfigError(`${source} is not a URL: "${redactText(value)}". Use e.g. ${LIVE_BASE_URL}.`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new DhmadConfigError(`${source} must be an http(s) URL; got ${url.protocol}.`);
  }
  return value.replace(/\/+$/, "");
}
function lowerCaseKeys(headers) {
  const out = {};
  for (const [k, v] of Object.entries(headers))
    out[k.toLowerCase()] = v;
  return out;
}
function buildUrl(baseUrl, path14, query) {
  let url = baseUrl + path14;
  if (query) {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query))
      if (v !== void 0 && v !== null)
        params.set(k, String(v));
    const qs = params.toString();
    if (qs)
      url += `?${qs}`;
  }
  return url;
}
function parseJson(text) {
  if (text === "")
    return void 0;
  try {
    return JSON.parse(text);
  } catch {
    return void 0;
  }
}
function parseBody(text, response, what) {
  if (text === "")
    return void 0;
  try {
    return JSON.parse(text);
  } catch {
    throw new DhmadError(`${what} answered ${response.status} with a body that is not JSON (content-type ${response.headers.get("content-type") ?? "none"}). Is baseUrl pointing at the DHMAD API?`);
  }
}
function shouldRetry(response) {
  const override = response.headers.get("x-should-retry");
  if (override === "true")
    return true;
  if (override === "false")
    return false;
  const s = response.status;
  return s === 408 || s === 409 || s === 429 || s >= 500;
}
function backoff(attempt) {
  return Math.random() * Math.min(MAX_RETRY_DELAY_MS, INITIAL_RETRY_DELAY_MS * 2 ** attempt);
}
function retryDelay(headers, body, attempt) {
  let asked;
  const ms = Number(headers.get("retry-after-ms") ?? NaN);
  if (Number.isFinite(ms) && ms >= 0)
    asked = ms;
  if (asked === void 0) {
    const seconds = retryAfterSeconds(headers);
    if (seconds !== void 0)
      asked = seconds * 1e3;
  }
  if (asked === void 0 && body !== null && typeof body === "object") {
    const s = body.retryAfter;
    if (isPlainNumber(s) && s >= 0)
      asked = s * 1e3;
  }
  if (asked === void 0)
    return backoff(attempt);
  return asked > MAX_RETRY_AFTER_MS ? null : asked;
}
function isRequestBuildError(cause) {
  return cause instanceof TypeError && /^Headers\.|invalid header/i.test(cause.message);
}
function describeCause(cause) {
  if (cause instanceof Error) {
    const inner = cause.cause;
    const code = inner instanceof Error ? inner.code ?? inner.message : void 0;
    return code ? `${cause.message} (${String(code)})` : cause.message;
  }
  return String(cause);
}
var import_node_crypto2, LIVE_BASE_URL, SANDBOX_BASE_URL, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS, INITIAL_RETRY_DELAY_MS, MAX_RETRY_DELAY_MS, MAX_RETRY_AFTER_MS, KNOWN_HOSTS, Dhmad, MAX_TIMEOUT_MS;
var init_client = __esm({
  "../sdk/dist/client.js"() {
    "use strict";
    init_import_meta_url();
    import_node_crypto2 = require("node:crypto");
    init_errors2();
    init_key_format();
    init_logger();
    init_redact();
    init_redirects();
    init_response_body();
    init_utils();
    init_api_keys();
    init_me();
    init_version();
    LIVE_BASE_URL = "https://dhmad.tn/api/v1";
    SANDBOX_BASE_URL = "https://sandbox.dhmad.tn/api/v1";
    DEFAULT_MAX_RETRIES = 2;
    DEFAULT_TIMEOUT_MS = 6e4;
    INITIAL_RETRY_DELAY_MS = 500;
    MAX_RETRY_DELAY_MS = 8e3;
    MAX_RETRY_AFTER_MS = 6e4;
    KNOWN_HOSTS = {
      "dhmad.tn": "live",
      "www.dhmad.tn": "live",
      "sandbox.dhmad.tn": "sandbox"
    };
    Dhmad = class {
      me;
      apiKeys;
      maxRetries;
      timeout;
      #apiKey;
      #keySourceName;
      #explicitBaseUrl;
      /** Where the explicit base URL came from, for messages that tell the user what to change. */
      #baseUrlSourceName;
      #fetch;
      #defaultHeaders;
      #log;
      #debug;
      /** The last key checked, so a static key (or an unchanged rotating one) is validated once. */
      #resolved;
      constructor(options = {}) {
        const fromOption = options.apiKey !== void 0;
        const apiKey = options.apiKey ?? readEnv("DHMAD_API_KEY");
        this.#keySourceName = fromOption ? "the `apiKey` option" : "the DHMAD_API_KEY environment variable";
        const baseUrl = options.baseUrl ?? readEnv("DHMAD_BASE_URL");
        this.#explicitBaseUrl = baseUrl === void 0 ? void 0 : normalizeBaseUrl(baseUrl, options.baseUrl !== void 0);
        this.#baseUrlSourceName = options.baseUrl !== void 0 ? "the `baseUrl` option" : "DHMAD_BASE_URL";
        this.maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
        assertMaxRetries(this.maxRetries);
        this.timeout = options.timeout ?? DEFAULT_TIMEOUT_MS;
        assertTimeout(this.timeout);
        const level = options.logLevel ?? envLogLevel();
        if (!isLogLevel(level)) {
          throw new DhmadConfigError(`\`logLevel\` must be one of off, error, warn, info, debug; got ${String(level)}.`);
        }
        this.#log = makeLogger(options.logger ?? console, level);
        this.#debug = level === "debug";
        const f = options.fetch ?? globalThis.fetch;
        if (typeof f !== "function") {
          throw new DhmadConfigError("No `fetch` is available: pass one in the `fetch` option (Node >= 20.19 has it built in).");
        }
        this.#fetch = f;
        this.#defaultHeaders = lowerCaseKeys(options.defaultHeaders ?? {});
        if (typeof apiKey === "function") {
          this.#apiKey = apiKey;
          this.#keySourceName = "the `apiKey` function";
        } else {
          this.#apiKey = apiKey ?? "";
          this.#resolved = this.#check(this.#apiKey);
        }
        this.me = new Me(this);
        this.apiKeys = new ApiKeys(this);
      }
      /** The base URL requests go to (for an `apiKey` function without `baseUrl`, known after the first call). */
      get baseUrl() {
        return this.#explicitBaseUrl ?? this.#resolved?.baseUrl;
      }
      /** The key's printable `keyPrefix` (type prefix + 6 hex), never the key. */
      get keyPrefix() {
        return this.#resolved?.keyPrefix;
      }
      /**
       * Send one request with the client's auth, timeout and retry policy. The
       * resource methods use this; it is public for endpoints the SDK does not
       * wrap yet. `path` is relative to the base URL, e.g. `/balance`. An object
       * result carries the response's `x-request-id` as `requestId` (non-enumerable).
       */
      async request(req) {
        const maxRetries = req.maxRetries ?? this.maxRetries;
        const timeout = req.timeout ?? this.timeout;
        if (req.timeout !== void 0)
          assertTimeout(timeout);
        if (req.maxRetries !== void 0)
          assertMaxRetries(maxRetries);
        const method = req.method.toUpperCase();
        const idempotencyKey = method === "POST" ? req.idempotencyKey ?? (0, import_node_crypto2.randomUUID)() : void 0;
        const what = `${method} ${req.path}`;
        for (let attempt = 0; ; attempt++) {
          if (req.signal?.aborted)
            throw new APIUserAbortError();
          const retriesLeft = maxRetries - attempt;
          const { key, baseUrl } = await this.#resolveKey();
          if (req.signal?.aborted)
            throw new APIUserAbortError({ message: `Request was aborted (${what}).` });
          const url = buildUrl(baseUrl, req.path, req.query);
          const headers = this.#headers(key, req, idempotencyKey);
          if (this.#debug) {
            this.#log.debug(`→ ${what} (attempt ${attempt + 1} of ${maxRetries + 1})`, { url, headers: scrubHeaders(headers) });
          }
          const controller = new AbortController();
          const onUserAbort = () => controller.abort();
          req.signal?.addEventListener("abort", onUserAbort, { once: true });
          const timer = setTimeout(() => controller.abort(), timeout);
          const started = this.#debug ? performance.now() : 0;
          let response;
          let text;
          try {
            response = await fetchFollowingRedirects(this.#fetch, url, {
              method,
              headers,
              body: req.body === void 0 ? void 0 : JSON.stringify(req.body),
              signal: controller.signal
            });
            text = await readBodyText(response);
          } catch (cause) {
            if (req.signal?.aborted)
              throw new APIUserAbortError({ message: `Request was aborted (${what}).` });
            if (isRequestBuildError(cause)) {
              throw new DhmadConfigError(`The request could not be sent (${what}): ${describeCause(cause)}.`, { cause: safeCause(cause) });
            }
            const error2 = controller.signal.aborted ? new APIConnectionTimeoutError({ message: `Request timed out after ${timeout} ms (${what}).` }) : new APIConnectionError({ message: `Connection error (${what}): ${describeCause(cause)}.`, cause: safeCause(cause) });
            if (retriesLeft <= 0)
              throw error2;
            const delay = backoff(attempt);
            this.#log.info(`${error2.message} Retrying in ${Math.round(delay)} ms (${retriesLeft} left).`);
            await this.#wait(delay, req.signal, what);
            continue;
          } finally {
            clearTimeout(timer);
            req.signal?.removeEventListener("abort", onUserAbort);
          }
          if (text === null) {
            throw new DhmadError(`${what} answered ${response.status} with a body over ${MAX_RESPONSE_BYTES / 1024 / 1024} MiB, which no DHMAD API answer is; the SDK stopped reading it. Is baseUrl pointing at the DHMAD API?`);
          }
          const requestId = requestIdOf(response.headers);
          if (this.#debug) {
            this.#log.debug(`← ${response.status} ${what} in ${Math.round(performance.now() - started)} ms`, { requestId });
          }
          if (response.ok) {
            const result = parseBody(text, response, what);
            if (requestId !== void 0 && result !== null && typeof result === "object") {
              Object.defineProperty(result, "requestId", { value: requestId, enumerable: false });
            }
            return result;
          }
          const body = parseJson(text);
          const error = APIError.generate({
            status: response.status,
            body,
            headers: response.headers,
            statusText: response.statusText
          });
          if (retriesLeft > 0 && shouldRetry(response)) {
            const delay = retryDelay(response.headers, body, attempt);
            if (delay !== null) {
              this.#log.info(`${what} answered ${response.status}; retrying in ${Math.round(delay)} ms (${retriesLeft} left).`);
              await this.#wait(delay, req.signal, what);
              continue;
            }
            this.#log.warn(`${what} answered ${response.status} and asks for a wait over ${MAX_RETRY_AFTER_MS / 1e3} s; not retrying.`);
          }
          throw error;
        }
      }
      /** Shows the base URL and keyPrefix, never the key. */
      toJSON() {
        return { baseUrl: this.baseUrl, keyPrefix: this.keyPrefix, maxRetries: this.maxRetries, timeout: this.timeout };
      }
      [/* @__PURE__ */ Symbol.for("nodejs.util.inspect.custom")](_depth, options, inspect2) {
        return `Dhmad ${inspect2(this.toJSON(), options)}`;
      }
      async #resolveKey() {
        const source = this.#apiKey;
        if (typeof source === "string")
          return this.#resolved;
        let key;
        try {
          key = await source();
        } catch (cause) {
          throw new DhmadConfigError(`The \`apiKey\` function failed: ${describeCause(cause)}.`, { cause: safeCause(cause) });
        }
        if (this.#resolved !== void 0 && key === this.#resolved.key)
          return this.#resolved;
        this.#resolved = this.#check(key);
        return this.#resolved;
      }
      /** The pre-send checks: a well-formed key, with nothing around it, of the right environment for a DHMAD host. */
      #check(key) {
        const v = validateKey(key);
        if (!v.valid) {
          const where = v.problem === "missing" ? "" : ` (The key came from ${this.#keySourceName}.)`;
          throw new InvalidApiKeyError(v.problem, v.message + where, v.environment);
        }
        const baseUrl = this.#explicitBaseUrl ?? (v.environment === "live" ? LIVE_BASE_URL : SANDBOX_BASE_URL);
        const hostEnv = KNOWN_HOSTS[new URL(baseUrl).hostname];
        if (hostEnv !== void 0 && hostEnv !== v.environment) {
          const right2 = hostEnv === "live" ? SANDBOX_BASE_URL : LIVE_BASE_URL;
          throw new InvalidApiKeyError("wrong_environment", `A ${v.environment} key (${v.keyPrefix}…) cannot be used on the ${hostEnv} API at ${baseUrl}: use a ${hostEnv} key (${KEY_PREFIXES[hostEnv]}...) there, or set ${this.#baseUrlSourceName} to ${right2} for ${v.environment}.`, v.environment);
        }
        return { key, keyPrefix: v.keyPrefix, baseUrl };
      }
      #headers(key, req, idempotencyKey) {
        const h = {
          accept: "application/json",
          "user-agent": `dhmad-sdk-node/${VERSION} node/${process.version}`,
          authorization: `Bearer ${key}`
        };
        if (req.body !== void 0)
          h["content-type"] = "application/json";
        if (idempotencyKey !== void 0)
          h["idempotency-key"] = idempotencyKey;
        Object.assign(h, this.#defaultHeaders);
        if (req.headers) {
          for (const [name, value] of Object.entries(req.headers)) {
            const lower = name.toLowerCase();
            if (value === null)
              delete h[lower];
            else if (value !== void 0)
              h[lower] = value;
          }
        }
        return h;
      }
      async #wait(ms, signal, what) {
        try {
          await sleep(ms, signal);
        } catch {
          throw new APIUserAbortError({ message: `Request was aborted while waiting to retry (${what}).` });
        }
      }
    };
    MAX_TIMEOUT_MS = 2 ** 31 - 1;
  }
});

// ../sdk/dist/index.js
var init_dist2 = __esm({
  "../sdk/dist/index.js"() {
    "use strict";
    init_import_meta_url();
    init_client();
    init_errors2();
    init_key_format();
  }
});

// src/verify.ts
var verify_exports = {};
__export(verify_exports, {
  pacer: () => pacer,
  verifyFindings: () => verifyFindings
});
async function verifyFindings(findings, options) {
  const byKey = /* @__PURE__ */ new Map();
  for (const f of findings) {
    if (f.ruleId !== "live-key" && f.ruleId !== "sandbox-key") continue;
    const key = secretOf(f);
    if (key === void 0) continue;
    const list = byKey.get(key);
    if (list) list.push(f);
    else byKey.set(key, [f]);
  }
  const jobs = [...byKey];
  let done = 0;
  const pace = pacer(options.requestsPerMinute ?? 90);
  await inParallel(jobs, options.concurrency ?? 8, async ([key, list]) => {
    await pace();
    const environment = list[0].environment;
    const baseUrl = (environment === "live" ? options.liveBaseUrl : options.sandboxBaseUrl) ?? options.baseUrl;
    const verified = await verifyKey(key, { ...options, baseUrl });
    for (const f of list) f.verified = verified;
    options.onProgress?.(++done, jobs.length);
  });
}
async function inParallel(items, limit, work) {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}
function pacer(perMinute, now = Date.now, sleep2 = (ms) => new Promise((r) => setTimeout(r, ms))) {
  const started = [];
  return async () => {
    for (; ; ) {
      while (started.length > 0 && now() - started[0] >= 6e4) started.shift();
      if (started.length < perMinute) break;
      await sleep2(6e4 - (now() - started[0]));
    }
    started.push(now());
  };
}
async function verifyKey(apiKey, options) {
  let client;
  try {
    client = new Dhmad({
      apiKey,
      ...options.baseUrl ? { baseUrl: options.baseUrl } : {},
      maxRetries: options.maxRetries ?? 1,
      timeout: options.timeout ?? 1e4,
      logLevel: "off"
    });
  } catch (e) {
    return { status: "unknown", detail: `Not checked: ${safeText(e)}` };
  }
  try {
    const me = await client.me.retrieve();
    if (typeof me?.apiKey?.isActive !== "boolean") return { status: "unknown", detail: "The answer to GET /me did not describe a key, so it says nothing about this one." };
    return me.apiKey.isActive ? { status: "active", detail: `Active key "${safeText(me.apiKey.name)}": anyone holding it can use it now. Regenerate it.` } : { status: "inactive", detail: "The key exists but is deactivated." };
  } catch (e) {
    return statusOf(e, options.timeout ?? 1e4);
  }
}
function statusOf(e, timeout) {
  if (e instanceof AuthenticationError) {
    switch (e.reason) {
      case "inactive":
        return { status: "inactive", detail: "The key exists but is deactivated." };
      case "expired":
        return { status: "expired", detail: "The key has expired." };
      case "unknown":
        return { status: "revoked", detail: "The API does not know this key (deleted, or never issued)." };
      case "regenerated":
        return { status: "revoked", detail: "This secret was replaced by a regeneration and no longer works." };
      case void 0:
        if (/^invalid or expired api key\b/i.test(e.message)) {
          return { status: "revoked", detail: 'The API answered "Invalid or expired API key": the key does not work (deleted, deactivated or expired).' };
        }
      // falls through: a refusal this version cannot read is not proof the key is dead
      default:
        return { status: "unknown", detail: `The API refused this request without saying the key is dead, so it may still work: ${safeText(e)}` };
    }
  }
  if (e instanceof PermissionDeniedError) return { status: "active", detail: `The API accepted the key but refused this request (403): ${safeText(e)}. Treat the key as working.` };
  if (e instanceof APIConnectionTimeoutError) return { status: "unreachable", detail: `No answer within ${timeout / 1e3} s (--verify-timeout).` };
  if (e instanceof APIConnectionError) return { status: "unreachable", detail: `Could not reach the API: ${safeText(e)}` };
  if (e instanceof RateLimitError) return { status: "unknown", detail: "Not checked: the API is rate limiting this machine; try again in a minute." };
  if (e instanceof DhmadError) return { status: "unknown", detail: `The API did not answer usefully: ${safeText(e)}` };
  throw e;
}
function safeText(value) {
  return printable(redactText(value instanceof Error ? value.message : String(value)));
}
var init_verify = __esm({
  "src/verify.ts"() {
    "use strict";
    init_import_meta_url();
    init_dist2();
    init_collector();
    init_printable();
  }
});

// src/hook.ts
var hook_exports = {};
__export(hook_exports, {
  HUSKY_LINE: () => HUSKY_LINE,
  PREVIOUS_HOOK_SUFFIX: () => PREVIOUS_HOOK_SUFFIX,
  installHook: () => installHook
});
function binPath() {
  const manifest = new URL("../package.json", importMetaUrl);
  const { bin } = JSON.parse((0, import_node_fs12.readFileSync)(manifest, "utf8"));
  return (0, import_node_url2.fileURLToPath)(new URL(bin["dhmad-scan"], manifest));
}
function installHook(cwd = process.cwd()) {
  const repo = findRepo2(cwd);
  if (!repo) throw new ScanError(`${cwd} is not inside a git repository; run install-hook from your repository.`);
  const hooksDir = import_node_path12.default.resolve(cwd, gitOk(cwd, ["rev-parse", "--git-path", "hooks"], "Finding the hooks folder").toString("utf8").trim());
  if (repo.root && import_node_path12.default.relative(repo.root, hooksDir) === import_node_path12.default.join(".husky", "_")) return installHuskyHook(repo.root);
  (0, import_node_fs12.mkdirSync)(hooksDir, { recursive: true });
  const hook = import_node_path12.default.join(hooksDir, "pre-commit");
  const previousPath = hook + PREVIOUS_HOOK_SUFFIX;
  let updated = false;
  let previous = (0, import_node_fs12.existsSync)(previousPath) ? previousPath : null;
  if ((0, import_node_fs12.existsSync)(hook)) {
    if ((0, import_node_fs12.readFileSync)(hook, "utf8").includes(MARKER)) {
      updated = true;
    } else {
      if (previous) throw new ScanError(`Both ${hook} and ${previousPath} exist; merge them by hand, then run install-hook again.`);
      (0, import_node_fs12.renameSync)(hook, previousPath);
      previous = previousPath;
    }
  }
  const cli = binPath();
  const script = [
    "#!/bin/sh",
    MARKER,
    "# Scans what is being committed (the index), not the work tree.",
    `prev="$(dirname "$0")/pre-commit${PREVIOUS_HOOK_SUFFIX}"`,
    'if [ -x "$prev" ]; then "$prev" "$@" || exit $?; fi',
    `node=${shellQuote(process.execPath)}`,
    `cli=${shellQuote(cli)}`,
    "# The copy that installed this hook; if it moved (a reinstall, another machine), the project's own.",
    'if [ -x "$node" ] && [ -f "$cli" ]; then exec "$node" "$cli" --staged; fi',
    "exec npx --no-install dhmad-scan --staged",
    ""
  ].join("\n");
  (0, import_node_fs12.writeFileSync)(hook, script);
  (0, import_node_fs12.chmodSync)(hook, 493);
  return { hook, previous, updated };
}
function installHuskyHook(root) {
  refuseLinkedFolder(root, import_node_path12.default.join(".husky", "pre-commit"), "install-hook");
  const hook = import_node_path12.default.join(root, ".husky", "pre-commit");
  let before = "";
  if ((0, import_node_fs12.existsSync)(hook)) {
    if ((0, import_node_fs12.lstatSync)(hook).isSymbolicLink()) throw new ScanError(`${hook} is a symbolic link; dhmad-scan does not write through one. Add the line \`${HUSKY_LINE}\` to the file it points to.`);
    before = (0, import_node_fs12.readFileSync)(hook, "utf8");
  }
  const updated = before.split("\n").some((line) => line.trim() === HUSKY_LINE);
  if (!updated) {
    const sep = before === "" || before.endsWith("\n") ? "" : "\n";
    (0, import_node_fs12.writeFileSync)(hook, `${before}${sep}# Blocks commits that stage a DHMAD key or .env file (scans the index).
${HUSKY_LINE}
`);
  }
  return { hook, previous: null, updated, husky: { binMissing: !(0, import_node_fs12.existsSync)(import_node_path12.default.join(root, "node_modules", ".bin", "dhmad-scan")) } };
}
var import_node_fs12, import_node_path12, import_node_url2, MARKER, PREVIOUS_HOOK_SUFFIX, HUSKY_LINE, shellQuote;
var init_hook = __esm({
  "src/hook.ts"() {
    "use strict";
    init_import_meta_url();
    import_node_fs12 = require("node:fs");
    import_node_path12 = __toESM(require("node:path"), 1);
    import_node_url2 = require("node:url");
    init_errors();
    init_git();
    init_safe_write();
    MARKER = "# dhmad-scan pre-commit hook";
    PREVIOUS_HOOK_SUFFIX = ".before-dhmad-scan";
    HUSKY_LINE = "dhmad-scan --staged";
    shellQuote = (s) => `'${s.replace(/'/g, `'\\''`)}'`;
  }
});

// src/named-paths.ts
var named_paths_exports = {};
__export(named_paths_exports, {
  skippedNamedPaths: () => skippedNamedPaths
});
function skippedNamedPaths(cwd, paths, configFile) {
  const repo = findRepo2(cwd);
  const root = repo?.root;
  if (!root) return [];
  const inside = paths.map((p) => ({ named: p, rel: import_node_path13.default.relative(root, import_node_path13.default.resolve(cwd, p)).split(import_node_path13.default.sep).join("/") })).filter(({ rel, named }) => rel !== "" && !rel.startsWith("../") && rel !== ".." && (0, import_node_fs13.existsSync)(import_node_path13.default.resolve(cwd, named)));
  const skipped = [];
  if (inside.length > 0) {
    const out = runGitSync(root, ["check-ignore", "--verbose", "--stdin", "-z"], gitEnv("environment"), inside.map((p) => p.rel).join("\0") + "\0");
    if (out.status <= 1) {
      const parts = splitZ(out.stdout);
      for (let i = 0; i + 3 < parts.length; i += 4) {
        if (parts[i + 2].startsWith("!")) continue;
        const named = inside.find((p) => p.rel === parts[i + 3])?.named ?? parts[i + 3];
        skipped.push({
          path: named,
          why: `ignored by git (${parts[i]}:${parts[i + 1]}: ${parts[i + 2]})`,
          hint: `scan it on its own with --stdin --stdin-filename ${named} < ${named}`
        });
      }
    }
  }
  const { exclude } = loadConfig(configFile, root);
  const isExcluded = excluder(exclude);
  for (const { named, rel } of inside) {
    if (skipped.some((s) => s.path === named) || !(isExcluded(rel) || isExcluded(rel + "/"))) continue;
    const glob = exclude.find((g) => globToRegExp(g).test(rel) || globToRegExp(g).test(rel + "/"));
    skipped.push({ path: named, why: `excluded by ${configFile ?? CONFIG_FILE} (${glob})` });
  }
  return skipped;
}
var import_node_fs13, import_node_path13;
var init_named_paths = __esm({
  "src/named-paths.ts"() {
    "use strict";
    init_import_meta_url();
    import_node_fs13 = require("node:fs");
    import_node_path13 = __toESM(require("node:path"), 1);
    init_dist();
    init_config();
    init_git();
  }
});

// src/cli.ts
var cli_exports = {};
__export(cli_exports, {
  EXIT: () => EXIT
});
module.exports = __toCommonJS(cli_exports);
init_import_meta_url();
var import_node_fs14 = require("node:fs");
init_key_format();
init_errors();
init_findings();
init_printable();

// src/args.ts
init_import_meta_url();
var import_node_fs2 = require("node:fs");
var FORMATS = ["text", "json", "sarif"];
var BOOLEANS = /* @__PURE__ */ new Set(["staged", "stdin", "update-baseline", "fix", "verify", "env-files", "color"]);
var STRINGS = /* @__PURE__ */ new Set(["history", "checkpoint", "stdin-filename", "format", "output", "baseline", "config", "base-url", "live-base-url", "sandbox-base-url", "verify-timeout"]);
var OPTION_NAMES = [...BOOLEANS, ...STRINGS];
var DEFAULTS = { format: "text", "stdin-filename": "<stdin>", "env-files": true };
function parseArgsFast(args) {
  const options = {};
  const positional = [];
  const set = (name, value) => {
    if (name in options) return false;
    options[name] = value;
    return true;
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith("-")) {
      positional.push(arg);
      continue;
    }
    let name;
    let inline;
    if (arg === "-o") {
      name = "output";
    } else if (arg.startsWith("--") && arg.length > 2) {
      const eq = arg.indexOf("=");
      name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      inline = eq === -1 ? void 0 : arg.slice(eq + 1);
    } else {
      return null;
    }
    const next = args[i + 1];
    if (BOOLEANS.has(name)) {
      if (inline !== void 0 || next === "true" || next === "false" || !set(name, true)) return null;
    } else if (name.startsWith("no-") && BOOLEANS.has(name.slice(3))) {
      if (inline !== void 0 || next === "true" || next === "false" || !set(name.slice(3), false)) return null;
    } else if (STRINGS.has(name)) {
      let value = inline;
      if (value === void 0 && next !== void 0 && !next.startsWith("-")) {
        value = next;
        i++;
      }
      if (value === void 0 && name === "history") value = "";
      if (value === void 0 || value === "" && name !== "history" || !set(name, value)) return null;
    } else {
      return null;
    }
  }
  if (positional[0] === "install-hook") return null;
  if (options.format !== void 0 && !FORMATS.includes(options.format)) return null;
  const modes = ["staged", "history", "stdin"].filter((m) => options[m] !== void 0);
  if (modes.length > 1) return null;
  return { ...DEFAULTS, ...options, _: positional };
}
var SCAN_OPTIONS = {
  staged: { type: "boolean", describe: "Scan what the next commit would contain (the index)" },
  history: { type: "string", describe: "Scan every commit reachable from all refs, or a range (A..B)" },
  checkpoint: { type: "string", requiresArg: true, describe: "With --history: scan only what is new since FILE, then record this scan in FILE" },
  stdin: { type: "boolean", describe: "Scan standard input (same as a path of -)" },
  "stdin-filename": { type: "string", requiresArg: true, describe: "Name findings from --stdin carry", default: DEFAULTS["stdin-filename"] },
  format: { choices: FORMATS, requiresArg: true, default: DEFAULTS.format, describe: "Output format" },
  output: { alias: "o", type: "string", requiresArg: true, describe: "Write the report to FILE instead of stdout" },
  baseline: { type: "string", requiresArg: true, describe: "Do not report findings whose fingerprint is in FILE" },
  "update-baseline": { type: "boolean", describe: "Write the current findings into the --baseline file" },
  config: { type: "string", requiresArg: true, describe: "Config file (default: .dhmad-scan.json at the repository root)" },
  "env-files": { type: "boolean", default: DEFAULTS["env-files"], describe: "Check that .env files are not tracked and are ignored (--no-env-files to skip)" },
  fix: { type: "boolean", describe: "Add missing .env entries to .gitignore" },
  verify: { type: "boolean", describe: "Ask the DHMAD API (GET /me) whether each found key is active" },
  "verify-timeout": { type: "string", requiresArg: true, describe: "Seconds to wait for each --verify answer (default 10)" },
  "base-url": { type: "string", requiresArg: true, describe: "API base URL for --verify, for keys of both environments" },
  "live-base-url": { type: "string", requiresArg: true, describe: "API base URL for --verify of live keys" },
  "sandbox-base-url": { type: "string", requiresArg: true, describe: "API base URL for --verify of sandbox keys" },
  color: { type: "boolean", describe: "Colour the text output (default: on a terminal; FORCE_COLOR and NO_COLOR are honoured)" }
};
var VALUE_OF = {
  format: "text, json or sarif",
  output: "a file path",
  baseline: "a file path",
  config: "a file path",
  checkpoint: "a file path",
  "stdin-filename": "a file name",
  "verify-timeout": "a number of seconds",
  "base-url": "a URL",
  "live-base-url": "a URL",
  "sandbox-base-url": "a URL"
};
function distance(a, b) {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}
function closest(word, candidates) {
  let best;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = distance(word.toLowerCase(), c);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return bestDistance <= Math.max(1, Math.floor(word.length / 3)) ? best : void 0;
}
var FLAG_NAMES = [...Object.keys(SCAN_OPTIONS), "output", "help", "version"];
function diagnose(args) {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--") break;
    if (!arg.startsWith("-") || arg === "-") continue;
    const long = arg.startsWith("--");
    const eq = arg.indexOf("=");
    const name = arg.slice(long ? 2 : 1, eq === -1 ? void 0 : eq);
    const bare = name.startsWith("no-") ? name.slice(3) : name;
    const known = long ? FLAG_NAMES.includes(bare) : ["o", "h", "V"].includes(name);
    if (!known) {
      const meant = closest(bare, FLAG_NAMES);
      return `Unknown option ${arg.slice(0, eq === -1 ? void 0 : eq)}.${meant ? ` Did you mean --${meant}?` : ""}`;
    }
    const option = long ? bare : name === "o" ? "output" : void 0;
    const needs = option === void 0 ? void 0 : VALUE_OF[option];
    const next = args[i + 1];
    if (needs && eq === -1 && (next === void 0 || next.startsWith("-") && next !== "-")) return `--${option} needs a value: ${needs}.`;
    if (needs && eq !== -1 && arg.slice(eq + 1) === "") return `--${option} needs a value: ${needs}.`;
  }
  return void 0;
}
function packageVersion() {
  return JSON.parse((0, import_node_fs2.readFileSync)(new URL("../package.json", importMetaUrl), "utf8")).version;
}
async function parseArgsWithYargs(args, fail2) {
  const { default: yargs } = await Promise.resolve().then(() => (init_yargs(), yargs_exports));
  const usageError = (yargsMessage) => fail2(`${diagnose(args) ?? yargsMessage}
Run dhmad-scan --help for usage.`);
  const argv = await yargs([...args]).scriptName("dhmad-scan").usage(
    "$0 [paths..]\n\nFind DHMAD secret keys in files, staged changes and git history, and .env files git would commit.\nA path of - reads standard input."
  ).command(
    "install-hook",
    "Install a git pre-commit hook that runs `dhmad-scan --staged` (in a husky 9 repository: a line in .husky/pre-commit)",
    (y) => (
      // The scan's options mean nothing here: out of this command's help, and refused below.
      Object.keys(SCAN_OPTIONS).reduce((h, name) => h.hide(name), y).usage(
        "$0 install-hook\n\nInstall a pre-commit hook that scans what each commit stages (dhmad-scan --staged). It goes where git looks for hooks (core.hooksPath included); a hook already there is kept and runs first. In a husky 9 repository (core.hooksPath .husky/_) it adds `dhmad-scan --staged` to .husky/pre-commit instead."
      ).check(() => {
        const extra = args.filter((a) => a !== "install-hook");
        if (extra.length > 0) throw new Error(`install-hook takes no options or paths (got ${extra.join(" ")}).`);
        return true;
      })
    )
  ).parserConfiguration({ "parse-positional-numbers": false }).options(SCAN_OPTIONS).conflicts("staged", ["history", "stdin"]).conflicts("history", "stdin").strictOptions().version(packageVersion()).alias("version", "V").help().alias("help", "h").epilog("Exit codes: 0 no error-level finding, 1 error-level findings, 2 usage or runtime error.").fail((msg, err) => usageError(err ? err.message : msg)).parseAsync();
  const out = { _: argv._.map(String) };
  for (const name of OPTION_NAMES) if (argv[name] !== void 0) out[name] = argv[name];
  return out;
}
async function parseArgs(args, fail2) {
  const argv = parseArgsFast(args) ?? await parseArgsWithYargs(args, fail2);
  if (argv._.includes("-")) {
    if (argv._.length > 1 || argv.staged || argv.history !== void 0) fail2("A path of - (standard input) cannot be combined with other paths, --staged or --history.");
    return { ...argv, _: [], stdin: true };
  }
  return argv;
}

// src/reporters/index.ts
init_import_meta_url();
var REPORTERS = {
  text: async () => (await Promise.resolve().then(() => (init_text(), text_exports))).formatText,
  json: async () => (await Promise.resolve().then(() => (init_json(), json_exports))).formatJson,
  sarif: async () => (await Promise.resolve().then(() => (init_sarif(), sarif_exports))).formatSarif
};

// src/cli.ts
init_safe_write();
init_scan_thread();

// src/scan.ts
init_import_meta_url();
var import_node_path11 = __toESM(require("node:path"), 1);
init_dist();

// src/clock.ts
init_import_meta_url();
function monotonicMs() {
  return Number(process.hrtime.bigint()) / 1e6;
}

// src/scan.ts
init_collector();
init_config();

// src/env-files.ts
init_import_meta_url();
var import_node_fs6 = require("node:fs");
var import_node_path5 = __toESM(require("node:path"), 1);
init_dist();
init_findings();
init_safe_write();
var FIX_BLOCK = ["# Secrets: keep .env files out of git (added by dhmad-scan --fix)", ".env", ".env.*", "!.env.example", "!.env.sample", "!.env.template"];
async function checkEnvFiles(root, collector, options = {}) {
  const [{ tracked, exposed: firstExposed }, firstMissing] = await Promise.all([listEnvFiles(root), unignoredProbes(root)]);
  for (const file of tracked) collector.add(envFinding("env-tracked", file));
  let exposed = firstExposed;
  let missing = firstMissing;
  if (options.fix && (exposed.length > 0 || missing.length > 0)) {
    appendLines(root, ".gitignore", FIX_BLOCK);
    options.fixed?.push(".gitignore");
    for (const file of (await listEnvFiles(root)).exposed) {
      const dir = import_node_path5.default.posix.dirname(file);
      const gitignore = dir === "." ? ".gitignore" : `${dir}/.gitignore`;
      appendLines(root, gitignore, [`/${import_node_path5.default.posix.basename(file)}`]);
      if (!options.fixed?.includes(shownPath(gitignore))) options.fixed?.push(shownPath(gitignore));
    }
    [{ exposed }, missing] = await Promise.all([listEnvFiles(root), unignoredProbes(root)]);
  }
  for (const file of exposed) collector.add(envFinding("env-not-ignored", file));
  if (exposed.length === 0 && missing.length > 0) collector.add(envFinding("env-unprotected", ".gitignore", missing));
}
function appendLines(root, file, lines2) {
  const abs = import_node_path5.default.join(root, file);
  const existing = (0, import_node_fs6.lstatSync)(abs, { throwIfNoEntry: false })?.isFile() ? (0, import_node_fs6.readFileSync)(abs, "utf8") : "";
  const sep = existing.length === 0 || existing.endsWith("\n") ? "" : "\n";
  writeNoFollow(root, file, sep + lines2.join("\n") + "\n", "append", "--fix");
}

// src/scan.ts
init_errors();
init_findings();
init_git();

// src/sources/staged.ts
init_import_meta_url();
init_dist();
init_git();

// src/loose-object.ts
init_import_meta_url();
var import_node_fs7 = require("node:fs");
var import_node_path6 = __toESM(require("node:path"), 1);
var MAX_BYTES = 4 << 20;
var zlib;
function looseObjectsDir(repo, env2 = process.env) {
  if (env2.GIT_OBJECT_DIRECTORY !== void 0 || env2.GIT_COMMON_DIR !== void 0) return null;
  let common = repo.gitDir;
  try {
    common = import_node_path6.default.resolve(repo.gitDir, (0, import_node_fs7.readFileSync)(import_node_path6.default.join(repo.gitDir, "commondir"), "utf8").trim());
  } catch {
  }
  return import_node_path6.default.join(common, "objects");
}
function readLooseBlob(objectsDir, oid) {
  let raw;
  try {
    const fd = (0, import_node_fs7.openSync)(import_node_path6.default.join(objectsDir, oid.slice(0, 2), oid.slice(2)), "r");
    try {
      const size = (0, import_node_fs7.fstatSync)(fd).size;
      if (size > MAX_BYTES) return null;
      raw = Buffer.allocUnsafe(size);
      if ((0, import_node_fs7.readSync)(fd, raw, 0, size, 0) !== size) return null;
    } finally {
      (0, import_node_fs7.closeSync)(fd);
    }
  } catch {
    return null;
  }
  let data;
  try {
    zlib ??= process.getBuiltinModule("node:zlib");
    data = zlib.inflateSync(raw, { maxOutputLength: MAX_BYTES + 64 });
  } catch {
    return null;
  }
  const nul = data.indexOf(0);
  if (nul === -1 || data.toString("latin1", 0, nul) !== `blob ${data.length - nul - 1}`) return null;
  return data.subarray(nul + 1);
}

// src/sources/staged.ts
init_blobs();
var GITLINK = "160000";
var SYMLINK = "120000";
var DIFF_ARGS = ["diff", "--cached", "--raw", "-z", "--no-abbrev", "--no-renames", "--no-relative", "--no-ext-diff", "--diff-filter=ACMT"];
async function listStaged(cwd, collector) {
  const out = await runGit(cwd, DIFF_ARGS, gitEnv("environment"));
  if (out.status !== 0) throw gitFailed("Reading the staged changes", DIFF_ARGS, out);
  const parts = splitZ(out.stdout);
  const entries = [];
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const [, newMode, , newOid] = parts[i].slice(1).split(" ");
    const file = parts[i + 1];
    if (newMode === GITLINK) collector.stats.skippedSubmodules++;
    else if (newMode === SYMLINK) collector.stats.skippedSymlinks++;
    entries.push({ path: file, oid: newOid, read: newMode !== GITLINK && newMode !== SYMLINK });
  }
  return entries;
}
var StagedSource = class {
  constructor(ctx) {
    this.ctx = ctx;
    this.scanner = new BlobScanner(ctx.sink);
  }
  ctx;
  roots = [];
  scanner;
  entries = [];
  repo = null;
  prepare() {
    const { ctx } = this;
    const listed = listStaged(ctx.cwd, ctx.sink).then(
      (entries) => {
        this.entries = entries;
      },
      async (e) => {
        await catFileBatch(ctx.cwd, [], this.scanner);
        throw e;
      }
    );
    const root = ctx.repo.then((r) => {
      this.repo = r;
      if (!r?.root) return;
      this.roots.push(r.root);
      ctx.onRepo?.(r.root);
    });
    return Promise.all([listed, root]).then(() => void 0);
  }
  async scan(sink) {
    const entries = this.entries.filter((e) => sink.wants(e.path) && e.read);
    const objects = this.repo ? looseObjectsDir(this.repo) : null;
    const packed = /* @__PURE__ */ new Set();
    for (const oid of new Set(entries.map((e) => e.oid))) {
      const blob = objects === null ? null : readLooseBlob(objects, oid);
      if (blob === null) packed.add(oid);
      else this.scanner.whole(oid, blob);
    }
    if (packed.size > 0) await catFileBatch(this.ctx.cwd, packed, this.scanner);
    for (const e of entries) {
      const found = this.scanner.hits.get(e.oid);
      if (found) sink.detections(e.path, null, found);
    }
  }
  close() {
  }
};

// src/sources/tree.ts
init_import_meta_url();
var import_node_fs10 = require("node:fs");
var import_node_path8 = __toESM(require("node:path"), 1);
init_errors();
init_dist();
init_git();
var toPosix = (p) => import_node_path8.default.sep === "/" ? p : p.split(import_node_path8.default.sep).join("/");
async function listTree(paths, cwd, collector, cwdRepo, onRepo) {
  const targets = [];
  const repos = /* @__PURE__ */ new Set();
  const seen = paths.length > 1 ? /* @__PURE__ */ new Set() : null;
  const push = (abs, file) => {
    if (seen) {
      if (seen.has(abs)) return;
      seen.add(abs);
    }
    targets.push({ abs, file });
  };
  const lookups = /* @__PURE__ */ new Map([[cwd, cwdRepo]]);
  const items = (paths.length > 0 ? paths : ["."]).map((p) => {
    const abs = import_node_path8.default.resolve(cwd, p);
    let st;
    try {
      st = (0, import_node_fs10.statSync)(abs);
    } catch (e) {
      const code = e.code;
      throw new ScanError(
        code === "ENOENT" ? `Cannot scan ${p}: no such file or directory.` : `Cannot scan ${p}: ${code ?? String(e)}.`
      );
    }
    const dir = st.isDirectory() ? abs : import_node_path8.default.dirname(abs);
    if (!lookups.has(dir)) lookups.set(dir, findRepo(dir));
    return { p, abs, st, repo: lookups.get(dir) };
  });
  for (const item of items) {
    const repo = await item.repo;
    let { abs } = item;
    const inside = (root) => {
      const rel = import_node_path8.default.relative(root, abs);
      return rel === "" || !rel.startsWith("..") && !import_node_path8.default.isAbsolute(rel);
    };
    if (repo?.root && paths.length === 0 && !inside(repo.root)) abs = repo.root;
    if (repo?.root && inside(repo.root)) {
      const root = repo.root;
      if (!repos.has(root)) {
        repos.add(root);
        onRepo?.(root);
      }
      const spec = toPosix(import_node_path8.default.relative(root, abs)) || ".";
      const out = gitOk(
        root,
        ["ls-files", "-z", "--cached", "--others", "--exclude-standard", "--deduplicate", "--", `:(literal)${spec}`],
        "Listing the files of the repository"
      );
      const base = import_node_path8.default.sep === "/" && !root.endsWith("/") ? `${root}/` : null;
      for (const file of splitZ(out)) push(base === null ? import_node_path8.default.join(root, file) : base + file, file);
    } else if (item.st.isDirectory()) {
      walk(abs, "", push, collector);
    } else {
      push(abs, toPosix(import_node_path8.default.relative(cwd, abs)) || import_node_path8.default.basename(abs));
    }
  }
  return { targets, repos: [...repos] };
}
var TreeSource = class {
  constructor(ctx, paths) {
    this.ctx = ctx;
    this.paths = paths;
    this.pool = Promise.resolve().then(() => (init_tree_parallel(), tree_parallel_exports)).then(({ ScanPool: ScanPool2 }) => new ScanPool2());
  }
  ctx;
  paths;
  listing = { targets: [], repos: [] };
  pool;
  get roots() {
    return this.listing.repos;
  }
  async prepare() {
    const { ctx } = this;
    const repo = ctx.repo.then(async (r) => {
      if (r) (await this.pool).startIfBig(r.gitDir);
      return r;
    });
    this.listing = await listTree(this.paths, ctx.cwd, ctx.sink, repo, ctx.onRepo);
    (await this.pool).prepare(this.listing.targets.length);
  }
  async scan(sink) {
    const targets = this.listing.targets.filter((t) => sink.wants(t.file));
    let last = monotonicMs();
    let count = 0;
    await (await this.pool).scan(targets, sink, () => {
      if ((++count & 63) === 0 && monotonicMs() - last > 200) {
        last = monotonicMs();
        sink.progress();
      }
    });
  }
  close() {
    void this.pool.then((p) => p.close(), () => void 0);
  }
};
function walk(dir, rel, push, collector) {
  let entries;
  try {
    entries = (0, import_node_fs10.readdirSync)(dir, { withFileTypes: true });
  } catch (e) {
    collector.unreadable(rel || ".", String(e.code));
    return;
  }
  const absPrefix = dir.endsWith(import_node_path8.default.sep) ? dir : dir + import_node_path8.default.sep;
  const relPrefix = rel === "" ? "" : `${rel}/`;
  for (const ent of entries) {
    if (ent.isDirectory()) {
      if (ent.name !== ".git") walk(absPrefix + ent.name, relPrefix + ent.name, push, collector);
    } else if (ent.isSymbolicLink()) {
      collector.stats.skippedSymlinks++;
    } else if (ent.isFile()) {
      push(absPrefix + ent.name, relPrefix + ent.name);
    }
  }
}

// src/scan.ts
var VERSION2 = "0.1.0";
async function openSource(mode, ctx, options) {
  switch (mode) {
    case "tree":
      return new TreeSource(ctx, options.paths ?? []);
    case "staged":
      return new StagedSource(ctx);
    case "history":
      if (options.checkpoint && options.range) throw new ScanError("--checkpoint records a scan of every ref, not of a range: drop the range, or the --checkpoint.");
      if (options.checkpoint && options.verify) throw new ScanError("--verify needs the keys themselves, which a checkpoint never keeps: run --verify without --checkpoint.");
      return new (await Promise.resolve().then(() => (init_history(), history_exports))).HistorySource(ctx, options.range ?? null, options.checkpoint ?? null);
    case "stdin":
      return new (await Promise.resolve().then(() => (init_stdin(), stdin_exports))).StdinSource(options.stdin ?? process.stdin, options.stdinFilename ?? "<stdin>");
  }
}
function checkRepository(mode, repo, cwd, paths) {
  if (mode === "stdin" || mode === "tree" && paths.length > 0) return;
  if (repo && !repo.root) {
    const where = repo.bare ? "this is a bare repository, which has no working tree" : `${cwd} is inside the repository's .git folder`;
    if (mode === "tree") throw new ScanError(`There are no files to scan here: ${where}. Run it from the working tree, or scan the commits with --history.`);
    if (mode === "staged") throw new ScanError(`--staged needs a work tree, and ${where}. Run it from the working tree, or use --history.`);
  }
  if (!repo && mode !== "tree") {
    throw new ScanError(`--${mode} needs a git repository, and ${cwd} is not inside one. Run it from your repository, or scan files without --${mode}.`);
  }
}
var EnvChecks = class {
  constructor(enabled, fix, sink) {
    this.enabled = enabled;
    this.fix = fix;
    this.sink = sink;
  }
  enabled;
  fix;
  sink;
  running = /* @__PURE__ */ new Map();
  fixed = [];
  start(root) {
    if (!this.enabled || this.running.has(root)) return;
    const check = checkEnvFiles(root, this.sink, { fix: this.fix, fixed: this.fixed });
    check.catch(() => void 0);
    this.running.set(root, check);
  }
  async done() {
    await Promise.all(this.running.values());
  }
};
async function scan(options = {}) {
  const started = monotonicMs();
  const mode = options.mode ?? "tree";
  const cwd = import_node_path11.default.resolve(options.cwd ?? process.cwd());
  const sink = new Collector({ keepSecrets: Boolean(options.verify), onProgress: options.onProgress });
  const env2 = new EnvChecks(options.envFiles !== false && (mode === "tree" || mode === "staged"), options.fix ?? false, sink);
  const repoFound = mode === "stdin" ? Promise.resolve(null) : findRepo(cwd);
  repoFound.catch(() => void 0);
  const onRepo = options.fix ? void 0 : (root) => env2.start(root);
  let source;
  let repo;
  try {
    source = await openSource(mode, { cwd, repo: repoFound, sink, onRepo }, options);
    const prepared = source.prepare();
    prepared.catch(() => void 0);
    repo = await repoFound;
    sink.excluded = excluder(loadConfig(options.config ?? null, repo?.root ?? cwd).exclude);
    checkRepository(mode, repo, cwd, options.paths ?? []);
    await prepared;
    for (const r of source.roots) env2.start(r);
    await Promise.all([source.scan(sink), env2.done()]);
  } catch (e) {
    throw scanErrorOf(e);
  } finally {
    source?.close();
  }
  return finish(options, mode, cwd, repo?.root ?? cwd, sink, env2.fixed, started);
}
async function finish(options, mode, cwd, root, sink, fixed, started) {
  let findings = sink.findings;
  if (options.baseline) {
    const file = import_node_path11.default.resolve(cwd, options.baseline);
    if (options.updateBaseline) writeBaseline(root, file, findings);
    const known = options.updateBaseline ? new Set(findings.map((f) => f.fingerprint)) : readBaseline(file);
    const before = findings.length;
    findings = findings.filter((f) => !known.has(f.fingerprint));
    sink.stats.baselined = before - findings.length;
  } else if (options.updateBaseline) {
    throw new ScanError("--update-baseline needs --baseline FILE to say where to write it.");
  }
  if (options.verify) {
    const { verifyFindings: verifyFindings2 } = await Promise.resolve().then(() => (init_verify(), verify_exports));
    await verifyFindings2(findings, options.verify);
  }
  sortFindings(findings);
  return {
    findings,
    summary: {
      version: VERSION2,
      mode,
      ...sink.stats,
      ...countBySeverity(findings),
      fixed,
      durationMs: Math.round(monotonicMs() - started)
    }
  };
}

// src/cli.ts
var EXIT = { clean: 0, findings: 1, error: 2 };
function fail(message) {
  process.stderr.write(`dhmad-scan: ${redactText(message).split("\n").map(printable).join("\n")}
`);
  process.exit(EXIT.error);
}
function progressLine(enabled) {
  let shown = false;
  return {
    show(text) {
      if (!enabled) return;
      shown = true;
      process.stderr.write(`\r\x1B[2Kdhmad-scan: ${text}`);
    },
    clear() {
      if (shown) process.stderr.write("\r\x1B[2K");
    }
  };
}
function colorWanted(flag, toFile) {
  if (flag !== void 0) return flag;
  const force = process.env.FORCE_COLOR;
  if (force !== void 0) return force !== "0" && force.toLowerCase() !== "false";
  if (process.env.NO_COLOR) return false;
  return !toFile && Boolean(process.stdout.isTTY);
}
function blockedCommitAdvice(result) {
  const errors = result.findings.filter((f) => f.severity === "error");
  const keys = [...new Set(errors.map((f) => f.keyPrefix).filter((p) => p !== null))];
  const envFiles = [...new Set(errors.filter((f) => f.ruleId === "env-tracked").map((f) => f.file))];
  const lines2 = ["", "dhmad-scan: the staged changes cannot be committed as they are."];
  if (keys.length > 0) {
    const it = keys.length === 1 ? "it" : "them";
    lines2.push(
      `  - Remove the key from the staged file (${keys.map((k) => `${k}…`).join(", ")}); load ${it} from the environment instead (process.env.DHMAD_API_KEY), then \`git add\` the file again.`,
      `  - Rotate ${it} (regenerate at developer.dhmad.tn): a key written to a file is exposed.`,
      `  - If an earlier commit holds ${it}, removing ${it} now does not take ${it} out of history; only rotating does. \`dhmad-scan --history\` lists every commit that holds ${it}.`,
      "  - Not a real key (a test fixture)? Add `dhmad-scan:allow` to its line."
    );
  }
  if (envFiles.length > 0) {
    lines2.push(`  - Unstage the env file and keep it out of git: git rm --cached -- ${envFiles.map((f) => printable(pathspecArgument(f))).join(" ")}, then dhmad-scan --fix to add it to .gitignore.`);
  }
  return lines2.join("\n") + "\n";
}
async function main() {
  const argv = await parseArgs(process.argv.slice(2), fail);
  const positional = argv._;
  if (positional[0] === "install-hook") {
    const { installHook: installHook2 } = await Promise.resolve().then(() => (init_hook(), hook_exports));
    const r = installHook2();
    const lines2 = r.husky ? [
      `${r.updated ? "Kept" : "Added"} \`dhmad-scan --staged\` in ${r.hook}, which husky runs before each commit (husky rewrites .husky/_/, so the hook goes here). Commit that file so your team gets the check too.`,
      ...r.husky.binMissing ? ["The project has no dhmad-scan of its own yet: npm install --save-dev @dhmad/secret-scan"] : []
    ] : [`${r.updated ? "Updated" : "Installed"} the pre-commit hook at ${r.hook}.`, ...r.previous ? [`The hook that was there runs first: ${r.previous}.`] : []];
    process.stdout.write(lines2.join("\n") + "\n");
    return;
  }
  const mode = argv.staged ? "staged" : argv.history !== void 0 ? "history" : argv.stdin ? "stdin" : "tree";
  if (mode !== "tree" && positional.length > 0) fail(`Paths (${positional.join(" ")}) only apply to a working-tree scan, not --${mode}.`);
  if (argv.fix && (mode === "history" || mode === "stdin")) fail("--fix applies to working-tree and --staged scans.");
  if (argv.checkpoint !== void 0 && mode !== "history") fail("--checkpoint applies to --history scans.");
  const urlOptions = ["base-url", "live-base-url", "sandbox-base-url", "verify-timeout"];
  if (!argv.verify && urlOptions.some((o) => argv[o] !== void 0)) fail("--base-url, --live-base-url, --sandbox-base-url and --verify-timeout only apply with --verify.");
  const verifyTimeout = argv["verify-timeout"] === void 0 ? void 0 : Number(argv["verify-timeout"]);
  if (verifyTimeout !== void 0 && !(verifyTimeout > 0 && Number.isFinite(verifyTimeout))) {
    fail(`--verify-timeout must be a number of seconds above 0, got "${argv["verify-timeout"]}".`);
  }
  if (argv.baseline && !argv["update-baseline"] && !(0, import_node_fs14.existsSync)(argv.baseline)) {
    fail(`The baseline ${argv.baseline} does not exist. Create it with --baseline ${argv.baseline} --update-baseline.`);
  }
  if (mode === "tree" && positional.length > 0) {
    for (const p of positional) {
      if (!(0, import_node_fs14.existsSync)(p) && closest(p, ["install-hook"])) fail(`${p} is neither a path nor a command. Did you mean install-hook?`);
    }
    const { skippedNamedPaths: skippedNamedPaths2 } = await Promise.resolve().then(() => (init_named_paths(), named_paths_exports));
    const skipped = skippedNamedPaths2(process.cwd(), positional, argv.config ?? null);
    for (const s of skipped) process.stderr.write(`dhmad-scan: not scanned: ${printable(redactText(`${s.path} is ${s.why}${s.hint ? `; ${s.hint}` : ""}`))}.
`);
    if (skipped.length === positional.length) fail("Nothing was scanned: every path named is ignored or excluded (see above).");
  }
  const reporter = REPORTERS[argv.format]();
  reporter.catch(() => void 0);
  const progress = progressLine(Boolean(process.stderr.isTTY) && mode !== "stdin");
  let result;
  try {
    result = await scan({
      mode,
      paths: positional,
      range: argv.history ? argv.history : null,
      checkpoint: argv.checkpoint ?? null,
      stdinFilename: argv["stdin-filename"],
      config: argv.config ?? null,
      baseline: argv.baseline ?? null,
      updateBaseline: argv["update-baseline"] ?? false,
      envFiles: argv["env-files"],
      fix: argv.fix ?? false,
      verify: argv.verify ? {
        ...argv["base-url"] ? { baseUrl: argv["base-url"] } : {},
        ...argv["live-base-url"] ? { liveBaseUrl: argv["live-base-url"] } : {},
        ...argv["sandbox-base-url"] ? { sandboxBaseUrl: argv["sandbox-base-url"] } : {},
        ...verifyTimeout !== void 0 ? { timeout: verifyTimeout * 1e3 } : {},
        onProgress: (done, total) => progress.show(`verifying keys with the API: ${done}/${total}…`)
      } : null,
      onProgress: (s) => progress.show(`${s.files} files, ${(s.bytes / 1e6).toFixed(0)} MB scanned…`)
    });
  } finally {
    progress.clear();
  }
  if (result.summary.checkpoint) process.stderr.write(`dhmad-scan: --checkpoint: ${redactText(result.summary.checkpoint.note)}
`);
  const report2 = (await reporter)(result, { color: colorWanted(argv.color, Boolean(argv.output)) });
  if (argv.output) {
    try {
      writeNoFollow(process.cwd(), argv.output, report2, "replace", "Cannot write the report");
    } catch (e) {
      fail(e instanceof ScanError ? e.message : String(e));
    }
    const { errors, warnings } = result.summary;
    process.stderr.write(`dhmad-scan: ${errors} errors, ${warnings} warnings; report written to ${argv.output}
`);
  } else {
    process.stdout.write(report2);
  }
  if (mode === "staged" && result.summary.errors > 0) process.stderr.write(blockedCommitAdvice(result));
  if (result.summary.unreadable.length > 0) {
    fail(`Some paths could not be read, so the scan is incomplete: ${result.summary.unreadable.join("; ")}.`);
  }
  process.exitCode = result.summary.errors > 0 ? EXIT.findings : EXIT.clean;
}
if (!isScanThread()) {
  main().catch((e) => {
    if (e instanceof ScanError) fail(e.message);
    fail(`Unexpected error: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
  });
} else {
  void Promise.resolve().then(() => (init_tree_parallel(), tree_parallel_exports));
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  EXIT
});
/*! Bundled license information:

yargs-parser/build/lib/string-utils.js:
yargs-parser/build/lib/tokenize-arg-string.js:
yargs-parser/build/lib/yargs-parser-types.js:
yargs-parser/build/lib/yargs-parser.js:
  (**
   * @license
   * Copyright (c) 2016, Contributors
   * SPDX-License-Identifier: ISC
   *)

yargs-parser/build/lib/index.js:
  (**
   * @fileoverview Main entrypoint for libraries using yargs-parser in Node.js
   *
   * @license
   * Copyright (c) 2016, Contributors
   * SPDX-License-Identifier: ISC
   *)
*/
