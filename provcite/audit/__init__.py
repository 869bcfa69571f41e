"""Audit provenance chains: rules over records, findings, reports (text, JSON, SARIF).

```python
from provcite.audit import audit
from provcite.readers import read_records

result = audit(read_records("frus1961-63v06.xml"))          # all rules
result = audit(records, rules=["unresolved-ibid", "page-gap"])
for f in result.findings:
    print(f.doc, f.severity, f.rule, f.span, f.message, f.fix)
result.fails("warning")                                        # any finding at warning or above?
```

Rules live in :mod:`provcite.audit.rules`, one small module each; :data:`RULES` maps ids to
rule classes (``id``, ``title``, ``severity``, ``explanation``).
"""

from provcite.audit.base import RULES, AuditContext, DocumentRule, Rule, VolumeRule, register
from provcite.audit.findings import Finding, FindingSpan, Severity, reaches
from provcite.audit.formats import to_json, to_sarif, write_registry_text, write_text
from provcite.audit.registry_view import Registry, RegistryEntry, build_registry
from provcite.audit.runner import AuditResult, UnknownRuleError, audit, get_rule, rule_ids, select_rules

__all__ = [
    "RULES",
    "AuditContext",
    "AuditResult",
    "DocumentRule",
    "Finding",
    "FindingSpan",
    "Registry",
    "RegistryEntry",
    "Rule",
    "Severity",
    "UnknownRuleError",
    "VolumeRule",
    "audit",
    "build_registry",
    "get_rule",
    "reaches",
    "register",
    "rule_ids",
    "select_rules",
    "to_json",
    "to_sarif",
    "write_registry_text",
    "write_text",
]
