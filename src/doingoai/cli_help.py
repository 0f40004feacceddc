"""``--help`` in the user's words: no Python type names (``<bool>``, ``<str>``, ``<list[str]>``).

Typer prints the annotation of each parameter beside it. Here an option shows its metavar (``DATE``,
``CODE``, ``N``), a flag shows nothing, a choice shows its values, and an argument is named by its metavar
alone. ``cli.py`` gives these classes to the group and to every command.
"""

from __future__ import annotations

from typing import Any

from typer import _click
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

__all__ = ["Command", "Group"]


class _Argument(TyperArgument):
    def display_type_rich(self, ctx: _click.Context) -> str | None:
        return None  # the argument's metavar already says what it is


class _Option(TyperOption):
    def display_type_rich(self, ctx: _click.Context) -> str | None:
        if self.metavar is not None:
            return self.metavar or None
        if self.is_bool_flag:
            return None
        if self.type_descriptor.is_choice:
            return "|".join(str(getattr(c, "value", c)) for c in self.type_descriptor.choices or ())
        return (self.name or "value").upper()

    def _get_number_range_help_str(self) -> str | None:
        return None  # "[x>=1]": the help text says what is allowed, in words


def _plain(params: list[Any]) -> list[Any]:
    for param in params:
        # same fields, another display: the classes add no state, so swapping them is safe
        if type(param) is TyperArgument:
            param.__class__ = _Argument
        elif type(param) is TyperOption:
            param.__class__ = _Option
    return params


class Command(TyperCommand):
    def get_params(self, ctx: _click.Context) -> list[Any]:
        return _plain(super().get_params(ctx))


class Group(TyperGroup):
    def get_params(self, ctx: _click.Context) -> list[Any]:
        return _plain(super().get_params(ctx))
