"""Build the FRUS-aware styles shipped in ``styles/`` from the stock ones.

    python -m provcite.cite.frus_styles      # rewrites styles/*-frus.csl and styles/frus-*.csl

``chicago-notes-bibliography-frus.csl`` is the stock Chicago 18th-edition notes-bibliography
style with one added branch in front of its citation and bibliography layouts: an item with
``collection-title``, ``container-title`` and ``number`` (a FRUS document, see
:mod:`provcite.cite.csl_json`) gets the Chicago Manual's form for letters and documents in a
published collection (CMOS 14.111, 14.120): writer to recipient, genre, place, date, "in" the
volume, "doc." number, URL; with ``archive`` set, the archival original first and the FRUS
printing as "reprinted in". Everything else renders exactly as in the stock style.
``frus-office-of-the-historian.csl`` is written from scratch (history.state.gov, "Citing the
Foreign Relations series"); ``turabian-notes-bibliography-frus.csl`` is a dependent style on
the Chicago FRUS variant.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from provcite.csl.styles import CSL_NS, shipped_styles_dir

FRUS_TEST = 'variable="collection-title container-title number" match="all"'

NAMES_FULL = ('<name and="text" initialize="false" et-al-min="20" et-al-use-first="19"/>')
NAMES_SHORT = ('<name form="short" and="text" et-al-min="20" et-al-use-first="19"/>')

MACROS = f"""
  <!-- FRUS documents (provcite): CMOS 14.111, 14.120; see provcite/cite/frus_styles.py -->
  <macro name="frus-lead">
    <choose>
      <if type="personal_communication">
        <group delimiter=", ">
          <group delimiter=" ">
            <names variable="author">{NAMES_FULL}</names>
            <text value="to"/>
            <names variable="recipient">{NAMES_FULL}</names>
          </group>
          <text variable="genre"/>
        </group>
      </if>
      <else>
        <text variable="title"/>
      </else>
    </choose>
  </macro>
  <macro name="frus-lead-short">
    <choose>
      <if type="personal_communication">
        <group delimiter=" ">
          <names variable="author">{NAMES_SHORT}</names>
          <text value="to"/>
          <names variable="recipient">{NAMES_SHORT}</names>
        </group>
      </if>
      <else>
        <text variable="title"/>
      </else>
    </choose>
  </macro>
  <macro name="frus-date">
    <choose>
      <if is-uncertain-date="original-date">
        <date variable="original-date" prefix="[" suffix="?]">
          <date-part name="month" suffix=" "/>
          <date-part name="day" suffix=", "/>
          <date-part name="year"/>
        </date>
      </if>
      <else>
        <date variable="original-date">
          <date-part name="month" suffix=" "/>
          <date-part name="day" suffix=", "/>
          <date-part name="year"/>
        </date>
      </else>
    </choose>
  </macro>
  <macro name="frus-archive">
    <group delimiter=", ">
      <text variable="archive_location"/>
      <text variable="archive_collection"/>
      <text variable="archive"/>
      <text variable="archive-place"/>
    </group>
  </macro>
  <macro name="frus-volume">
    <group delimiter=", ">
      <text variable="collection-title" font-style="italic"/>
      <group delimiter=" ">
        <text term="volume" form="short"/>
        <text variable="volume"/>
      </group>
      <group delimiter=" ">
        <text term="part" form="short"/>
        <text variable="part"/>
      </group>
      <text variable="container-title" font-style="italic"/>
      <names variable="editor">
        <label form="verb-short" suffix=" "/>
        {NAMES_FULL}
      </names>
    </group>
  </macro>
  <macro name="frus-imprint">
    <group delimiter=": ">
      <text variable="publisher-place"/>
      <group delimiter=", ">
        <text variable="publisher"/>
        <date variable="issued">
          <date-part name="year"/>
        </date>
      </group>
    </group>
  </macro>
  <macro name="frus-note-full">
    <group delimiter=", ">
      <text macro="frus-lead"/>
      <text variable="original-publisher-place"/>
      <text macro="frus-date"/>
      <text macro="frus-archive"/>
      <group delimiter=" ">
        <choose>
          <if variable="archive">
            <text value="reprinted in"/>
          </if>
          <else>
            <text term="in"/>
          </else>
        </choose>
        <text macro="frus-volume"/>
        <text macro="frus-imprint" prefix="(" suffix=")"/>
      </group>
      <group delimiter=" ">
        <text value="doc."/>
        <text variable="number"/>
      </group>
      <group delimiter=" ">
        <text term="accessed"/>
        <date variable="accessed" form="text"/>
      </group>
      <text variable="URL"/>
    </group>
  </macro>
  <macro name="frus-note-short">
    <group delimiter=", ">
      <text macro="frus-lead-short"/>
      <text macro="frus-date"/>
      <text variable="container-title" form="short" font-style="italic"/>
      <group delimiter=" ">
        <text term="volume" form="short"/>
        <text variable="volume"/>
      </group>
      <group delimiter=" ">
        <text value="doc."/>
        <text variable="number"/>
      </group>
    </group>
  </macro>
  <macro name="frus-volume-bib">
    <group delimiter=". ">
      <names variable="editor">
        <name and="text" name-as-sort-order="first" sort-separator=", " delimiter=", " initialize="false"/>
        <label form="short" prefix=", "/>
      </names>
      <text variable="collection-title" font-style="italic"/>
      <group delimiter=", ">
        <group delimiter=" ">
          <text term="volume" form="short" text-case="capitalize-first"/>
          <text variable="volume"/>
        </group>
        <group delimiter=" ">
          <text term="part" form="short"/>
          <text variable="part"/>
        </group>
        <text variable="title" font-style="italic"/>
      </group>
      <text macro="frus-imprint"/>
      <text variable="URL"/>
    </group>
  </macro>
  <macro name="frus-collection-bib">
    <group delimiter=". ">
      <text variable="title"/>
      <text variable="archive_collection"/>
      <group delimiter=", ">
        <text variable="archive"/>
        <text variable="archive-place"/>
      </group>
    </group>
  </macro>
