"""The checks of `lint --schema release`, done with python-frontmatter.

Usage: python check_release.py FOLDER  (walks *.md, *.markdown, *.mdx)
Prints one summary line: documents, valid, invalid. Written for benches/compare.sh.
"""
import datetime
import os
import sys
from urllib.parse import urlsplit

import frontmatter


def text(v):
    return isinstance(v, str) and v.strip() != ""


def is_date(v):
    # PyYAML reads YYYY-MM-DD (and date-times) as date objects; a quoted string must
    # still be a real YYYY-MM-DD date.
    if isinstance(v, (datetime.date, datetime.datetime)):
        return True
    if isinstance(v, str):
        try:
            datetime.date.fromisoformat(v[:10])
            return len(v) == 10 or v[10] in "Tt "
        except ValueError:
            return False
    return False


def is_url(v, schemes=("http", "https")):
    if not isinstance(v, str):
        return False
    try:
        u = urlsplit(v.strip())
    except ValueError:
        return False
    return u.scheme in schemes and bool(u.netloc)


def texts(v):
    return isinstance(v, list) and len(v) > 0 and all(text(x) for x in v)


def valid(meta):
    if not meta:
        return False
    ok = (
        text(meta.get("title"))
        and is_date(meta.get("date"))
        and is_url(meta.get("url"))
        and texts(meta.get("ministers"))
        and texts(meta.get("portfolios"))
    )
    att = meta.get("attachments")
    if att is not None:
        ok = ok and isinstance(att, list) and all(is_url(a, ("http", "https", "ftp", "mailto")) for a in att)
    return bool(ok)


def main(root):
    docs = good = 0
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            if not name.endswith((".md", ".markdown", ".mdx")):
                continue
            docs += 1
            try:
                post = frontmatter.load(os.path.join(folder, name))
                good += valid(post.metadata)
            except Exception:  # a YAML or encoding error: invalid, keep going
                pass
    print(f"python-frontmatter: {docs} documents, {good} valid, {docs - good} invalid")


if __name__ == "__main__":
    main(sys.argv[1])
