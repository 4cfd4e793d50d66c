"""Library entry points: the pipeline for one file, and quantity parsing alone, with the models the pipeline writes."""

from __future__ import annotations

from extract.parsing import parse_quantities
from extract.run import extract_document

__all__ = ["extract_document", "parse_quantities"]
