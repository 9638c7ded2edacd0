"""Import spaCy without its own command line, in the processes dyadwatch starts.

``import spacy`` also imports spaCy's command-line application (``spacy.cli``: its commands,
weasel, requests, jinja2 and more) for one name, ``spacy.info``. That is 0.15 to 0.3 s of
every coding process's start, and nothing dyadwatch runs uses it. ``defer_spacy_cli()``
arranges that the first import of spaCy in this process runs with ``spacy.cli.info``
standing in for a small module whose ``info`` imports the real one when it is called;
``spacy.cli`` itself is not touched and imports as usual whenever anything asks for it.

The dyadwatch command line and its worker processes call it; the library does not, so a
program that imports dyadwatch keeps spaCy exactly as it is.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import sys
import types
from typing import Any

STAND_INS = ("spacy.cli", "spacy.cli.info")


def _info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``, imported from spaCy's command line when first called."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def _stand_ins() -> dict[str, types.ModuleType]:
    package = types.ModuleType("spacy.cli")
    package.__path__ = []
    info = types.ModuleType("spacy.cli.info")
    info.info = _info  # type: ignore[attr-defined]
    return {"spacy.cli": package, "spacy.cli.info": info}


class _Loader(importlib.abc.Loader):
    """spaCy's own loader, run with the stand-ins in place and then without them."""

    def __init__(self, loader: importlib.abc.Loader):
        self.loader = loader

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType | None:
        return self.loader.create_module(spec)

    def exec_module(self, module: types.ModuleType) -> None:
        stand_ins = _stand_ins()
        sys.modules.update(stand_ins)
        try:
            self.loader.exec_module(module)
        finally:
            for name, stand_in in stand_ins.items():
                if sys.modules.get(name) is stand_in:
                    del sys.modules[name]
            if getattr(module, "cli", None) is stand_ins["spacy.cli"]:
                delattr(module, "cli")


class _Finder(importlib.abc.MetaPathFinder):
    """Finds spaCy once, as the other finders would, and hands it to ``_Loader``."""

    def find_spec(self, name: str, path: Any = None, target: Any = None
                  ) -> importlib.machinery.ModuleSpec | None:  # fmt: skip
        if name != "spacy":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        if spec is None or spec.loader is None:
            return spec
        spec.loader = _Loader(spec.loader)
        return spec


def defer_spacy_cli() -> None:
    """Make this process's first ``import spacy`` skip spaCy's command line (see above);
    does nothing once spaCy is imported or when already arranged."""
    if "spacy" in sys.modules or any(isinstance(f, _Finder) for f in sys.meta_path):
        return
    sys.meta_path.insert(0, _Finder())
