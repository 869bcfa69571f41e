"""W3C PROV: each document's provenance chain as a :class:`prov.model.ProvDocument`.

Per record:

* entities — the **original** (at its repository, with the structured location and the
  classification as attributes), each **copy** (derived from the original by a copying activity
  and an alternate of it), the **printed** FRUS text (the original is its primary source; member
  of the volume, a ``prov:Collection``), the **web** edition (its history.state.gov address;
  derived from the original, an alternate of the printed text), and every **other printing** the
  source note names (Bulletin, Public Papers …);
* agents — the writer (the original is attributed to them), recipients, drafters, clearers,
  approvers, preparers, signers, those who got copies, the repositories, the volume editors, the
  Office of the Historian and the publisher;
* activities — **creation** (the document date as start and end; drafting and clearance as
  associations with roles), **transmission** (telegram number, sent / received, repeated to …),
  **distribution** of copies, **filing** (at the repository, in the lot / central file),
  **copying**, and the volume's **publication** and **web publication**.

Documents are named in the ``frus:`` namespace (https://history.state.gov/historicaldocuments/),
everything else in ``provcite:`` (:data:`PROVCITE_NS`), with identifiers derived from the volume
and document ids, so the same record always gives the same graph.
"""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterable
from datetime import datetime

from prov.model import (
    PROV_LABEL,
    PROV_LOCATION,
    PROV_ROLE,
    PROV_TYPE,
    Namespace,
    ProvDocument,
)

from provcite import fields as c
from provcite.errors import ProvciteError
from provcite.model import Location, Party, PersonRef, Record

__all__ = ["FRUS_NS", "PROVCITE_NS", "records_to_prov", "to_dot", "to_prov_json", "to_prov_n", "to_svg"]

FRUS_NS = Namespace("frus", "https://history.state.gov/historicaldocuments/")
PROVCITE_NS = Namespace("provcite", "urn:provcite:")
PROV = Namespace("prov", "http://www.w3.org/ns/prov#")

OFFICE_OF_THE_HISTORIAN = "Office of the Historian, U.S. Department of State"


