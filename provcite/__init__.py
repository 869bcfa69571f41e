"""provcite: FRUS documents and source notes into provenance records, citations, exports, audits."""

__version__ = "0.1.0"
