"""FRUS citations: records → CSL-JSON → notes and bibliographies in Chicago, the Office of the
Historian's form, Turabian, MLA, APA or any CSL style (rendered by :mod:`provcite.csl`)."""

from provcite.cite.csl_json import archive_fields, csl_id, record_to_csl, volume_to_csl

__all__ = ["archive_fields", "csl_id", "record_to_csl", "volume_to_csl"]
