"""Enrichment of records: ibid., repositories, names, acronyms, printings, cross-references.

The pipeline lives in :mod:`provcite.enrich.pipeline`; each step in a module of its own.
"""
