"""The package's shape: no module over 400 lines and no function over 60."""

from __future__ import annotations

import ast
from pathlib import Path

import dyadwatch

PACKAGE = Path(dyadwatch.__file__).parent
MODULE_LINES = 400
FUNCTION_LINES = 60


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_no_module_is_over_400_lines():
    long = [f"{p.relative_to(PACKAGE)}: {n}" for p in _modules()
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MODULE_LINES]  # fmt: skip
    assert long == []


def test_no_function_is_over_60_lines():
    long = []
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                lines = node.end_lineno - node.lineno + 1
                if lines > FUNCTION_LINES:
                    long.append(f"{path.relative_to(PACKAGE)}:{node.lineno} {node.name}: {lines}")
    assert long == []


def test_the_check_sees_the_package():
    assert len(_modules()) > 50
