"""An incremental cache of each document's facts, so an unchanged corpus is not parsed again.

An entry is keyed by the pipeline version (package version, resource data, spaCy and model versions, a code
version and a digest of the package's source) and by the document (its format, its id and the sha256 of its bytes).
It stores the document's facts as JSON Lines exactly as a fresh run wrote them, after one header line naming the
`source` path they were written with, how many facts follow and their sha256: an entry that does not match is a
miss (with a warning), never facts copied into the output. The cache is best-effort: one that cannot be written
warns once and the run goes on. `source` is the only field that depends on where the file lies rather
than on its name and bytes, so an entry loaded for a moved file has `source` rewritten to the new path.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import importlib.util
import json
import logging
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path

from extract.config import RunConfig
from extract.jsonl import split_lines
from extract.models import FactRecord
from extract.reading import SourceDocument
from extract.resources import lexicons_digest, resources_digest

log = logging.getLogger(__name__)

# Bump when the extraction logic changes in a way the source digest below would not show (it covers the modules).
CODE_VERSION = 2  # 2: entries carry a checksum; the key holds the format
DEFAULT_CACHE_DIR = Path(".cache/extract")
_VERSION_FOLDER = re.compile(r"[0-9a-f]{24}")
KEEP_VERSIONS = 3  # pipeline-version folders kept in a cache folder (the most recently used)


def _distribution_version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def _model_version(model: str) -> str:
    """The model package's version, or its meta.json when the model is a folder; never loads the model."""
    meta = Path(model) / "meta.json"
    if meta.is_file():
        return hashlib.sha256(meta.read_bytes()).hexdigest()
    return _distribution_version(model)


@cache
def pipeline_version(model: str, settings: tuple[str, ...] = ()) -> str:
    """A digest of everything that decides what facts a document gives (except the document itself): `settings`
    are the run configuration's parsing settings, as `_settings` writes them."""
    digest = hashlib.sha256()
    package = files("extract")
    parts = [
        f"code={CODE_VERSION}",
        f"extract={_distribution_version('extract')}",
        f"resources={resources_digest()}",
        f"spacy={_distribution_version('spacy')}",
        f"model={model}@{_model_version(model)}",
        *settings,
    ]
    # Every module of the package, not a list of the "extraction" ones: a list goes stale silently when a
    # module starts to matter (units.py did), and a cache that misses a change gives wrong facts.
    root = Path(str(package))
    modules = sorted(path.relative_to(root).as_posix() for path in root.rglob("*.py"))
    parts += [f"{name}={hashlib.sha256((root / name).read_bytes()).hexdigest()}" for name in modules]
    digest.update("\n".join(parts).encode())
    return digest.hexdigest()


def _settings(config: RunConfig) -> tuple[str, ...]:
    """The parsing settings of a run configuration that change its facts, with the contents of the files they name;
    none for the defaults (so a default run keeps its cache)."""
    settings: list[str] = []
    if not config.quantulum_units:
        settings.append("quantulum_units=off")
    for name, path in (("entity_patterns", config.entity_patterns), ("entity_filters", config.entity_filters)):
        if path is not None:
            settings.append(f"{name}={hashlib.sha256(Path(path).read_bytes()).hexdigest()}")
    if config.lexicons:
        settings.append(f"lexicons={lexicons_digest(dict(config.lexicons))}")
    return tuple(settings)


@dataclass(frozen=True, slots=True)
class FactCache:
    """Facts per document under `folder/<pipeline version>/`."""

    folder: Path
    version: str

    @classmethod
    def open(cls, folder: Path, config: RunConfig | None = None, keep: int = KEEP_VERSIONS) -> FactCache:
        """The cache for this pipeline version; folders of older versions beyond the `keep` most recently used
        are deleted (each code or resource change starts a new version folder)."""
        config = config or RunConfig()
        opened = cls(folder, pipeline_version(config.model_name, _settings(config)))
        opened._mark_used()
        opened._prune(keep)
        return opened

    @property
    def _version_folder(self) -> Path:
        return self.folder / self.version[:24]

    def _mark_used(self) -> None:
        with contextlib.suppress(OSError):
            self._version_folder.mkdir(parents=True, exist_ok=True)
            os.utime(self._version_folder)

    def _prune(self, keep: int) -> None:
        try:
            others = [
                p
                for p in self.folder.iterdir()
                if p.is_dir() and _VERSION_FOLDER.fullmatch(p.name) and p != self._version_folder
            ]  # only folders named like ours: --cache-dir may point at a folder holding other things
        except OSError:
            return
        others.sort(key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in others[max(keep - 1, 0) :]:
            shutil.rmtree(stale, ignore_errors=True)

    def _entry(self, source: SourceDocument) -> Path:
        key = hashlib.sha256(
            f"{self.version}\0{source.format}\0{source.doc_id}\0{source.sha256}".encode()
        ).hexdigest()  # the format too: page.txt renamed page.html is read otherwise
        return self._version_folder / key[:2] / f"{key}.jsonl"

    def load(self, source: SourceDocument, display: str) -> list[str] | None:
        """The document's fact lines as a fresh run gives them for display path `display`; None on a miss. An
        entry that is damaged (edited, truncated, a line added: its checksum differs) is a miss, with a warning."""
        path = self._entry(source)
        try:
            header, *lines = split_lines(path.read_text("utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, UnicodeDecodeError, ValueError) as error:
            return _damaged(path, f"unreadable ({error})")
        try:
            meta = json.loads(header)
            stored, checksum, count = meta["source"], meta["sha256"], meta["facts"]
        except (ValueError, KeyError, TypeError):
            return _damaged(path, "no valid header")
        if len(lines) != count or _checksum(lines) != checksum or (lines and not lines[-1].endswith("\n")):
            return _damaged(path, "its facts do not match its checksum")
        if stored == display:
            return lines
        try:
            return [
                FactRecord.model_validate_json(line).model_copy(update={"source": display}).model_dump_json() + "\n"
                for line in lines
            ]
        except ValueError as error:
            return _damaged(path, f"an invalid fact ({error})")

    def store(self, source: SourceDocument, display: str, lines: list[str]) -> bool:
        """Write an entry atomically (a concurrent reader sees the old entry or the new one). Best-effort: a cache
        that cannot be written (a full disk, no permission) is a warning, never a failed run; False then."""
        path = self._entry(source)
        header = json.dumps({"source": display, "facts": len(lines), "sha256": _checksum(lines)}) + "\n"
        temporary: str | None = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(
                "w", encoding="utf-8", newline="\n", dir=path.parent, suffix=".tmp", delete=False
            ) as handle:
                temporary = handle.name
                handle.write(header)
                handle.writelines(lines)
            os.replace(temporary, path)
        except OSError as error:
            if temporary is not None:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
            _warn_once(f"warning: cache {self.folder} cannot be written ({error.strerror or error}); going on without")
            return False
        return True


def _checksum(lines: list[str]) -> str:
    digest = hashlib.sha256()  # line by line: joining a large document's lines would copy them all twice
    for line in lines:
        digest.update(line.encode("utf-8"))
    return digest.hexdigest()


def _damaged(path: Path, why: str) -> None:
    log.warning("warning: cache entry %s is damaged (%s); the document is parsed again", path, why)
    return None


_warned: set[str] = set()


def _warn_once(message: str) -> None:
    if message not in _warned:
        _warned.add(message)
        log.warning("%s", message)
