"""Find the story in a plain-text news page: title, date, body, and the teasers around it.

Scraped pages keep no markup, so the layout is read from the lines themselves:

1. long lines cut by a hard wrap are joined back;
2. each line gets a kind (``lines.classify``);
3. the page is cut into regions at the places where links to other stories begin (a section marker,
   a headline printed twice, a "[Video]" teaser, the agency sign-off "./.");
4. the region with the most running text holds the story: it runs from its first to its last
   paragraph, with the sub-headings that stand on their own between them;
5. the title is the nearest headline above the story; the date the nearest date line around the title;
6. the other headlines, with the lead that follows each, are the page's teasers.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

from doingoai.segment.dateline import DateHit, date_line, strip_trailing_date
from doingoai.segment.lines import (
    Kind,
    classify,
    ends_terminal,
    is_story_end,
    self_doubled,
    starts_lowercase,
    word_count,
)

__all__ = ["Segments", "segment_lines"]

MIN_TITLE_WORDS = 4
# A page is "blank-separated" when most paragraphs are followed by an empty line; there a sub-heading
# stands between empty lines, and a headline glued to a paragraph is a link to another story.
BLANK_SEPARATED_SHARE = 0.6
# Hard-wrapped pages (fixed-width e-mail style) have most long lines cut before their full stop.
HARD_WRAP_SHARE = 0.5
HARD_WRAP_MIN_LINES = 4
HARD_WRAP_MAX_WIDTH = 110


@dataclass(slots=True)
class _Line:
    number: int  # 1-based line number in the normalized page (first line of a joined group)
    text: str
    kind: Kind = Kind.BLANK
    blank_before: bool = False
    blank_after: bool = False
    duplicate: bool = False  # the same text stood earlier on the page
    repeated: bool = False  # the same text stands elsewhere on the page too
    teaser_title: str | None = None


@dataclass(slots=True)
class Segments:
    """The parts of a text page, as line texts with their line numbers."""

    title: str | None = None
    published: DateHit | None = None
    body: list[tuple[int, str]] = field(default_factory=list)
    related: list[tuple[str, str]] = field(default_factory=list)  # (headline, lead)
    header: list[str] = field(default_factory=list)  # lines above the story (for the outlet)


def _hard_wrapped(lines: list[str]) -> bool:
    long = [ln for ln in lines if len(ln) >= 40]
    if len(long) < HARD_WRAP_MIN_LINES:
        return False
    unfinished = sum(not ends_terminal(ln) for ln in long) / len(long)
    width = statistics.quantiles([len(ln) for ln in long], n=10)[-1] if len(long) > 1 else len(long[0])
    return unfinished >= HARD_WRAP_SHARE and width <= HARD_WRAP_MAX_WIDTH


def _reflow(raw: list[str]) -> list[_Line]:
    """Join lines that a hard wrap or a scraper cut in the middle of a sentence."""
    wrapped = _hard_wrapped(raw)
    out: list[_Line] = []
    joinable = False
    for number, text in enumerate(raw, 1):
        if not text:
            out.append(_Line(number, ""))
            joinable = False
            continue
        if joinable and out and (starts_lowercase(text) or wrapped):
            out[-1].text = f"{out[-1].text} {text}"
        else:
            out.append(_Line(number, text))
        joinable = not ends_terminal(out[-1].text) and classify(text) not in (Kind.DATE, Kind.MARKER)
    return out


def _annotate(lines: list[_Line]) -> list[_Line]:
    counts: dict[str, int] = {}
    for ln in lines:
        if ln.text:
            counts[ln.text] = counts.get(ln.text, 0) + 1
    seen: set[str] = set()
    kept = []
    for i, ln in enumerate(lines):
        if not ln.text:
            continue
        ln.blank_before = i == 0 or not lines[i - 1].text
        ln.blank_after = i + 1 >= len(lines) or not lines[i + 1].text
        ln.duplicate = ln.text in seen
        ln.repeated = counts[ln.text] > 1
        seen.add(ln.text)
        doubled = self_doubled(ln.text)
        if doubled:
            ln.kind, ln.teaser_title = Kind.TEASER, doubled
        else:
            ln.kind = classify(ln.text)
        kept.append(ln)
    return kept


def _starts_region(ln: _Line) -> bool:
    if ln.kind in (Kind.MARKER, Kind.TEASER):
        return True
    # a headline printed twice is a teaser (title, link text); the lead printed twice is not
    return ln.kind is Kind.HEADING and ln.repeated and not ln.duplicate


def _regions(lines: list[_Line]) -> list[list[_Line]]:
    regions: list[list[_Line]] = [[]]
    for ln in lines:
        if _starts_region(ln) and regions[-1]:
            regions.append([])
        regions[-1].append(ln)
        if ln.kind is Kind.PARAGRAPH and is_story_end(ln.text):
            regions.append([])
    return [r for r in regions if r]


def _weight(region: list[_Line]) -> int:
    return sum(word_count(ln.text) for ln in region if ln.kind is Kind.PARAGRAPH and not ln.duplicate)


def _body(region: list[_Line], blank_separated: bool) -> list[_Line]:
    paragraphs = [i for i, ln in enumerate(region) if ln.kind is Kind.PARAGRAPH and not ln.duplicate]
    if not paragraphs:
        return []
    first, last = paragraphs[0], paragraphs[-1]
    body = []
    for i in range(first, last + 1):
        ln = region[i]
        if ln.duplicate:
            continue
        if ln.kind is Kind.PARAGRAPH or (ln.kind is Kind.HEADING and _is_subheading(region, i, blank_separated)):
            body.append(ln)
    return body


def _is_subheading(region: list[_Line], i: int, blank_separated: bool) -> bool:
    ln = region[i]
    following = region[i + 1] if i + 1 < len(region) else None
    if following is None or following.kind is not Kind.PARAGRAPH or ln.repeated:
        return False
    return not blank_separated or (ln.blank_before and ln.blank_after)


def _title(lines: list[_Line], start: int) -> tuple[int, str, DateHit | None] | None:
    """The nearest headline above the story's first line."""
    for i in range(start - 1, -1, -1):
        ln = lines[i]
        if ln.kind is not Kind.HEADING:
            if ln.kind is Kind.PARAGRAPH and ln.duplicate is False and i < start - 1:
                # running text above the lead: the page starts with the story, no headline
                return None
            continue
        text, date = strip_trailing_date(ln.text)
        if word_count(text) >= MIN_TITLE_WORDS and not text.endswith(":"):
            return i, text, date
    return None


