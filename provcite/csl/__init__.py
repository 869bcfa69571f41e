"""provcite's CSL engine: style resolution, citeproc-py compat fixes, fast rendering."""

from provcite.csl.errors import CitationWarning, StyleError
from provcite.csl.render import Engine, get_engine, render_bibliography, render_citations
from provcite.csl.styles import ResolvedStyle, list_styles, resolve_style

__all__ = [
    "CitationWarning",
    "Engine",
    "ResolvedStyle",
    "StyleError",
    "get_engine",
    "list_styles",
    "render_bibliography",
    "render_citations",
    "resolve_style",
]
