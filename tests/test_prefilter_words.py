"""The words the data files declare for the prefilter are sound: every match of a pattern, run plainly, starts
at one of its ``starts`` words (or a digit, for ``\\d``) and holds one of its ``needs`` words, on the
repository's texts (tests/extract/cases, examples/, the segmentation pages) and on random text made of their
words. A wrong word list fails here instead of silently losing matches."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import lxml.html
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from doingoai.analyse import dates
from doingoai.clean.normalize import normalize
from doingoai.extract import arguments, builders, cues, document, events, figures, relations, timeline
from doingoai.lexicon import page_clutter
from doingoai.prefilter import DIGIT, Prefiltered, lowered
from doingoai.segment.html import _visible_text

ROOT = Path(__file__).resolve().parents[1]


def _declared() -> list[tuple[str, Prefiltered]]:
    """Every prefiltered pattern of the project that declares words, by a name for the messages."""
    out: list[tuple[str, Prefiltered]] = []
    for etype, pattern, _voice in cues._cues():
        out.append((f"event_cues.yaml {etype}", pattern))
    for pattern, level, _optional in relations._levels():
        out.append((f"relation_levels.yaml {level}", pattern))
    out.append(("relation_levels.yaml short_forms", relations._short_forms()[1]))
    for module in (cues, events, figures, relations, timeline):
        out += [(f"{module.__name__} {name}", p) for name, p in module._pf().items()]
    lex = figures._lex()
    out += [(f"figures.yaml {name}", getattr(lex, name)) for name in ("money", "ranking", "standing", "counts",
                                                                      "word_counts")]
    clutter = page_clutter()
    out += [("page_clutter.yaml captions", clutter.captions), ("page_clutter.yaml story_ends", clutter.story_ends)]
    reader = dates._reader()
    out += [(f"analyse.dates {name}", p) for name, p in vars(reader).items() if isinstance(p, Prefiltered)]
    return [(name, p) for name, p in out if p.starts is not None or p.needs is not None]


@cache
def _corpus() -> tuple[str, ...]:
    texts = []
    for path in sorted((ROOT / "tests" / "extract" / "cases").glob("*.yaml")):
        texts += [normalize(case["text"]) for case in yaml.safe_load(path.read_text(encoding="utf-8")) or []]
    for path in sorted((ROOT / "examples").iterdir()):
        raw = path.read_text(encoding="utf-8")
        texts.append(normalize(_visible_text(lxml.html.fromstring(raw)) if path.suffix == ".html" else raw))
    for path in sorted((ROOT / "tests" / "segment" / "pages").glob("*.html")):
        texts.append(normalize(_visible_text(lxml.html.fromstring(path.read_text(encoding="utf-8")))))
    return tuple(t for t in texts if t)


def _reach(pattern: re.Pattern[str], text: str, m: re.Match[str]) -> int:
    """How far a match reads: the first end of the text up to which it is still found (look-aheads
    cannot read past it)."""
    for end in range(m.end(), min(len(text), m.end() + 400) + 1):
        again = pattern.match(text, m.start(), end)
        if again is not None and again.span() == m.span():
            return end
    return len(text)


def _unsound(name: str, p: Prefiltered, text: str) -> list[str]:
    low = lowered(text)
    if low is None:
        return []
    wrong = []
    starts = set(p.candidates(low) or ()) if p.starts is not None else None
    for m in p.pattern.finditer(text):
        if starts is not None and m.start() not in starts:
            wrong.append(f"{name}: {m.group()!r} at {m.start()} starts with none of {p.starts}"
                         f"{' nor a digit' if p.digit else ''}")
        # a needed word lies in the match or in what its look-aheads read after it
        if p.needs is not None and not p.may_match(low, m.start(), _reach(p.pattern, text, m)):
            wrong.append(f"{name}: {m.group()!r} at {m.start()} holds none of {p.needs}")
    return wrong


def test_every_data_pattern_declares_words() -> None:
    """Patterns that declare none run plainly: exact, but tried at every character. Add the words
    (tools/prefilter_words.py suggests them)."""
    plain = [name for name, p in _declared_or_not() if p.starts is None and p.needs is None]
    assert plain == []


def _declared_or_not() -> list[tuple[str, Prefiltered]]:
    _declared()  # loads them all
    out = [(f"{m.__name__} {n}", p) for m in (cues, events, figures, relations, timeline) for n, p in m._pf().items()]
    out += [(f"event_cues.yaml {t}", p) for t, p, _ in cues._cues()]
    out += [(f"relation_levels.yaml {lv}", p) for p, lv, _ in relations._levels()]
    return out


def test_the_corpus_is_there() -> None:
    assert len(_corpus()) > 100


@pytest.mark.parametrize("where", ["cases", "all"])
def test_declared_words_are_sound_on_the_repository_texts(where: str) -> None:
    texts = _corpus() if where == "all" else _corpus()[:200]
    wrong = [w for name, p in _declared() for text in texts for w in _unsound(name, p, text)]
    assert wrong[:20] == []


def test_matches_are_found_sentence_by_sentence_as_plainly() -> None:
    """What the pipeline does: candidates found once per text, each sentence tried at them only."""
    for text in _corpus():
        parts = [m.span() for m in re.finditer(r"[^.;\n]+", text)]
        for _name, p in _declared():
            candidates = p.group.candidates(text)[p.index]
            for a, b in parts:
                part = text[a:b]
                want = [m.span() for m in p.pattern.finditer(part)]
                assert [m.span() for m in p.finditer_in(part, a, candidates)] == want, p.pattern.pattern


def _words() -> list[str]:
    words = {"Việt Nam", "Lào", "2024", "15", "1.200", "/", "-", "–", ",", ";", ".", ":", "(", ")", "|", "“", "”"}
    for _name, p in _declared():
        words.update(w for w in (*(p.starts or ()), *(p.needs or ())) if w != DIGIT)
        words.update(w.capitalize() for w in (p.starts or ()))
    for text in _corpus()[:40]:
        words.update(text.split()[:200])
    return sorted(words)


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_declared_words_are_sound_on_random_text(data: st.DataObject) -> None:
    text = " ".join(data.draw(st.lists(st.sampled_from(_words()), min_size=1, max_size=40)))
    wrong = [w for name, p in _declared() for w in _unsound(name, p, text)]
    assert wrong == []


def test_modules_without_prefiltered_patterns_still_load_theirs() -> None:
    for module in (arguments, builders, document):
        assert module._rx().items()