"""

CITATION_BRANCH = f"""<if xmlns="{CSL_NS}" {FRUS_TEST}>
  <choose>
    <if position="subsequent">
      <text macro="frus-note-short"/>
    </if>
    <else>
      <text macro="frus-note-full"/>
    </else>
  </choose>
</if>"""

BIB_BRANCHES = [
    f"""<if xmlns="{CSL_NS}" type="book" variable="collection-title" match="all">
  <text macro="frus-volume-bib"/>
</if>""",
    f"""<else-if xmlns="{CSL_NS}" type="collection" variable="archive" match="all">
  <text macro="frus-collection-bib"/>
</else-if>""",
    f"""<else-if xmlns="{CSL_NS}" {FRUS_TEST}>
  <text macro="frus-note-full"/>
</else-if>""",
]

RIGHTS = ('<rights license="http://creativecommons.org/licenses/by-sa/3.0/">This work is licensed under a '
          'Creative Commons Attribution-ShareAlike 3.0 License</rights>')


def _retitle(xml: str, title: str, name: str, summary: str) -> str:
    xml = re.sub(r"<title>.*?</title>", f"<title>{title}</title>", xml, count=1)
    xml = re.sub(r"<title-short>.*?</title-short>\s*", "", xml, count=1)
    xml = re.sub(r"<id>.*?</id>", f"<id>https://github.com/provcite/styles/{name}</id>", xml, count=1)
    xml = re.sub(r'<link href="[^"]*" rel="self"/>',
                 f'<link href="https://github.com/provcite/styles/{name}" rel="self"/>', xml, count=1)
    xml = re.sub(r"<summary>.*?</summary>", f"<summary>{summary}</summary>", xml, count=1, flags=re.S)
    return xml


def _prepend_branches(choose: etree._Element, branches: list[str]) -> None:
    """Put ``branches`` in front of a cs:choose; its old first cs:if becomes a cs:else-if."""
    first = choose[0]
    while not isinstance(first.tag, str):  # comments
        first = first.getnext()
    first.tag = f"{{{CSL_NS}}}else-if"
    for i, branch in enumerate(branches):
        choose.insert(i, etree.fromstring(branch))


def chicago_frus(stock: str) -> str:
    """The Chicago FRUS variant of the stock ``chicago-notes-bibliography.csl`` text."""
    xml = _retitle(stock, "Chicago Manual of Style 18th edition (notes and bibliography, FRUS documents)",
                   "chicago-notes-bibliography-frus",
                   "Chicago notes and bibliography with the Manual's forms for documents in Foreign "
                   "Relations of the United States (provcite); otherwise as the stock style")
    xml = xml.replace(
        '<link href="https://www.chicagomanualofstyle.org/" rel="documentation"/>',
        '<link href="http://www.zotero.org/styles/chicago-notes-bibliography" rel="template"/>\n'
        '    <link href="https://www.chicagomanualofstyle.org/" rel="documentation"/>', 1)
    first_macro = xml.index("  <macro ")
    xml = xml[:first_macro] + MACROS.lstrip("\n") + xml[first_macro:]
    root = etree.fromstring(xml.encode("utf-8"))
    ns = {"cs": CSL_NS}
    _prepend_branches(root.find("cs:citation/cs:layout/cs:choose", ns), [CITATION_BRANCH])
    _prepend_branches(root.find("cs:bibliography/cs:layout/cs:choose", ns), BIB_BRANCHES)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + etree.tostring(root, encoding="unicode") + "\n"


OH_STYLE = f"""<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0" default-locale="en-US"
       initialize-with=". " demote-non-dropping-particle="never">
  <info>
    <title>Office of the Historian (Foreign Relations of the United States)</title>
    <id>https://github.com/provcite/styles/frus-office-of-the-historian</id>
    <link href="https://github.com/provcite/styles/frus-office-of-the-historian" rel="self"/>
    <link href="https://history.state.gov/historicaldocuments/citing-frus" rel="documentation"/>
    <author>
      <name>provcite</name>
    </author>
    <category citation-format="note"/>
    <category field="history"/>
    <summary>The form the Office of the Historian recommends for FRUS documents: series, subseries,
      volume number, volume title, editors without the General Editor, imprint, document number,
      URL and access date</summary>
    <updated>2025-01-01T00:00:00+00:00</updated>
    {RIGHTS}
  </info>
  <locale xml:lang="en">
    <terms>
      <term name="month-01" form="short">Jan</term>
      <term name="month-02" form="short">Feb</term>
      <term name="month-03" form="short">Mar</term>
      <term name="month-04" form="short">Apr</term>
      <term name="month-05" form="short">May</term>
      <term name="month-06" form="short">Jun</term>
      <term name="month-07" form="short">Jul</term>
      <term name="month-08" form="short">Aug</term>
      <term name="month-09" form="short">Sep</term>
      <term name="month-10" form="short">Oct</term>
      <term name="month-11" form="short">Nov</term>
      <term name="month-12" form="short">Dec</term>
    </terms>
  </locale>
  <macro name="volume">
    <group delimiter=", ">
      <text variable="collection-title"/>
      <group delimiter=" ">
        <text term="volume" text-case="capitalize-first"/>
        <number variable="volume" form="roman" text-case="uppercase"/>
      </group>
      <group delimiter=" ">
        <text value="Part"/>
        <text variable="part"/>
      </group>
      <choose>
        <if type="book">
          <text variable="title"/>
        </if>
        <else>
          <text variable="container-title"/>
        </else>
      </choose>
      <names variable="editor">
        <label form="short" suffix=" "/>
        <name and="text" initialize="false"/>
      </names>
    </group>
  </macro>
  <macro name="imprint">
    <group delimiter=": " prefix="(" suffix=")">
      <text variable="publisher-place"/>
      <group delimiter=", ">
        <text variable="publisher"/>
        <date variable="issued">
          <date-part name="year"/>
        </date>
      </group>
    </group>
  </macro>
  <macro name="web">
    <group delimiter=" ">
      <text variable="URL"/>
      <group delimiter=" " prefix="[" suffix="]">
        <text term="accessed"/>
        <date variable="accessed">
          <date-part name="day"/>
          <date-part name="month" form="short" prefix=" "/>
          <date-part name="year" prefix=" "/>
        </date>
      </group>
    </group>
  </macro>
  <macro name="reference">
    <group delimiter=" ">
      <group delimiter=", " suffix=".">
        <group delimiter=" ">
          <text macro="volume"/>
          <text macro="imprint"/>
        </group>
        <group delimiter=" ">
          <text value="Document"/>
          <text variable="number"/>
        </group>
      </group>
      <text macro="web"/>
    </group>
  </macro>
  <citation>
    <layout delimiter="; ">
      <text macro="reference"/>
    </layout>
  </citation>
  <bibliography>
    <sort>
      <key variable="collection-title"/>
      <key variable="volume"/>
    </sort>
    <layout>
      <text macro="reference"/>
    </layout>
  </bibliography>
