"""The run wing: many documents through the pipeline, in order, with worker processes, a cache and one writer.

Public API: `run(input_dir, out, ...)` (a `RunResult`), `Extractor` and `extract_document(path)` (the pipeline
itself: `assemble(parse(read(path)))`), `FactCache`.
"""

from extract.run.cache import FactCache
from extract.run.extractor import ExtractedDocument, Extractor, display_path, extract_document
from extract.run.runner import DocumentDone, DocumentFailure, RunResult, documents_under, run

__all__ = [
    "DocumentDone",
    "DocumentFailure",
    "ExtractedDocument",
    "Extractor",
    "FactCache",
    "RunResult",
    "display_path",
    "documents_under",
    "extract_document",
    "run",
]
