"""extract: humanitarian delegation reports in, validated facts with exact source spans out."""

__version__ = "0.1.0"

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from extract.api import extract_document, parse_quantities
    from extract.models import FactRecord, Quantity

__all__ = ["FactRecord", "Quantity", "extract_document", "parse_quantities"]


def __getattr__(name: str) -> object:
    # Lazy: `import extract` stays cheap (the CLI's --help must not load spaCy).
    if name in ("parse_quantities", "extract_document"):
        from extract import api

        return getattr(api, name)
    if name in ("FactRecord", "Quantity"):
        from extract import models

        return getattr(models, name)
    raise AttributeError(name)
