"""What one line of a scraped page is: part of a story, a headline, or clutter.

Each line gets one ``Kind`` from its own text alone; the page-level decisions (where the story starts
and ends, which headline is the title) are in ``text.py`` and use these kinds plus the layout.
"""

from __future__ import annotations

import re
from enum import Enum
from functools import cache

from doingoai.clean.normalize import fold
from doingoai.lexicon import Table, clutter_key, page_clutter, patterns
from doingoai.prefilter import lowered
from doingoai.segment.dateline import date_line

__all__ = ["Kind", "classify", "is_story_end", "is_truncated", "link_headline", "read_line", "teaser_headline",
           "word_count"]


@cache
def _rx() -> Table[re.Pattern[str]]:
    """The plain patterns of ``data/patterns_lines.yaml``."""
    return patterns("patterns_lines.yaml")



class Kind(Enum):
    BLANK = "blank"
    PARAGRAPH = "paragraph"  # a sentence or more of running text
    HEADING = "heading"  # headline-like: the title, a sub-heading, or a teaser's headline
    MARKER = "marker"  # "Tin bài liên quan", "Đọc nhiều": links to other stories follow
    DATE = "date"  # a date line
    CAPTION = "caption"
    BYLINE = "byline"
    LINK = "link"  # ">>" links to other stories
    TEASER = "teaser"  # a headline that is certainly another story's ("[Video] ...", doubled headline)
    BOILERPLATE = "boilerplate"
    SLUG = "slug"  # an URL slug or a headline stripped of diacritics


_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
# A line ends a sentence when, past its final spaces, it ends on one of ". ! ? … ; :", or on a closing quote or
# bracket right after one of ". ! ? …", or on a quote right after ":" (the pattern
# ``(?:[.!?…;]|\.\.\.|[.!?…]["”’»)\]]|:["”]?)\s*$``, read off the last two characters: tests/segment holds them equal).
_STOPS = frozenset(".!?…;:")
_SENTENCE_STOPS = frozenset(".!?…")
_CLOSERS = frozenset('"”’»)]')
_QUOTES = frozenset('"”')
_LINK = re.compile(r"^\s*(>>|»|→|⇒|\+\+)")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9 \-]+$")
_SLUG_TOKEN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_ALNUM = re.compile(r"[a-z0-9]+")
# A teaser lead cut short by the site: "... tham dự hội nghị ...".
_ELLIPSES = ("...", "…")

# Calibrated on the seed and dev pages: leads and paragraphs have at least six words and end in a
# full stop; long unpunctuated lines are paragraphs cut by the scraper; headlines run 3 to 40 words.
MIN_PARAGRAPH_WORDS = 6
LONG_LINE_WORDS = 28
MAX_HEADING_WORDS = 40
MIN_COLON_PARAGRAPH_WORDS = 12
# The longest section marker or furniture line in page_clutter.yaml is under 40 characters.
MAX_MARKER_CHARS = 80
# A slug printed before a headline has at least this many words (shorter lowercase runs are ordinary words).
MIN_SLUG_WORDS = 3


# Punctuation that opens or closes a word in running text ("Hà Nội,", "(TTXVN)", "“hợp tác”."); none of it is
# a letter or a digit.
_WORD_EDGES = ".,;:!?…\"“”'‘’()[]{}«»<>-–—/%*•·|"


def word_count(line: str) -> int:
    # Words never span spaces: count them token by token, where a token of letters and digits only
    # (most of them) is one word without a regex run over it, and so is one that is only punctuation
    # around such a core ("Nội," "(TTXVN)"): stripping what is no letter or digit joins no two words.
    tokens = line.split()
    count = len(tokens)
    for token in tokens:
        if not token.isalnum():
            core = token.strip(_WORD_EDGES)
            if not core:
                count -= 1
            elif not core.isalnum():
                count += len(_WORD.findall(token)) - 1
    return count


def teaser_headline(line: str) -> str | None:
    """The headline of a line that is certainly a link to another story (doubled or slug-prefixed), else None."""
    return _self_doubled(line) or _slug_prefixed(line)


def link_headline(line: str) -> str:
    """">>Việt Nam - Hàn Quốc ...": the headline of a link line, without its arrow."""
    return _LINK.sub("", line, count=1).strip()


def _self_doubled(line: str) -> str | None:
    """Scrapers glue a teaser's headline to its own link text: "X X". Returns X."""
    n = len(line)
    if n < 20 or n % 2 == 0:
        return None
    half = n // 2
    first, second = line[:half], line[half + 1:]
    return first if line[half] == " " and first == second else None


