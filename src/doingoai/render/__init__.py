"""English rendering of the record: one English sentence per event, relation and figure, built from the
structured fields and the reviewed tables of ``data/*_en.*`` (no machine translation)."""

from doingoai.render.names import english_name
from doingoai.render.sentences import render_event, render_figure, render_relation
from doingoai.render.states import adjective, state_name
from doingoai.render.titles import english_title

__all__ = ["adjective", "english_name", "english_title", "render_event", "render_figure", "render_relation",
           "state_name"]
