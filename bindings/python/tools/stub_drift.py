"""Checks that the committed stub of relais._relais keeps up with the module.

Usage: tools/stub_drift.py COMMITTED_STUB   (with the built package on PYTHONPATH)

Re-runs mypy's stubgen on the built module and compares public names, not
text (the committed stub is hand-corrected): every public name stubgen finds,
at module level or in a class, must be in the committed stub, and every public
name of the committed stub must still exist in the module. Exits 1 on drift.
"""
import ast
import importlib
import sys
import tempfile
from pathlib import Path

from mypy.stubgen import main as stubgen  # `python -m mypy.stubgen` fails: mypyc-compiled

MODULE = "relais._relais"


def public_names(stub_text):
    """'name' for module-level names and 'Class.name' for class members,
    members inherited from classes of the same stub included."""
    members, bases = {}, {}
    for node in ast.parse(stub_text).body:
        for name, own in _defined(node):
            members[name] = set(own)
            if isinstance(node, ast.ClassDef):
                bases[name] = [base.id for base in node.bases if isinstance(base, ast.Name)]

    def inherited(name):
        result = set(members.get(name, ()))
        for base in bases.get(name, ()):
            result |= inherited(base)
        return result

    names = set()
    for name in members:
        if not name.startswith("_"):
            names.add(name)
            names.update(f"{name}.{member}" for member in inherited(name) if not member.startswith("_"))
    return names


def _defined(node):
    if isinstance(node, ast.ClassDef):
        yield node.name, {name for child in node.body for name, _ in _defined(child)}
    elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        yield node.name, ()
    elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
        yield node.target.id, ()
    elif isinstance(node, ast.Assign):
        yield from ((target.id, ()) for target in node.targets if isinstance(target, ast.Name))


def exists(module, dotted):
    target = module
    for part in dotted.split("."):
        if not hasattr(target, part):
            return False
        target = getattr(target, part)
    return True


def main():
    committed = public_names(Path(sys.argv[1]).read_text(encoding="utf-8"))
    importlib.import_module("relais")  # adds the pure-Python helpers to the classes
    module = importlib.import_module(MODULE)
    with tempfile.TemporaryDirectory() as out:
        stubgen(["--quiet", "-m", MODULE, "-o", out])
        generated = public_names(Path(out, *MODULE.split(".")).with_suffix(".pyi").read_text(encoding="utf-8"))
    missing = sorted(generated - committed)
    stale = sorted(name for name in committed if not exists(module, name))
    for name in missing:
        print(f"missing from the committed stub: {name}")
    for name in stale:
        print(f"in the committed stub but not in the module: {name}")
    if missing or stale:
        return 1
    print(f"stub up to date: {len(committed)} public names")
    return 0


if __name__ == "__main__":
    sys.exit(main())
