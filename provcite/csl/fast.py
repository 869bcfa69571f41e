"""Speed layer over the compat classes: same output, far fewer repeated look-ups.

Stock citeproc-py re-runs XPath for every macro call, term, option and ancestor test.
Here, with every element proxy kept alive for the engine's lifetime, ``xpath_search``,
``calls_variable``, ``get_root``, term and locale-option look-ups are memoised per element
(they depend on the static style tree only), and :func:`prepare` compiles the style's layouts
into closures (:mod:`provcite.csl.compiled`), which do the per-item work.
"""

from __future__ import annotations

from citeproc import model

from provcite.csl import compat

_MISS = object()


class _Lookups:
    """Memoised static look-ups (mixed into every element class)."""

    def xpath_search(self, expression):
        memo = self.__dict__.setdefault("_pc_xpath", {})
        try:
            return memo[expression]
        except KeyError:
            memo[expression] = result = model.CitationStylesElement.xpath_search(self, expression)
            return result

    def get_root(self):
        root = self.__dict__.get("_pc_root")
        if root is None:
            root = self.__dict__["_pc_root"] = self.getroottree().getroot()
        return root

    def calls_variable(self):
        value = self.__dict__.get("_pc_calls")
        if value is None:
            value = self.__dict__["_pc_calls"] = super().calls_variable()
        return value

    def get_term(self, name, form=None, *args, **kwargs):
        root = self.get_root()
        memo = root.__dict__.setdefault("_pc_terms", {})
        key = (isinstance(self, model.Locale), name, form, args, tuple(sorted(kwargs.items())))
        term = memo.get(key, _MISS)
        if term is _MISS:
            term = memo[key] = super().get_term(name, form, *args, **kwargs)
        return term

    def get_locale_option(self, name):
        root = self.get_root()
        memo = root.__dict__.setdefault("_pc_locale_options", {})
        value = memo.get(name, _MISS)
        if value is _MISS:
            value = memo[name] = super().get_locale_option(name)
        return value


def _fast_classes() -> dict[str, type]:
    classes: dict[str, type] = {}
    for tag, cls in compat.ELEMENT_CLASSES.items():
        classes[tag] = type(cls.__name__, (_Lookups, cls), {})
    classes["style"].element_classes = classes
    return classes


ELEMENT_CLASSES: dict[str, type] = _fast_classes()


def prepare(root, keep_alive: list) -> None:
    """Hook for a freshly parsed style (the element proxies are kept alive by the engine)."""
    from provcite.csl import compiled

    root.__dict__.setdefault("_pc_terms", {})
    root.__dict__["_pc_compiler"] = compiled.compile_style(root)
