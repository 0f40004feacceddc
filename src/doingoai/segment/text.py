"""Find the story in a plain-text news page: title, date, body, and the teasers around it.

Scraped pages keep no markup, so the layout is read from the lines themselves:

1. long lines cut by a hard wrap are joined back;
2. each line gets a kind (``lines.classify``);
3. the page is cut into regions at the places where links to other stories begin (a section marker,
   a headline printed twice, a "[Video]" or slug-prefixed teaser, the agency sign-off "./."), except
   where such a box of links sits inside the story and the story goes on after it;
4. the region with the most running text holds the story: it runs from its first to its last
   paragraph, with the sub-headings that stand on their own between them;
5. the title is the nearest headline above the story; the date the nearest date line after the
   title, else the one printed just under the story, else the one above the title;
6. the other headlines, with the lead that follows each, are the page's teasers.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

from doingoai.segment.dateline import DateHit, date_line, strip_trailing_date
from doingoai.segment.lines import (
    Kind,
    ends_terminal,
    is_story_end,
    is_truncated,
    link_headline,
    read_line,
    starts_lowercase,
    teaser_headline,
    word_count,
)

__all__ = ["Readings", "Segments", "segment_lines"]

MIN_TITLE_WORDS = 4
# A box of teasers inside the story (t01, t07 of the golden pages) is followed by at least this many full
# paragraphs in a row; a list of teasers has one lead per headline.
MIN_RESUMED_PARAGRAPHS = 2
# "Cập nhật: 18:20 ngày 14/03/2023" printed under the story: within this many lines of its last
# paragraph, past a byline and a source line (baochinhphu.vn's layout, golden page t04).
TAIL_DATE_WINDOW = 4
# A page is "blank-separated" when most paragraphs are followed by an empty line; there a sub-heading
# stands between empty lines, and a headline glued to a paragraph is a link to another story.
BLANK_SEPARATED_SHARE = 0.6
# Hard-wrapped pages (fixed-width e-mail style) have most long lines cut before their full stop.
HARD_WRAP_SHARE = 0.5
HARD_WRAP_MIN_LINES = 4
HARD_WRAP_MAX_WIDTH = 110
# Enough characters to see how a line ends ("./.", '..."', ':"').
_TERMINAL_TAIL = 12
# Lines outside the story that may name the site (follow buttons, mastheads, copyright); captions may
# not, their credits name other outlets.
_FURNITURE = (Kind.BOILERPLATE, Kind.HEADING, Kind.BYLINE)


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
    boxed: bool = False  # inside a box of links to other stories that interrupts the story
    caption: bool = False  # a photo caption printed twice in a row (image text and caption)


@dataclass(slots=True)
class Segments:
    """The parts of a text page, as line texts with their line numbers."""

    title: str | None = None
    published: DateHit | None = None
    body: list[tuple[int, str]] = field(default_factory=list)
    related: list[tuple[str, str]] = field(default_factory=list)  # (headline, lead)
    header: list[str] = field(default_factory=list)  # lines above the story (for the outlet)
    below: list[str] = field(default_factory=list)  # page furniture below the story's start (for the outlet)


def _hard_wrapped(lines: list[str]) -> bool:
    long = [ln for ln in lines if len(ln) >= 40]
    if len(long) < HARD_WRAP_MIN_LINES:
        return False
    unfinished = sum(not ends_terminal(ln) for ln in long) / len(long)
    width = statistics.quantiles([len(ln) for ln in long], n=10)[-1] if len(long) > 1 else len(long[0])
    return unfinished >= HARD_WRAP_SHARE and width <= HARD_WRAP_MAX_WIDTH


class Readings:
    """The kind, word count and teaser headline of each line text of a page, worked out once: reflowing,
    annotating and weighing regions all read them, mostly for the same lines."""

    def __init__(self) -> None:
        self._kinds: dict[str, tuple[Kind, int | None]] = {}
        self._teasers: dict[str, str | None] = {}

    def _read(self, text: str) -> tuple[Kind, int | None]:
        found = self._kinds.get(text)
        if found is None:
            found = self._kinds[text] = read_line(text)
        return found

    def kind(self, text: str) -> Kind:
        return self._read(text)[0]

    def words(self, text: str) -> int:
        words = self._read(text)[1]
        return word_count(text) if words is None else words

    def teaser(self, text: str) -> str | None:
        if text in self._teasers:
            return self._teasers[text]
        headline = self._teasers[text] = teaser_headline(text)
        return headline


def _reflow(raw: list[str], read: Readings) -> list[_Line]:
    """Join lines that a hard wrap or a scraper cut in the middle of a sentence."""
    wrapped = _hard_wrapped(raw)
    out: list[_Line] = []
    joinable = False
    for number, text in enumerate(raw, 1):
        if not text:
            out.append(_Line(number, ""))
            joinable = False
            continue
        # a teaser line ("slug Headline") opens lowercase but is a line of its own
        teaser = read.teaser(text) is not None
        if joinable and out and (starts_lowercase(text) or wrapped) and not teaser:
            out[-1].text = f"{out[-1].text} {text}"
        else:
            out.append(_Line(number, text))
        # only the end of a joined line decides (reading all of it again would be quadratic)
        joinable = (not ends_terminal(out[-1].text[-_TERMINAL_TAIL:]) and not teaser
                    and read.kind(text) not in (Kind.DATE, Kind.MARKER))
    return out


def _annotate(lines: list[_Line], read: Readings) -> list[_Line]:
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
        ln.caption = _printed_twice(lines, i)
        headline = read.teaser(ln.text)
        if headline:
            ln.kind, ln.teaser_title = Kind.TEASER, headline
        else:
            ln.kind = read.kind(ln.text)
            if ln.kind is Kind.LINK:
                ln.teaser_title = link_headline(ln.text)
        kept.append(ln)
    _mark_captions_apart(lines)
    return kept


def _printed_twice(lines: list[_Line], i: int) -> bool:
    """A line printed again right after itself, whole or wrapped over two lines, or the second copy: the
    image text and the caption of a photo, which is neither a headline nor a teaser. (Lengths are compared
    first: this runs for every line of every page.)"""
    text = lines[i].text
    if not text:
        return False
    n = len(lines)
    prv = lines[i - 1].text if i > 0 else ""
    nxt = lines[i + 1].text if i + 1 < n else ""
    if nxt == text or prv == text:
        return True
    p2 = lines[i - 2].text if i > 1 else ""
    n2 = lines[i + 2].text if i + 2 < n else ""
    size = len(text)

    def joined(a: str, b: str, whole: str) -> bool:  # whole == a + " " + b, a line wrapped in two
        return bool(a and b) and len(a) + 1 + len(b) == len(whole) and whole == f"{a} {b}"

    return (joined(nxt, n2, text) or joined(p2, prv, text)
            or (len(prv) > size and joined(text, nxt, prv)) or (len(p2) > size and joined(prv, text, p2)))


def _mark_captions_apart(lines: list[_Line]) -> None:
    """The two copies of a photo's text with blank lines between them, inside the story: the copies stand
    apart from the lead before them (a full paragraph) and the story runs on after them for several full
    paragraphs. Teasers printed twice in a box are glued to a cut-short lead or to the next teaser."""
    filled = [k for k, ln in enumerate(lines) if ln.text]
    for n in range(1, len(filled) - 1):
        a, b = lines[filled[n]], lines[filled[n + 1]]
        if a.text != b.text or a.kind is not Kind.HEADING or a.caption or not a.blank_before:
            continue
        if not 1 < filled[n + 1] - filled[n] <= 3:  # one or two blank lines between the copies
            continue
        lead = lines[filled[n - 1]]
        if lead.kind is not Kind.PARAGRAPH or is_truncated(lead.text):
            continue
        after = [lines[k] for k in filled[n + 2:n + 2 + MIN_RESUMED_PARAGRAPHS]]
        if len(after) == MIN_RESUMED_PARAGRAPHS and all(
                ln.kind is Kind.PARAGRAPH and not ln.repeated and not is_truncated(ln.text) for ln in after):
            a.caption = b.caption = True


def _starts_region(ln: _Line) -> bool:
    if ln.caption:
        return False
    if ln.kind in (Kind.MARKER, Kind.TEASER):
        return True
    # a headline printed twice is a teaser (title, link text); the lead printed twice is not
    return ln.kind is Kind.HEADING and ln.repeated and not ln.duplicate


def _regions(lines: list[_Line], blank_separated: bool) -> list[list[_Line]]:
    regions: list[list[_Line]] = [[]]
    i = 0
    rejected_until = 0  # the lines of a box already found not to interrupt the story are not tried again
    while i < len(lines):
        ln = lines[i]
        if _starts_region(ln):
            resume = None
            if ln.kind is not Kind.HEADING and i >= rejected_until:
                resume, rejected_until = _box_end(lines, i, blank_separated)
            if resume is not None:
                # a box of links inside the story: the story goes on after it, in the same region
                for boxed in lines[i:resume]:
                    boxed.boxed = True
                regions[-1].extend(lines[i:resume])
                i = resume
                continue
            if regions[-1]:
                regions.append([])
        regions[-1].append(ln)
        if ln.kind is Kind.PARAGRAPH and is_story_end(ln.text):
            regions.append([])
        i += 1
    return [r for r in regions if r]


def _box_end(lines: list[_Line], i: int, blank_separated: bool) -> tuple[int | None, int]:
    """Where the story resumes after the box of teasers that starts at ``lines[i]`` (None when the box
    is not followed by more of the story: then it ends the story, as usual), and where the box ends."""
    j = i + 1 if lines[i].kind is Kind.MARKER else i
    items = 0
    while j < len(lines):
        end = _box_item_end(lines, j, blank_separated)
        if end is None:
            break
        items, j = items + 1, end
    return (j if items and j < len(lines) and _story_resumes(lines, j) else None), j


def _box_item_end(lines: list[_Line], j: int, blank_separated: bool) -> int | None:
    """The end of one teaser in a box (its headline, the headline again, its date, its lead), or None."""
    ln = lines[j]
    following = lines[j + 1] if j + 1 < len(lines) else None
    certain = ln.kind in (Kind.TEASER, Kind.LINK)
    if not certain:
        # a sub-heading stands apart and opens full paragraphs; a teaser's headline is glued to the
        # box (on pages that separate paragraphs), printed twice, dated, or followed by a cut-short lead
        glued = blank_separated and not ln.blank_before
        dated = following is not None and following.kind is Kind.DATE
        cut_lead = following is not None and following.kind is Kind.PARAGRAPH and is_truncated(following.text)
        if ln.kind is not Kind.HEADING or not (glued or ln.repeated or dated or cut_lead):
            return None
    j += 1
    dated = False
    while j < len(lines) and ((lines[j].duplicate and lines[j].text == ln.text) or lines[j].kind is Kind.DATE):
        dated = dated or lines[j].kind is Kind.DATE
        j += 1
    if j < len(lines) and lines[j].kind is Kind.PARAGRAPH:
        lead = lines[j]
        if dated or is_truncated(lead.text) or (not certain and blank_separated and not lead.blank_before):
            j += 1
    return j


def _story_resumes(lines: list[_Line], j: int) -> bool:
    """After a box, the story goes on with a photo, a paragraph or a sub-heading, and then runs for
    several full paragraphs in a row before the next box (a list of teasers has one lead per headline)."""
    first = lines[j]
    if first.kind not in (Kind.PARAGRAPH, Kind.CAPTION, Kind.HEADING) or is_truncated(first.text):
        return False
    in_a_row = 0
    for k in range(j, len(lines)):
        ln = lines[k]
        if (k > j and _starts_region(ln)) or ln.kind is Kind.DATE:
            break  # another box, or a dated headline: more teasers
        if ln.kind is Kind.HEADING:
            in_a_row = 0
        elif ln.kind is Kind.PARAGRAPH and not ln.duplicate and not is_truncated(ln.text):
            in_a_row += 1
            if in_a_row >= MIN_RESUMED_PARAGRAPHS:
                return True
    return False


def _weight(region: list[_Line], read: Readings) -> int:
    return sum(read.words(ln.text) for ln in region if _is_story_paragraph(ln))


def _is_story_paragraph(ln: _Line) -> bool:
    return ln.kind is Kind.PARAGRAPH and not ln.duplicate and not ln.boxed and not ln.caption


def _body(region: list[_Line], blank_separated: bool) -> list[_Line]:
    paragraphs = [i for i, ln in enumerate(region) if _is_story_paragraph(ln)]
    if not paragraphs:
        return []
    first, last = paragraphs[0], paragraphs[-1]
    body = []
    for i in range(first, last + 1):
        ln = region[i]
        if ln.duplicate or ln.boxed or ln.caption:
            continue
        if ln.kind is Kind.PARAGRAPH or (ln.kind is Kind.HEADING and _is_subheading(region, i, blank_separated)):
            body.append(ln)
    return body


def _is_subheading(region: list[_Line], i: int, blank_separated: bool) -> bool:
    ln = region[i]
    following = region[i + 1] if i + 1 < len(region) else None
    if following is None or following.kind is not Kind.PARAGRAPH or ln.repeated:
        return False
    if i > 0 and region[i - 1].kind is Kind.HEADING and not ln.blank_before:
        return False  # the last of a run of headlines glued together: teasers, not a sub-heading
    return not blank_separated or (ln.blank_before and ln.blank_after)


def _title(lines: list[_Line], start: int) -> tuple[int, str, DateHit | None] | None:
    """The nearest headline above the story's first line."""
    for i in range(start - 1, -1, -1):
        ln = lines[i]
        if ln.caption:
            continue
        if ln.kind is not Kind.HEADING:
            if ln.kind is Kind.PARAGRAPH and ln.duplicate is False and i < start - 1:
                # running text above the lead: the page starts with the story, no headline
                return None
            continue
        text, date = strip_trailing_date(ln.text)
        if word_count(text) >= MIN_TITLE_WORDS and not text.endswith(":"):
            return i, text, date
    return None