</style>
"""

TURABIAN = f"""<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0" default-locale="en-US">
  <info>
    <title>Turabian 9th edition (notes and bibliography, FRUS documents)</title>
    <id>https://github.com/provcite/styles/turabian-notes-bibliography-frus</id>
    <link href="https://github.com/provcite/styles/turabian-notes-bibliography-frus" rel="self"/>
    <link href="https://github.com/provcite/styles/chicago-notes-bibliography-frus" rel="independent-parent"/>
    <link href="https://www.chicagomanualofstyle.org/turabian/" rel="documentation"/>
    <category citation-format="note"/>
    <category field="history"/>
    <updated>2025-01-01T00:00:00+00:00</updated>
    {RIGHTS}
  </info>
</style>
"""


def build(directory: Path | None = None) -> list[Path]:
    """Write the FRUS-aware styles into ``directory`` (the shipped styles by default)."""
    directory = directory or shipped_styles_dir()
    stock = (directory / "chicago-notes-bibliography.csl").read_text(encoding="utf-8")
    out = {
        "chicago-notes-bibliography-frus.csl": chicago_frus(stock),
        "frus-office-of-the-historian.csl": OH_STYLE,
        "turabian-notes-bibliography-frus.csl": TURABIAN,
    }
    paths = []
    for name, text in out.items():
        path = directory / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    for p in build():
        print(p)
