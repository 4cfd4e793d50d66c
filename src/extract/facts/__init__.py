"""The facts wing: a read document and its parsed Docs in, FactRecords in source coordinates out.

Public API: `assemble(document, docs, source_path)`, and `DocumentAssembler` for the same segment by segment
(each Doc dropped once added, the records built one at a time).
"""

from extract.facts.assemble import DocumentAssembler, assemble

__all__ = ["DocumentAssembler", "assemble"]