class _Builder:
    def __init__(self) -> None:
        self.doc = ProvDocument()
        self.doc.add_namespace(FRUS_NS)
        self.doc.add_namespace(PROVCITE_NS)
        self.seen: set[str] = set()

    # ------------------------------------------------------------ identifiers and nodes

    def q(self, local: str):
        return PROVCITE_NS[local]

    def once(self, key: str) -> bool:
        """True the first time ``key`` is met: shared agents and activities are added once."""
        if key in self.seen:
            return False
        self.seen.add(key)
        return True

    def person(self, volume: str, name: str, person_id: str | None = None, *, description: str | None = None,
               affiliation: str | None = None):
        local = f"{volume}/person/{person_id}" if person_id else f"person/{c.slug(name)}"
        ident = self.q(local)
        if self.once(local):
            attrs: dict = {PROV_TYPE: PROV["Person"], PROV_LABEL: name}
            if description:
                attrs[self.q("title")] = description
            if affiliation:
                attrs[self.q("affiliation")] = affiliation
            self.doc.agent(ident, attrs)
        return ident

    def organization(self, name: str, kind: str = "org"):
        local = f"{kind}/{c.slug(name)}"
        ident = self.q(local)
        if self.once(local):
            self.doc.agent(ident, {PROV_TYPE: PROV["Organization"], PROV_LABEL: name})
        return ident

    def party(self, volume: str, party: Party):
        if party.kind != "person":
            return self.organization(c.party_name(party), "post" if party.kind == "post" else "org")
        name = c.party_name(party) if party.resolved or party.name else party.text
        return self.person(volume, name, party.person_id, description=party.title)

    def ref(self, volume: str, ref: PersonRef):
        name = c.person_name(ref)
        if name is None:
            if not ref.affiliation:
                return None
            return self.organization(ref.affiliation_expanded or ref.affiliation)
        if ref.status == "office":
            return self.organization(name)
        return self.person(volume, name, ref.person_id, description=ref.title,
                           affiliation=ref.affiliation_expanded or ref.affiliation)

    # ------------------------------------------------------------ one record

    def add(self, record: Record) -> None:
        volume = record.volume or "unknown"
        base = f"{volume}/{record.doc or c.slug(record.heading or 'doc')}"
        doc, note = self.doc, record.source_note

        original = self.q(f"{base}/original")
        attrs: dict = {PROV_TYPE: self.q("Original"), PROV_LABEL: record.heading or base}
        if record.genre:
            attrs[self.q("genre")] = record.genre
        if record.date and record.date.text:
            attrs[self.q("dateText")] = record.date.text
        if record.place:
            attrs[self.q("place")] = record.place
        if note is not None and note.classification is not None:
            cls = note.classification
            attrs[self.q("classification")] = cls.raw
            if cls.level:
                attrs[self.q("classificationLevel")] = cls.level
            if cls.precedence:
                attrs[self.q("precedence")] = cls.precedence
        originals = c.locations(record, "original")
        for loc in originals[:1]:
            attrs.update(self.location_attrs(loc))
        doc.entity(original, attrs)
        for extra in originals[1:]:  # a note naming two places for the original: both recorded
            doc.entity(original, {PROV_LOCATION: c.location_text(extra)})
        if note is not None and note.classification is not None and note.classification.caveats:
            doc.entity(original, [(self.q("caveat"), cav) for cav in note.classification.caveats])

        # creation: writer, drafters, clearers, approvers … at the document date
        creation = self.q(f"{base}/creation")
        start, end = self.times(record)
        doc.activity(creation, start, end, {PROV_TYPE: self.q("Creation")})
        doc.wasGeneratedBy(original, creation, start)
        for party in record.from_:
            agent = self.party(volume, party)
            doc.wasAttributedTo(original, agent)
            doc.wasAssociatedWith(creation, agent, other_attributes={PROV_ROLE: self.q("writer")})
        if note is not None:
            for role, refs in (("drafter", note.people.drafted_by), ("clearer", note.people.cleared_by),
                               ("approver", note.people.approved_by), ("preparer", note.people.prepared_by),
                               ("signer", note.people.signed_by)):
                for ref in refs:
                    agent = self.ref(volume, ref)
                    if agent is not None:
                        attrs = {PROV_ROLE: self.q(role)}
                        if ref.qualifier:
                            attrs[self.q("qualifier")] = ref.qualifier
                        doc.wasAssociatedWith(creation, agent, other_attributes=attrs)

        # transmission to the recipients (telegram number, sent / received, repeated to …)
        trans = note.transmission if note is not None else None
        if record.to or trans is not None:
            transmission = self.q(f"{base}/transmission")
            tattrs: dict = {PROV_TYPE: self.q("Transmission")}
            if trans is not None:
                for key, value in (("telegram", trans.telegram), ("via", trans.via), ("sentFrom", trans.sent_from),
                                   ("sent", trans.sent), ("received", trans.received)):
                    if value:
                        tattrs[self.q(key)] = value
            doc.activity(transmission, other_attributes=tattrs)
            if trans is not None:
                lists = [("sentTo", trans.sent_to), ("repeatedTo", trans.repeated_to),
                         ("pouchedTo", trans.pouched_to), ("passedTo", trans.passed_to), ("transmissionText", trans.text)]
                extra = [(self.q(key), v) for key, values in lists for v in values]
                if extra:
                    doc.activity(transmission, other_attributes=extra)
            doc.used(transmission, original)
            doc.wasInformedBy(transmission, creation)
            for party in record.from_:
                doc.wasAssociatedWith(transmission, self.party(volume, party),
                                      other_attributes={PROV_ROLE: self.q("sender")})
            for party in record.to:
                doc.wasAssociatedWith(transmission, self.party(volume, party),
                                      other_attributes={PROV_ROLE: self.q("recipient")})

        # distribution of copies ("Copies were sent to …")
        if note is not None and note.distribution:
            distribution = self.q(f"{base}/distribution")
            doc.activity(distribution, other_attributes={PROV_TYPE: self.q("Distribution")})
            doc.used(distribution, original)
            for ref in note.distribution:
                agent = self.ref(volume, ref)
                if agent is not None:
                    doc.wasAssociatedWith(distribution, agent,
                                          other_attributes={PROV_ROLE: self.q("copyRecipient")})

        # filing of the original, copies (each filed where it is)
        for loc in originals[:1]:
            self.filing(base, "original", original, loc)
        for n, loc in enumerate(c.locations(record, "copy"), 1):
            copy = self.q(f"{base}/copy-{n}")
            cattrs = {PROV_TYPE: self.q("Copy"), PROV_LABEL: f"{loc.what or 'Copy'}: {c.location_text(loc)}"}
            cattrs.update(self.location_attrs(loc))
            doc.entity(copy, cattrs)
            copying = self.q(f"{base}/copying-{n}")
            doc.activity(copying, other_attributes={PROV_TYPE: self.q("Copying")})
            doc.used(copying, original)
            doc.wasGeneratedBy(copy, copying)
            doc.wasDerivedFrom(copy, original, copying)
            doc.alternateOf(copy, original)
            self.filing(base, f"copy-{n}", copy, loc)

        # the printed FRUS volume and the web edition
        printed = self.q(f"{base}/printed")
        pattrs: dict = {PROV_TYPE: self.q("PrintedDocument"), PROV_LABEL: record.heading or base}
        if c.doc_number(record):
            pattrs[self.q("documentNumber")] = c.doc_number(record)
        page_range = c.page_range(record)
        if page_range:
            pattrs[self.q("pages")] = page_range
        doc.entity(printed, pattrs)
        publication = self.publication(record)
        doc.wasGeneratedBy(printed, publication)
        doc.used(publication, original)
        doc.hadPrimarySource(printed, original, publication)
        doc.hadMember(self.volume_entity(record), printed)

        link = c.url(record)
        if link:
            web = FRUS_NS[f"{base}"] if record.volume and record.doc else self.q(f"{base}/web")
            doc.entity(web, {PROV_TYPE: self.q("WebDocument"), PROV_LABEL: record.heading or base,
                             self.q("url"): link})
            web_publication = self.q(f"{volume}/web-publication")
            if self.once(f"{volume}/web-publication"):
                doc.activity(web_publication, other_attributes={PROV_TYPE: self.q("WebPublication")})
                doc.wasAssociatedWith(web_publication, self.organization(OFFICE_OF_THE_HISTORIAN),
                                      other_attributes={PROV_ROLE: self.q("publisher")})
            doc.wasGeneratedBy(web, web_publication)
            doc.wasDerivedFrom(web, original, web_publication)
            doc.alternateOf(web, printed)

        # other printings the source note names
        for n, printing in enumerate(c.printings(record), 1):
            ident = self.q(f"{base}/printing-{n}")
            attrs = {PROV_TYPE: self.q("Printing"), PROV_LABEL: printing.text,
                     self.q("title"): printing.title_normalized or printing.title}
            for key, value in (("author", printing.author), ("date", printing.date), ("volume", printing.volume),
                               ("pages", printing.pages)):
                if value:
                    attrs[self.q(key)] = value
            if printing.partial:
                attrs[self.q("partial")] = True
            doc.entity(ident, attrs)
            if printing.is_source:
                doc.hadPrimarySource(printed, ident)
            else:
                doc.wasDerivedFrom(ident, original)

    def times(self, record: Record) -> tuple[datetime | None, datetime | None]:
        if c.doc_date(record) is None or record.date is None:
            return None, None
        try:
            start = datetime.fromisoformat(record.date.start) if record.date.start else None
            end = datetime.fromisoformat(record.date.end) if record.date.end else None
        except ValueError:
            return None, None
        return start, end

    def location_attrs(self, loc: Location) -> dict:
        attrs: dict = {PROV_LOCATION: c.location_text(loc)}
        for key, value in (("repository", loc.repository_normalized or loc.repository),
                           ("recordGroup", loc.record_group.value if loc.record_group else None),
                           ("collection", loc.collection), ("folder", loc.folder), ("box", loc.box),
                           ("lot", loc.lot.raw if loc.lot else None),
                           ("lotNormalized", loc.lot.normalized if loc.lot else None),
                           ("job", loc.job.raw if loc.job else None),
                           ("centralFile", loc.central_file.raw if loc.central_file else None),
                           ("centralFileDate", loc.central_file.date if loc.central_file else None),
                           ("what", loc.what), ("noteText", loc.text)):
            if value:
                attrs[self.q(key)] = value
        if loc.record_group is not None and loc.record_group.inferred:
            attrs[self.q("recordGroupInferred")] = True
        if loc.series:
            attrs[self.q("series")] = " / ".join(loc.series)
        return attrs

    def filing(self, base: str, what: str, entity, loc: Location) -> None:
        filing = self.q(f"{base}/filing-{what}")
        attrs: dict = {PROV_TYPE: self.q("Filing"), PROV_LOCATION: c.location_text(loc)}
        if loc.lot:
            attrs[self.q("lot")] = loc.lot.raw
        if loc.central_file:
            attrs[self.q("centralFile")] = loc.central_file.raw
        self.doc.activity(filing, other_attributes=attrs)
        self.doc.used(filing, entity)
        repo = loc.repository_normalized or loc.repository
        if repo:
            self.doc.wasAssociatedWith(filing, self.organization(repo, "repository"),
                                       other_attributes={PROV_ROLE: self.q("repository")})

    def volume_entity(self, record: Record):
        volume = record.volume or "unknown"
        ident = FRUS_NS[volume] if record.volume else self.q("volume/unknown")
        if self.once(f"volume:{volume}"):
            info = record.volume_info
            attrs: dict = {PROV_TYPE: PROV["Collection"]}
            if info is not None:
                attrs[PROV_LABEL] = info.title or volume
                for key, value in (("series", c.series_title(record)), ("volumeNumber", c.volume_roman(record)),
                                   ("volumeTitle", info.volume_title), ("publisher", info.publisher),
                                   ("place", info.place), ("year", info.year)):
                    if value:
                        attrs[self.q(key)] = value
            self.doc.entity(ident, attrs)
            if info is not None and info.isbn:
                self.doc.entity(ident, [(self.q("isbn"), i) for i in info.isbn])
            self.doc.wasGeneratedBy(ident, self.publication(record))
        return ident

    def publication(self, record: Record):
        volume = record.volume or "unknown"
        ident = self.q(f"{volume}/publication")
        if self.once(f"{volume}/publication"):
            info = record.volume_info
            attrs: dict = {PROV_TYPE: self.q("Publication")}
            if info is not None and info.year:
                attrs[self.q("year")] = info.year
            self.doc.activity(ident, other_attributes=attrs)
            if info is not None:
                for editor in info.editors:
                    role = "generalEditor" if (editor.role or "").lower() == "general" else "editor"
                    self.doc.wasAssociatedWith(ident, self.person(volume, editor.name),
                                               other_attributes={PROV_ROLE: self.q(role)})
                if info.publisher:
                    self.doc.wasAssociatedWith(ident, self.organization(info.publisher),
                                               other_attributes={PROV_ROLE: self.q("printer")})
            self.doc.wasAssociatedWith(ident, self.organization(OFFICE_OF_THE_HISTORIAN),
                                       other_attributes={PROV_ROLE: self.q("publisher")})
        return ident


