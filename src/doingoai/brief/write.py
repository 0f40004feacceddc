"""A brief as Markdown or HTML. Every line ends with its citation: the quoted sentence, the outlet, the date
and the address of the article (the stored source's name when the page had no address)."""

from __future__ import annotations

import html

from doingoai.brief.model import Brief, Citation, Section

__all__ = ["FORMATS", "to_html", "to_markdown"]

FORMATS = ("md", "html")


def _where(c: Citation) -> tuple[str, str, str]:
    return c.outlet or "outlet unknown", c.published or "date unknown", c.url or c.source


def _md_section(section: Section, depth: int) -> list[str]:
    out = ["", "#" * depth + " " + section.heading]
    for line in section.lines:
        outlet, date, where = _where(line.cite)
        quote = " ".join(line.cite.quote.split())
        out.append(f"- {line.text} — “{quote}” ({outlet}, {date}, <{where}>)")
    for sub in section.subsections:
        out.extend(_md_section(sub, depth + 1))
    return out


def to_markdown(brief: Brief) -> str:
    lines = ["# " + brief.title]
    for section in brief.sections:
        lines.extend(_md_section(section, 2))
    return "\n".join(lines) + "\n"


def _html_section(section: Section, depth: int) -> list[str]:
    out = [f"<h{depth}>{html.escape(section.heading)}</h{depth}>"]
    if section.lines:
        out.append("<ul>")
        for line in section.lines:
            outlet, date, where = _where(line.cite)
            link = (f'<a href="{html.escape(where, quote=True)}">{html.escape(where)}</a>'
                    if where.startswith(("http://", "https://")) else html.escape(where))
            out.append(f"<li>{html.escape(line.text)} — <q>{html.escape(' '.join(line.cite.quote.split()))}</q> "
                       f"<cite>({html.escape(outlet)}, {html.escape(date)}, {link})</cite></li>")
        out.append("</ul>")
    for sub in section.subsections:
        out.extend(_html_section(sub, min(depth + 1, 6)))
    return out


def to_html(brief: Brief) -> str:
    body = [f"<h1>{html.escape(brief.title)}</h1>"]
    for section in brief.sections:
        body.extend(_html_section(section, 2))
    return ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + html.escape(brief.title)
            + "</title></head>\n<body>\n" + "\n".join(body) + "\n</body></html>\n")
