"""Relais: customer relations and field service for a small trade contractor.

    import relais
    ws = relais.open("sqlite:///var/lib/relais/duret.db", actor="marie")
    customer = ws.customers.create(name="Hélène Martin", phones=["06 12 34 56 78"])

Everything is implemented in the C++ library; this package re-exports the
`_relais` extension and adds the helpers that read better in Python.
"""
from collections.abc import Iterator
from typing import Optional

from . import _relais
from ._relais import *  # noqa: F403 (the extension is the public API)
from ._relais import Customer, CustomerService
from ._relais import __version__ as __version__

__all__ = [name for name in dir(_relais) if not name.startswith("_")] + ["__version__"]


def _iter_all(
    self: CustomerService,
    *,
    include_archived: bool = False,
    tag: Optional[str] = None,
    page_size: int = 100,
) -> Iterator[Customer]:
    """Every customer ordered by name, fetched page by page with list().

    Each page is one storage call (which releases the GIL); customers
    created meanwhile may or may not appear, none appears twice.
    """
    after = ""
    while True:
        page = self.list(include_archived=include_archived, tag=tag, after=after, limit=page_size)
        yield from page.items
        if not page.next_cursor:
            return
        after = page.next_cursor


setattr(CustomerService, "iter_all", _iter_all)
