"""The audit rules, one small module per rule or closely related group.

Importing this package registers every rule in :data:`provcite.audit.base.RULES`, module by
module in the order of :data:`MODULES` — the order findings of one document are reported in,
and the order of ``provcite audit --list-rules``. A new rule module goes into that tuple.
"""

import importlib

MODULES = (
    "source_note", "ibid", "identifiers", "repositories", "markings", "copies", "persons", "footnotes",
    "printings", "dates", "pages", "series", "lots", "crossrefs", "reader", "residue",
)

for _name in MODULES:
    importlib.import_module(f"provcite.audit.rules.{_name}")
