"""Output formats for citeproc-py: ``text``, ``html`` and ``markdown``."""

from __future__ import annotations

import re
from types import SimpleNamespace
from typing import Literal

from citeproc.formatter import html, plain

Format = Literal["text", "html", "markdown"]
_MD_SPECIAL = re.compile(r"([\\*_`])")


def _md_wrapper(name: str, left: str, right: str) -> type:
    def __new__(cls, text):
        text = str(text)
        return str.__new__(cls, f"{left}{text}{right}" if text else text)

    return type(name, (str,), {"__new__": __new__})


def _md_preformat(text) -> str:
    return _MD_SPECIAL.sub(r"\\\1", str(text))


markdown = SimpleNamespace(
    preformat=_md_preformat,
    Italic=_md_wrapper("Italic", "*", "*"),
    Oblique=_md_wrapper("Oblique", "*", "*"),
    Bold=_md_wrapper("Bold", "**", "**"),
    Light=str,
    Underline=str,
    Superscript=_md_wrapper("Superscript", "<sup>", "</sup>"),
    Subscript=_md_wrapper("Subscript", "<sub>", "</sub>"),
    SmallCaps=str,
)

FORMATTERS = {"text": plain, "html": html, "markdown": markdown}


def formatter_for(fmt: str):
    """The citeproc-py formatter module (or namespace) for ``fmt``."""
    try:
        return FORMATTERS[fmt]
    except KeyError:
        raise ValueError(f"unknown output format {fmt!r}; use one of {', '.join(FORMATTERS)}") from None