def _published(lines: list[_Line], start: int, title_at: int | None, title_date: DateHit | None) -> DateHit | None:
    if title_date:
        return title_date
    header = [(i, ln) for i, ln in enumerate(lines[:start]) if ln.kind is Kind.DATE]
    if not header:
        return None
    if title_at is not None:
        after = [ln for i, ln in header if i > title_at]
        if after:
            return date_line(after[0].text)
        return date_line(header[-1][1].text)
    return date_line(header[0][1].text)


def _related(lines: list[_Line], body_ids: set[int], from_index: int, title: str | None) -> list[tuple[str, str]]:
    items: list[tuple[str, str]] = []
    seen: set[str] = set()
    i = from_index
    while i < len(lines):
        ln = lines[i]
        i += 1
        if id(ln) in body_ids or ln.duplicate:
            continue
        headline = ln.teaser_title or (ln.text if ln.kind in (Kind.HEADING, Kind.TEASER) else None)
        if not headline or word_count(headline) < MIN_TITLE_WORDS or headline == title or headline in seen:
            continue
        lead = ""
        j = i
        while j < len(lines) and (lines[j].duplicate or lines[j].text == headline):
            j += 1
        if j < len(lines) and lines[j].kind is Kind.PARAGRAPH and id(lines[j]) not in body_ids:
            lead = lines[j].text
            i = j + 1
        seen.add(headline)
        items.append((headline, lead))
    return items


def segment_lines(raw_lines: list[str]) -> Segments:
    """Segment a normalized page given as its lines."""
    lines = _annotate(_reflow(raw_lines))
    out = Segments()
    if not lines:
        return out
    regions = _regions(lines)
    best = max(regions, key=_weight)
    paragraphs = [ln for ln in lines if ln.kind is Kind.PARAGRAPH]
    blank_separated = bool(paragraphs) and (
        sum(ln.blank_after for ln in paragraphs) / len(paragraphs) >= BLANK_SEPARATED_SHARE)
    body = _body(best, blank_separated)
    index = {id(ln): i for i, ln in enumerate(lines)}
    start = index[id(body[0])] if body else len(lines)
    found = _title(lines, start)
    title_at = found[0] if found else None
    out.title = found[1] if found else None
    out.published = _published(lines, start, title_at, found[2] if found else None)
    out.body = [(ln.number, ln.text) for ln in body]
    out.header = [ln.text for ln in lines[:start]]
    body_ids = {id(ln) for ln in body}
    out.related = _related(lines, body_ids, (title_at + 1) if title_at is not None else start, out.title)
    return out
