"""The world map of relationship levels: country shapes from the ``pygal_maps_world`` package
(``worldmap.svg``, one ``<g class="xx country">`` per ISO alpha-2 code), coloured here on the server.

No tile server and no geometry download: the shapes ship inside an installed package. The SVG is read
once; each request copies it and sets each country's class and title.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from functools import cache
from importlib.resources import files

from lxml import etree

__all__ = ["available", "world_map"]

_SVG = "{http://www.w3.org/2000/svg}"


@cache
def _base() -> etree._Element | None:
    try:
        data = (files("pygal_maps_world") / "worldmap.svg").read_bytes()
    except (ModuleNotFoundError, FileNotFoundError):
        return None
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    for style in root.iter(f"{_SVG}style"):  # the package's own colours: ours come from app.css
        style.getparent().remove(style)
    return root


def available() -> bool:
    return _base() is not None


def world_map(classes: Mapping[str, str], titles: Mapping[str, str], links: Mapping[str, str],
              label: str) -> str:
    """The map as SVG markup: the country of each alpha-2 code in ``classes`` gets that CSS class,
    a ``<title>`` and a link; the others stay plain."""
    base = _base()
    if base is None:
        return ""
    root = copy.deepcopy(base)
    root.set("class", "worldmap")
    root.set("role", "img")
    root.set("aria-label", label)
    for g in list(root.iter(f"{_SVG}g")):
        names = (g.get("class") or "").split()
        if "country" not in names:
            continue
        code = names[0].upper()
        g.set("class", " ".join(["country", classes.get(code, "lv-none")]))
        title = etree.SubElement(g, f"{_SVG}title")
        title.text = titles.get(code, code)
        if code in links:
            parent = g.getparent()
            anchor = etree.Element(f"{_SVG}a")
            anchor.set("href", links[code])
            parent.replace(g, anchor)
            anchor.append(g)
    return str(etree.tostring(root, encoding="unicode"))
