"""The audit rules, one small module per rule or closely related group.

Importing this package registers every rule in :data:`provcite.audit.base.RULES`, in the order
below (the order findings of one document are reported in).
"""

from provcite.audit.rules import (  # noqa: F401 - imported to register the rules
    source_note,
    ibid,
    identifiers,
    repositories,
    markings,
    copies,
    persons,
    footnotes,
    printings,
    dates,
    pages,
    series,
    lots,
    crossrefs,
    reader,
    residue,
)