def records_to_prov(records: Iterable[Record]) -> ProvDocument:
    """One PROV document holding the provenance chains of all records."""
    builder = _Builder()
    for record in records:
        builder.add(record)
    return builder.doc


def to_prov_json(doc: ProvDocument) -> str:
    return doc.serialize(format="json", indent=2) + "\n"


def to_prov_n(doc: ProvDocument) -> str:
    return doc.serialize(format="provn") + "\n"


def _dot(doc: ProvDocument):
    try:
        from prov.dot import prov_to_dot
    except ImportError:
        raise ProvciteError("DOT export needs pydot: pip install 'prov[dot]'") from None
    return prov_to_dot(doc)


def to_dot(doc: ProvDocument) -> str:
    """The graph in Graphviz DOT (``prov.dot``; needs pydot, not Graphviz)."""
    return _dot(doc).to_string()


def to_svg(doc: ProvDocument) -> bytes:
    """The graph drawn as SVG by Graphviz's ``dot`` (must be on PATH)."""
    if shutil.which("dot") is None:
        raise ProvciteError("SVG needs Graphviz's 'dot' program on PATH (write .dot instead)")
    return _dot(doc).create(format="svg")


def read_prov_json(text: str) -> ProvDocument:
    return ProvDocument.deserialize(io.StringIO(text), format="json")
