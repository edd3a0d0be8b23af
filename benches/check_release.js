// The checks of `lint --schema release`, done with gray-matter (JavaScript).
//
// Usage: node check_release.js FOLDER  (walks *.md, *.markdown, *.mdx)
// Prints one summary line: documents, valid, invalid. Written for benches/compare.sh.
'use strict';
const fs = require('fs');
const path = require('path');
const matter = require('gray-matter');

const text = (v) => typeof v === 'string' && v.trim() !== '';
const texts = (v) => Array.isArray(v) && v.length > 0 && v.every(text);

function isDate(v) {
  // js-yaml reads YYYY-MM-DD as a Date (invalid days roll over, so check the text).
  if (v instanceof Date) return !Number.isNaN(v.getTime());
  if (typeof v !== 'string') return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})([Tt ].*)?$/.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

function isUrl(v, schemes = ['http:', 'https:']) {
  if (typeof v !== 'string') return false;
  try {
    const u = new URL(v.trim());
    return schemes.includes(u.protocol) && u.host !== '';
  } catch (e) {
    return false;
  }
}

function valid(d) {
  if (!d || Object.keys(d).length === 0) return false;
  let ok = text(d.title) && isDate(d.date) && isUrl(d.url) && texts(d.ministers) && texts(d.portfolios);
  if (d.attachments !== undefined && d.attachments !== null) {
    ok = ok && Array.isArray(d.attachments)
      && d.attachments.every((a) => isUrl(a, ['http:', 'https:', 'ftp:', 'mailto:']));
  }
  return ok;
}

function* walk(dir) {
  const entries = fs.readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else if (/\.(md|markdown|mdx)$/.test(e.name)) yield p;
  }
}

let docs = 0;
let good = 0;
for (const file of walk(process.argv[2])) {
  docs += 1;
  try {
    // Passing options turns off gray-matter's cache (it memoizes by content).
    const parsed = matter(fs.readFileSync(file, 'utf8'), {});
    if (valid(parsed.data)) good += 1;
  } catch (e) {
    // a YAML error: invalid, keep going
  }
}
console.log(`gray-matter: ${docs} documents, ${good} valid, ${docs - good} invalid`);
