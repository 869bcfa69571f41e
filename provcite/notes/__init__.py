"""The source-note grammar: tokenizer, identifiers, vocabularies and sentence rules."""

from provcite.notes.parser import parse_note, residue_share

__all__ = ["parse_note", "residue_share"]
