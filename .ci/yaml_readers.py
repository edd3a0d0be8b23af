"""Reads masthead's tricky document with PyYAML (YAML 1.1) and checks that every
string comes back the same, as a value and as a key, and that dates written by date
types come back as dates. Exits 1 on any mismatch. Used by yaml_readers.sh."""
import datetime
import json
import sys

import yaml

doc, expected = open(sys.argv[1], encoding="utf-8").read(), json.load(open(sys.argv[2], encoding="utf-8"))
block = doc.split("---\n")[1]
data = yaml.safe_load(block)
bad = []
for want, got in zip(expected, data["strings"]):
    if got != want:
        bad.append(f"value {want!r} read as {got!r}")
if len(data["strings"]) != len(expected):
    bad.append("value count differs")
keys = [want for want in expected if "\n" not in want]
for key, index in data["keys"].items():
    if not isinstance(key, str) or expected[index] != key:
        bad.append(f"key {expected[index]!r} read as {key!r}")
if len(data["keys"]) != len(keys):
    bad.append(f"{len(keys)} keys written, {len(data['keys'])} read")
if not isinstance(data["date"], datetime.date) or data["date_text"] != "2024-05-01":
    bad.append(f"date {data['date']!r}, date_text {data['date_text']!r}")
if not isinstance(data["time"], datetime.datetime):
    bad.append(f"time {data['time']!r}, written by a date-time type, is not a date-time")
for line in bad:
    print("PyYAML:", line)
print(f"PyYAML {yaml.__version__}: {len(expected) - sum(l.startswith('value') for l in bad)} of {len(expected)} values, "
      f"{len(keys) - sum(l.startswith('key') for l in bad)} of {len(keys)} keys read back equal; a date stays a date")
sys.exit(1 if bad else 0)