def _slug_prefixed(line: str) -> str | None:
    """Link boxes print a teaser's slug (its URL or image alt text without diacritics) before its
    headline: "viet nam new zealand hop tac Việt Nam - New Zealand hợp tác". Returns the headline."""
    # the first words decide for most lines: split the rest only when they look like a slug
    if not all(_SLUG_TOKEN.match(t) for t in line.split(maxsplit=MIN_SLUG_WORDS)[:MIN_SLUG_WORDS]):
        return None
    tokens = line.split()
    if len(tokens) < 2 * MIN_SLUG_WORDS:
        return None
    folded = [_ALNUM.findall(fold(t)) for t in tokens]
    total = sum(len(f) for f in folded)
    seen = 0
    for k, token in enumerate(tokens):
        if not _SLUG_TOKEN.match(token):
            return None
        seen += len(folded[k])
        # the slug spells the headline again: half of the line's words, the same once folded
        if 2 * seen == total and k + 1 >= MIN_SLUG_WORDS:
            slug = [w for f in folded[:k + 1] for w in f]
            rest = [w for f in folded[k + 1:] for w in f]
            return " ".join(tokens[k + 1:]) if slug == rest else None
    return None


def is_truncated(line: str) -> bool:
    """Teaser leads are cut short with an ellipsis; story paragraphs end on a full stop."""
    return line.rstrip().endswith(_ELLIPSES)


def is_story_end(line: str) -> bool:
    """The agency sign-off "./." closes a story."""
    return bool(page_clutter().story_ends.search(line, lowered(line)))


def _is_byline(line: str, words: int) -> bool:
    if page_clutter().bylines.match(line):
        return True
    # "Nguyễn Hồng", "Minh Thái": a short line of capitalised words with no punctuation is a signature.
    if not 2 <= words <= 4:
        return False
    tokens = line.split()
    return len(tokens) <= 4 and all(_is_name_word(t) for t in tokens)


def _is_name_word(token: str) -> bool:
    word = token.rstrip(".")
    return word.isalpha() and word[0].isupper() and (len(word) == 1 or word[1:].islower())


def classify(line: str) -> Kind:
    """The kind of one normalized, stripped line."""
    return read_line(line)[0]


def read_line(line: str) -> tuple[Kind, int | None]:
    """The kind of one normalized, stripped line, and its word count when telling the kind took it
    (always for paragraphs and headings): the page-level rules weigh regions by their words."""
    if not line:
        return Kind.BLANK, None
    clutter = page_clutter()
    # markers and furniture are short lines: the folded key is only worth computing for those
    key = clutter_key(line) if len(line) <= MAX_MARKER_CHARS else ""
    if key in clutter.section_markers:
        return Kind.MARKER, None
    if key in clutter.boilerplate_lines or clutter.boilerplate.match(line):
        return Kind.BOILERPLATE, None
    if _LINK.match(line):
        return Kind.LINK, None
    if _rx().media_teaser.match(line):
        return Kind.TEASER, None
    if clutter.captions.search(line, lowered(line)):
        return Kind.CAPTION, None
    if date_line(line):
        return Kind.DATE, None
    words = word_count(line)
    if _is_byline(line, words):
        return Kind.BYLINE, words
    if words >= 5 and _SLUG.match(line) and not _rx().vietnamese_letter.search(line):
        return Kind.SLUG, words
    if " | " in line or line.count("|") >= 2:
        return Kind.BOILERPLATE, words  # a menu or a breadcrumb
    terminal = ends_terminal(line)
    if line.rstrip().endswith(":") and words < MIN_COLON_PARAGRAPH_WORDS:
        terminal = False  # "Các văn kiện gồm:" introduces a list; too short to be a lead
    if terminal and words >= MIN_PARAGRAPH_WORDS:
        return Kind.PARAGRAPH, words
    if words >= LONG_LINE_WORDS and _lowercase_share(line) >= 0.45:
        return Kind.PARAGRAPH, words
    if 1 <= words <= MAX_HEADING_WORDS and not terminal:
        return Kind.HEADING, words
    if words < MIN_PARAGRAPH_WORDS:
        return Kind.BOILERPLATE, words
    return Kind.PARAGRAPH, words


def _lowercase_share(line: str) -> float:
    tokens = _WORD.findall(line)
    return sum(t[0].islower() for t in tokens) / len(tokens) if tokens else 0.0


def starts_lowercase(line: str) -> bool:
    return bool(line) and line[0].islower()


def ends_terminal(line: str) -> bool:
    tail = line.rstrip()[-2:]
    if not tail:
        return False
    last = tail[-1]
    if last in _STOPS:
        return True
    if len(tail) < 2 or last not in _CLOSERS:
        return False
    return tail[0] in _SENTENCE_STOPS or (tail[0] == ":" and last in _QUOTES)