def _published(lines: list[_Line], start: int, end: int, title_at: int | None,
               title_date: DateHit | None) -> DateHit | None:
    """The story's date: on its headline, else between headline and story, else just under the story,
    else above the headline (where a site prints today's date as a banner, so it comes last)."""
    if title_date:
        return title_date
    header = [(i, ln) for i, ln in enumerate(lines[:start]) if ln.kind is Kind.DATE]
    if title_at is not None:
        after = [ln for i, ln in header if i > title_at]
        if after:
            return date_line(after[0].text)
    tail = _tail_date(lines, end)
    if tail or not header:
        return tail
    return date_line(header[-1][1].text if title_at is not None else header[0][1].text)


def _tail_date(lines: list[_Line], end: int) -> DateHit | None:
    """A date line printed under the story ("Cập nhật: ..."), before any link to another story."""
    for ln in lines[end:end + TAIL_DATE_WINDOW]:
        if ln.kind is Kind.DATE:
            return date_line(ln.text)
        if ln.kind in (Kind.MARKER, Kind.TEASER, Kind.LINK, Kind.PARAGRAPH) or (
                ln.kind is Kind.HEADING and word_count(ln.text) >= MIN_TITLE_WORDS):
            return None
    return None


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


def segment_lines(raw_lines: list[str], read: Readings | None = None) -> Segments:
    """Segment a normalized page given as its lines. ``read``: the line readings of another text of the same
    page, to share (an HTML page's main text and its whole visible text hold many of the same lines; a line's
    reading depends on its text alone)."""
    read = Readings() if read is None else read
    lines = _annotate(_reflow(raw_lines, read), read)
    out = Segments()
    if not lines:
        return out
    paragraphs = [ln for ln in lines if ln.kind is Kind.PARAGRAPH]
    blank_separated = bool(paragraphs) and (
        sum(ln.blank_after for ln in paragraphs) / len(paragraphs) >= BLANK_SEPARATED_SHARE)
    best = max(_regions(lines, blank_separated), key=lambda region: _weight(region, read))
    body = _body(best, blank_separated)
    index = {id(ln): i for i, ln in enumerate(lines)}
    start = index[id(body[0])] if body else len(lines)
    end = index[id(body[-1])] + 1 if body else len(lines)
    found = _title(lines, start)
    title_at = found[0] if found else None
    out.title = found[1] if found else None
    out.published = _published(lines, start, end, title_at, found[2] if found else None)
    out.body = [(ln.number, ln.text) for ln in body]
    out.header = [ln.text for ln in lines[:start]]
    body_ids = {id(ln) for ln in body}
    out.below = [ln.text for ln in lines[start:] if id(ln) not in body_ids and ln.kind in _FURNITURE]
    out.related = _related(lines, body_ids, (title_at + 1) if title_at is not None else start, out.title)
    return out
