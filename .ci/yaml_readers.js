// Reads masthead's tricky document with js-yaml and checks that every string comes
// back the same, as a value and as a key, and that a date written by a date type
// comes back as a date. Exits 1 on any mismatch. Used by yaml_readers.sh.
const fs = require("fs");
const yaml = require("js-yaml");
const [doc, expectedPath, name] = process.argv.slice(2);
const expected = JSON.parse(fs.readFileSync(expectedPath, "utf8"));
const block = fs.readFileSync(doc, "utf8").split("---\n")[1];
const data = (yaml.load || yaml.safeLoad)(block);
const bad = [];
expected.forEach((want, i) => {
  if (data.strings[i] !== want) bad.push(`value ${JSON.stringify(want)} read as ${JSON.stringify(data.strings[i])}`);
});
if (data.strings.length !== expected.length) bad.push("value count differs");
const keys = expected.filter((s) => !s.includes("\n"));
const read = Object.keys(data.keys);
for (const key of read) {
  if (expected[data.keys[key]] !== key) bad.push(`key ${JSON.stringify(expected[data.keys[key]])} read as ${JSON.stringify(key)}`);
}
if (read.length !== keys.length) bad.push(`${keys.length} keys written, ${read.length} read`);
if (!(data.date instanceof Date) || data.date_text !== "2024-05-01") bad.push(`date ${data.date}, date_text ${data.date_text}`);
if (!(data.time instanceof Date)) bad.push(`time ${data.time}, written by a date-time type, is not a date-time`);
for (const line of bad) console.log(`${name}: ${line}`);
const values = expected.length - bad.filter((l) => l.startsWith("value")).length;
const keyCount = keys.length - bad.filter((l) => l.startsWith("key")).length;
console.log(`${name}: ${values} of ${expected.length} values, ${keyCount} of ${keys.length} keys read back equal; a date stays a date`);
process.exit(bad.length ? 1 : 0);
