"""Checks on output paths, made before any work starts so a long run never ends in a
traceback because its result has nowhere to go."""

from __future__ import annotations

from pathlib import Path

from .errors import OutputError


def check_output_file(path: Path, make_parents: bool = False) -> None:
    """Raise OutputError if a file cannot be written at ``path``: it is a directory, its
    folder is missing (unless ``make_parents``) or is not a folder."""
    if path.is_dir():
        raise OutputError(f"{path}: is a directory; give a file name")
    parent = path.parent
    for folder in (parent, *parent.parents):
        if folder.exists():
            if not folder.is_dir():
                raise OutputError(f"{path}: {folder} is not a directory")
            break
        if not make_parents:
            raise OutputError(f"{path}: the directory {parent} does not exist")


def check_output_dir(path: Path) -> None:
    """Raise OutputError if ``path`` exists and is not a directory (a Parquet output folder)."""
    if path.exists() and not path.is_dir():
        raise OutputError(f"{path}: exists and is not a directory")
    for folder in path.parents:
        if folder.exists():
            if not folder.is_dir():
                raise OutputError(f"{path}: {folder} is not a directory")
            break
