"""One table of event types (data/event_types.yaml): the cue lexicon, the event builders, the CAMEO/PLOVER
mapping and the knowledge base all know the same types, and every type has what each of them needs."""

from __future__ import annotations

import pytest

from doingoai.extract.builders import BUILDERS
from doingoai.extract.cues import EVENT_TYPES, _cues, event_types, types_where
from doingoai.lexicon import load_yaml
from doingoai.store.queries import CONTACT_TYPES

_FLAGS = ("contact", "multi_day", "occasion", "directed")


def test_every_table_has_the_same_types() -> None:
    types = set(event_types())
    assert set(EVENT_TYPES) == types
    assert set(BUILDERS) == types, "extract/builders.py BUILDERS"
    assert set(load_yaml("plover_cameo.yaml")) == types, "data/plover_cameo.yaml"
    assert set(load_yaml("event_cues.yaml")) == types, "data/event_cues.yaml"


@pytest.mark.parametrize("etype", sorted(event_types()))
def test_every_type_has_cues_triggers_a_builder_and_a_mapping(etype: str) -> None:
    props = event_types()[etype]
    assert all(isinstance(props.get(flag), bool) for flag in _FLAGS), props
    assert props.get("vi")
    assert props.get("en")
    assert props.get("triggers"), "the cues of a type without triggers are never tried"
    assert any(t == etype for t, _pattern, _voice in _cues()), "no cue states this act"
    assert callable(BUILDERS[etype])
    row = load_yaml("plover_cameo.yaml")[etype]
    assert str(row["cameo"]).isdigit()
    assert row["direction"] in {"visitor", "host", "home", "sender"}
    assert row["quad_class"] in {1, 2, 3, 4}


def test_the_knowledge_base_counts_the_contact_types_of_the_table() -> None:
    assert tuple(t for t in EVENT_TYPES if event_types()[t]["contact"]) == CONTACT_TYPES
    assert set(CONTACT_TYPES) == types_where("contact")


def test_the_types_are_in_the_contracts_order() -> None:
    """The contract's 13 types (shared/spec/output-format.md); a new one is added to every table at once."""
    assert len(EVENT_TYPES) == len(set(EVENT_TYPES)) >= 13


def test_the_rules_name_only_types_of_the_table() -> None:
    from doingoai.extract import builders, events

    for kinds in (builders.ONE_BY_ONE, events._OBJECT_VERBS, events._MULTI_DAY, events._NOT_OCCASION):
        assert set(kinds) <= set(EVENT_TYPES)
    assert types_where("multi_day") == events._MULTI_DAY
