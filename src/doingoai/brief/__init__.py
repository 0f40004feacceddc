"""Briefs: a dated, citation-backed dossier on a partner (``partner_brief``) or on a period's yardsticks against
the same period a year before (``period_brief``), written as Markdown or HTML (``doingoai.brief.write``)."""

from doingoai.brief.model import Brief, Citation, Line, Section
from doingoai.brief.partner import partner_brief
from doingoai.brief.period import parse_period, period_brief
from doingoai.brief.write import to_html, to_markdown

__all__ = ["Brief", "Citation", "Line", "Section", "parse_period", "partner_brief", "period_brief", "to_html",
           "to_markdown"]
