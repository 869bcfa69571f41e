"""PROV: d53's provenance chain by hand; PROV-JSON and PROV-N read back by the prov package."""

from __future__ import annotations

import io
import shutil

import pytest
from prov.model import PROV_LOCATION, PROV_ROLE, PROV_TYPE, ProvDocument

from provcite.export.prov import FRUS_NS, PROVCITE_NS, records_to_prov, to_dot, to_prov_json, to_prov_n, to_svg

P = PROVCITE_NS


def attrs(records) -> dict:
    """Attributes of a node over all its records (PROV lets a node be described in parts)."""
    out: dict = {}
    for record in records:
        for key, value in record.attributes:
            out.setdefault(str(key), []).append(str(value))
    return out


def records_of(doc, kind: str) -> dict:
    out: dict = {}
    for r in doc.get_records():
        if r.get_type().localpart == kind and r.identifier:
            out.setdefault(str(r.identifier), []).append(r)
    return out


@pytest.fixture(scope="module")
def d53_doc(request):
    return records_to_prov([request.getfixturevalue("d53_tei_record")])


def test_original_at_lot_66_d_204(d53_doc):
    entities = records_of(d53_doc, "Entity")
    original = entities["provcite:frus1961-63v06/d53/original"]
    a = attrs(original)
    assert a["prov:location"] == ["Department of State, Presidential Correspondence, Lot 66 D 204"]
    assert a["provcite:lot"] == ["Lot 66 D 204"]
    assert a["provcite:lotNormalized"] == ["66D204"]
    assert a["provcite:collection"] == ["Presidential Correspondence"]
    assert a["provcite:classificationLevel"] == ["Secret"]
    assert a["provcite:dateText"] == ["September 4, 1962"]
    assert a["provcite:caveat"] == ["Eyes Only"]


def test_two_copies_derived_from_the_original(d53_doc):
    entities = records_of(d53_doc, "Entity")
    copies = {k: attrs(v) for k, v in entities.items() if k.split("/")[-1].startswith("copy-")}
    assert sorted(copies) == ["provcite:frus1961-63v06/d53/copy-1", "provcite:frus1961-63v06/d53/copy-2"]
    assert copies["provcite:frus1961-63v06/d53/copy-1"]["provcite:lot"] == ["Lot 77 D 163"]
    assert copies["provcite:frus1961-63v06/d53/copy-2"]["provcite:repository"] == ["John F. Kennedy Presidential Library"]
    derivations = [r for r in d53_doc.get_records() if r.get_type().localpart == "Derivation"]
    derived = {(str(r.formal_attributes[0][1]), str(r.formal_attributes[1][1])) for r in derivations}
    original = "provcite:frus1961-63v06/d53/original"
    for copy in copies:
        assert (copy, original) in derived
    assert ("provcite:frus1961-63v06/d53/printed", original) in derived  # the printed FRUS text
    assert ("frus:frus1961-63v06/d53", original) in derived  # the web edition
    alternates = {tuple(str(v) for _, v in r.formal_attributes) for r in d53_doc.get_records()
                  if r.get_type().localpart == "Alternate"}
    assert ("frus:frus1961-63v06/d53", "provcite:frus1961-63v06/d53/printed") in alternates


def test_agents_and_roles(d53_doc):
    agents = {attrs(a)["prov:label"][0] for a in records_of(d53_doc, "Agent").values()}
    assert {"Nikita S. Khrushchev", "John F. Kennedy", "Robert F. Kennedy", "McGeorge Bundy", "Dean Rusk",
            "William R. Tyler", "Fisher", "Department of State", "John F. Kennedy Presidential Library",
            "Charles S. Sampson", "Glenn W. LaFantasie", "United States Government Printing Office",
            "Office of the Historian, U.S. Department of State"} <= agents
    roles = {}
    for r in d53_doc.get_records():
        if r.get_type().localpart == "Association":
            activity, agent = (str(v) for _, v in r.formal_attributes[:2])
            role = r.get_attribute(PROV_ROLE)
            roles.setdefault(activity.rsplit("/", 1)[-1], set()).update((agent, str(x)) for x in role)
    assert ("provcite:frus1961-63v06/person/p_KNS2", "provcite:writer") in roles["creation"]
    assert ("provcite:frus1961-63v06/person/p_KJF2", "provcite:recipient") in roles["transmission"]
    assert ("provcite:frus1961-63v06/person/p_RD3", "provcite:copyRecipient") in roles["distribution"]
    assert ("provcite:person/charles-s-sampson", "provcite:editor") in roles["publication"]
    assert ("provcite:person/glenn-w-lafantasie", "provcite:generalEditor") in roles["publication"]
    assert ("provcite:repository/department-of-state", "provcite:repository") in roles["filing-original"]


def test_creation_at_the_document_date(d53_doc):
    creation = records_of(d53_doc, "Activity")["provcite:frus1961-63v06/d53/creation"]
    assert creation[0].get_startTime().isoformat() == "1962-09-04T00:00:00-05:00"


def test_telegram_transmission(volume_records):
    d11 = next(r for r in volume_records if r.doc == "d11")
    doc = records_to_prov([d11])
    transmission = records_of(doc, "Activity")["provcite:frus1961-63v06/d11/transmission"]
    a = attrs(transmission)
    assert a["provcite:telegram"] == ["2562"]
    assert a["provcite:sentFrom"] == ["Moscow"]


def test_prov_json_and_prov_n_read_back(volume_records):
    doc = records_to_prov(volume_records)
    again = ProvDocument.deserialize(io.StringIO(to_prov_json(doc)), format="json")
    assert again == doc
    assert again.unified() == doc.unified()
    assert not again.has_bundles() and again.is_document()
    provn = ProvDocument.deserialize(content=to_prov_n(doc), format="provn")
    assert provn == doc
    # every relation points at a declared node: nothing dangles
    declared = {r.identifier for r in doc.get_records() if r.is_element()}
    for r in doc.get_records():
        if r.is_relation():
            for _, value in r.formal_attributes[:2]:
                assert value is None or value in declared, r


def test_stable_identifiers(d53_tei_record):
    assert to_prov_n(records_to_prov([d53_tei_record])) == to_prov_n(records_to_prov([d53_tei_record]))
    assert FRUS_NS.uri == "https://history.state.gov/historicaldocuments/"
    assert str(P["x"].uri).startswith(PROVCITE_NS.uri)


def test_prov_types_used(d53_doc):
    types = {str(v) for r in d53_doc.get_records() for v in r.get_attribute(PROV_TYPE)}
    assert {"provcite:Original", "provcite:Copy", "provcite:PrintedDocument", "provcite:WebDocument",
            "prov:Collection", "prov:Person", "prov:Organization", "prov:PrimarySource"} <= types
    assert any(r.get_attribute(PROV_LOCATION) for r in d53_doc.get_records())


def test_dot(d53_doc):
    pytest.importorskip("pydot", reason="DOT export needs pydot (prov[dot])")
    dot = to_dot(d53_doc)
    assert dot.startswith("digraph")
    assert "Lot 66 D 204" in dot


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot program is not installed")
def test_svg(d53_doc):
    assert b"<svg" in to_svg(d53_doc)
