"""Writes a horizontal bar chart as SVG from measured numbers (no plotting library).

Usage: python chart.py DATA.json OUT.svg
DATA.json: {"title": str, "unit": str, "subtitle": str,
            "bars": [{"label": str, "value": float, "text": str, "ours": bool}]}
"log": true draws bar lengths on a logarithmic scale. Bars are drawn in the given
order, scaled to the largest value; `text` is printed
at the end of each bar. Used by benches/compare.sh and benches/report.py.
"""
import json
import math
import sys
from html import escape


def svg(data):
    bars = data["bars"]
    width, left, right, row, top = 760, 230, 150, 26, 58
    height = top + row * len(bars) + 30
    most = max(b["value"] for b in bars) or 1
    least = min(b["value"] for b in bars if b["value"] > 0)
    log = data.get("log", False)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="13">',
        f'<rect width="{width}" height="{height}" fill="white"/>',
        f'<text x="12" y="22" font-size="15" font-weight="bold">{escape(data["title"])}</text>',
        f'<text x="12" y="42" fill="#555">{escape(data.get("subtitle", ""))}</text>',
    ]
    span = width - left - right
    for i, b in enumerate(bars):
        y = top + i * row
        if log:  # one decade below the smallest value is the left edge
            w = span * math.log10(b["value"] / least * 10) / math.log10(most / least * 10)
        else:
            w = max(1.0, span * b["value"] / most)
        colour = "#d9480f" if b.get("ours") else "#868e96"
        out.append(f'<text x="{left - 8}" y="{y + 16}" text-anchor="end">{escape(b["label"])}</text>')
        out.append(f'<rect x="{left}" y="{y + 4}" width="{w:.1f}" height="{row - 8}" fill="{colour}"/>')
        out.append(f'<text x="{left + w + 6:.1f}" y="{y + 16}">{escape(b["text"])}</text>')
    out.append(
        f'<text x="12" y="{height - 10}" fill="#555">{escape(data["unit"])}'
        f'{" (logarithmic scale)" if log else ""}; shorter is better</text>'
    )
    out.append("</svg>")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    with open(sys.argv[1]) as f:
        data = json.load(f)
    with open(sys.argv[2], "w") as f:
        f.write(svg(data))
