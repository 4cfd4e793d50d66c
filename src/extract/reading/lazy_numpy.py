"""numpy, imported at its first use: a process that reads no PDF (text and HTML reports, a re-run served from the
cache, which loads neither the model nor spaCy) does not pay for importing it.

`np` stands for the numpy module: its first attribute lookup imports numpy and copies the module's names onto it,
so later lookups are plain attribute reads.
"""

from __future__ import annotations

import importlib


class _Numpy:
    def __getattr__(self, name: str):
        module = importlib.import_module("numpy")
        self.__dict__.update(module.__dict__)
        return getattr(module, name)


np = _Numpy()
