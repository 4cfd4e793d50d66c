"""The facts wing: a read document and its parsed Docs in, FactRecords in source coordinates out.

Public API: `assemble(document, docs, source_path)`.
"""

from extract.facts.assemble import assemble

__all__ = ["assemble"]
