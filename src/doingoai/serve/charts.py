"""Charts drawn on the server as SVG markup: bars, a level timeline, the partner network.

No JavaScript and no external library: each function takes plain values and returns an SVG string in
which every text from the data is escaped; colours are CSS classes of static/app.css (the page's CSP
allows no inline style).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

__all__ = ["Node", "bars", "network", "spans"]

_W, _H, _PAD_L, _PAD_B, _PAD_T = 720, 280, 40, 62, 14


def _ticks(top: int) -> list[int]:
    step = max(1, math.ceil(top / 4))
    return list(range(0, top + 1, step))


def bars(labels: Sequence[str], series: Sequence[tuple[str, Sequence[int]]], title: str) -> str:
    """Grouped bars: one group per label, one bar per series (each a CSS class s0, s1, ...)."""
    top = max([1, *(v for _, values in series for v in values)])
    inner_w, inner_h = _W - _PAD_L - 10, _H - _PAD_B - _PAD_T
    group = inner_w / max(1, len(labels))
    bar = max(2.0, (group * 0.8) / max(1, len(series)))
    out = [f'<svg class="chart" viewBox="0 0 {_W} {_H}" role="img" aria-label="{escape(title)}" '
           f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>']
    for t in _ticks(top):
        y = _PAD_T + inner_h - inner_h * t / top
        out.append(f'<line class="grid" x1="{_PAD_L}" x2="{_W - 10}" y1="{y:.1f}" y2="{y:.1f}"/>'
                   f'<text class="tick" x="{_PAD_L - 4}" y="{y + 4:.1f}" text-anchor="end">{t}</text>')
    for i, label in enumerate(labels):
        x0 = _PAD_L + i * group + group * 0.1
        for k, (name, values) in enumerate(series):
            v = values[i]
            h = inner_h * v / top
            out.append(f'<rect class="s{k % 8}" x="{x0 + k * bar:.1f}" y="{_PAD_T + inner_h - h:.1f}" '
                       f'width="{bar - 1:.1f}" height="{h:.1f}"><title>{escape(label)} · {escape(name)}: {v}'
                       f'</title></rect>')
        if len(labels) <= 24 or i % math.ceil(len(labels) / 24) == 0:
            out.append(f'<text class="label" x="{x0 + group * 0.4:.1f}" y="{_H - _PAD_B + 16}" '
                       f'text-anchor="middle">{escape(label)}</text>')
    for k, (name, _) in enumerate(series):
        x = _PAD_L + (k % 3) * 220
        y = _H - 26 + (k // 3) * 16
        out.append(f'<rect class="s{k % 8}" x="{x}" y="{y - 9}" width="10" height="10"/>'
                   f'<text class="legend" x="{x + 14}" y="{y}">{escape(name)}</text>')
    out.append("</svg>")
    return "".join(out)


def spans(rows: Sequence[tuple[str, str, int, int]], first: int, last: int, title: str) -> str:
    """A timeline: one row per (label, css class, from year, to year) over the years [first, last]."""
    last = max(last, first + 1)
    row_h, left = 26, 230
    height = _PAD_T + row_h * len(rows) + 30
    scale = (_W - left - 20) / (last - first)
    out = [f'<svg class="chart" viewBox="0 0 {_W} {height}" role="img" aria-label="{escape(title)}" '
           f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>']
    for year in range(first, last + 1, max(1, math.ceil((last - first) / 10))):
        x = left + (year - first) * scale
        out.append(f'<line class="grid" x1="{x:.1f}" x2="{x:.1f}" y1="{_PAD_T}" y2="{height - 24}"/>'
                   f'<text class="tick" x="{x:.1f}" y="{height - 8}" text-anchor="middle">{year}</text>')
    for i, (label, css, start, end) in enumerate(rows):
        y = _PAD_T + i * row_h
        x0 = left + (start - first) * scale
        w = max(6.0, (end - start) * scale)
        out.append(f'<text class="label" x="{left - 8}" y="{y + 16}" text-anchor="end">{escape(label)}</text>'
                   f'<rect class="{escape(css)}" x="{x0:.1f}" y="{y + 4}" width="{w:.1f}" height="{row_h - 8}">'
                   f'<title>{escape(label)}: {start}–{end}</title></rect>')
    out.append("</svg>")
    return "".join(out)


@dataclass(frozen=True, slots=True)
class Node:
    code: str
    name: str
    weight: int  # contacts with the centre
    css: str  # the class of its level
    href: str


def network(centre: str, nodes: Sequence[Node], title: str) -> str:
    """The centre in the middle, each partner on a circle (most contacts first, clockwise from the top),
    the line to it as wide as its share of the contacts."""
    size, radius = 760, 300
    c = size / 2
    top = max([1, *(n.weight for n in nodes)])
    out = [f'<svg class="chart network" viewBox="0 0 {size} {size}" role="img" aria-label="{escape(title)}" '
           f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>']
    placed = []
    for i, n in enumerate(nodes):
        angle = 2 * math.pi * i / max(1, len(nodes)) - math.pi / 2
        # the busiest partners closer to the centre
        r = radius * (0.55 + 0.45 * (1 - n.weight / top)) if n.weight else radius
        placed.append((n, c + r * math.cos(angle), c + r * math.sin(angle)))
    for n, x, y in placed:
        width = 1 + 9 * n.weight / top
        out.append(f'<line class="edge" x1="{c}" y1="{c}" x2="{x:.1f}" y2="{y:.1f}" stroke-width="{width:.1f}">'
                   f'<title>{escape(n.name)}: {n.weight}</title></line>')
    for n, x, y in placed:
        r = 7 + 10 * math.sqrt(n.weight / top)
        out.append(f'<a href="{escape(n.href)}"><circle class="node {escape(n.css)}" cx="{x:.1f}" cy="{y:.1f}" '
                   f'r="{r:.1f}"><title>{escape(n.name)}: {n.weight}</title></circle>'
                   f'<text class="node-label" x="{x:.1f}" y="{y + r + 12:.1f}" text-anchor="middle">'
                   f'{escape(n.name)}</text></a>')
    out.append(f'<circle class="node centre" cx="{c}" cy="{c}" r="16"/><text class="node-label centre-label" '
               f'x="{c}" y="{c + 32}" text-anchor="middle">{escape(centre)}</text></svg>')
    return "".join(out)
