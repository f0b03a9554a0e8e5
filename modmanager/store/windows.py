"""Maintenance windows in the inventory: one per customer, overridable per PBX.

A PBX's window is its own when it has one, else its customer's; the canonical text form
(``Mon-Fri 22:00-02:00 Europe/Berlin``, :mod:`modmanager.core.windows`) is what is stored.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Literal

from modmanager.core.errors import ModManagerError, StoreError
from modmanager.core.windows import MaintenanceWindow, parse_window
from modmanager.store.inventory import Inventory

WindowSource = Literal["pbx", "customer"]
MAX_IMPORT_BYTES = 1024 * 1024


@dataclass(frozen=True)
class EffectiveWindow:
    window: MaintenanceWindow
    source: WindowSource
    """Whether it is the PBX's own window or its customer's."""


@dataclass(frozen=True)
class WindowImport:
    """What an import changed."""

    customers: int
    pbxs: int


class WindowStore:
    """Read and write maintenance windows."""

    def __init__(self, inventory: Inventory) -> None:
        self._inventory = inventory

    def set_customer(self, customer: str, window: MaintenanceWindow | None) -> None:
        """Set (or with None remove) the window of every PBX of ``customer``."""
        name = customer.strip()
        if not name:
            raise StoreError(code="window_customer_missing")
        with self._inventory.write() as conn:
            conn.execute(
                "DELETE FROM maintenance_window WHERE scope = 'customer' AND customer = ? COLLATE NOCASE", (name,)
            )
            if window is not None:
                conn.execute(
                    "INSERT INTO maintenance_window (scope, pbx_id, customer, spec) VALUES ('customer', NULL, ?, ?)",
                    (name, window.spec()),
                )

    def set_pbx(self, pbx_name: str, window: MaintenanceWindow | None) -> None:
        """Set (or with None remove) a PBX's own window, which overrides its customer's."""
        with self._inventory.write() as conn:
            pbx_id = self._inventory.pbx_id(conn, pbx_name)
            conn.execute("DELETE FROM maintenance_window WHERE scope = 'pbx' AND pbx_id = ?", (pbx_id,))
            if window is not None:
                conn.execute(
                    "INSERT INTO maintenance_window (scope, pbx_id, customer, spec) VALUES ('pbx', ?, '', ?)",
                    (pbx_id, window.spec()),
                )

    def customer_window(self, customer: str) -> MaintenanceWindow | None:
        rows = self._inventory.read(
            "SELECT spec FROM maintenance_window WHERE scope = 'customer' AND customer = ? COLLATE NOCASE",
            (customer.strip(),),
        )
        return _parse(rows[0][0]) if rows else None

    def pbx_window(self, pbx_name: str) -> MaintenanceWindow | None:
        """The PBX's own window (not its customer's)."""
        rows = self._inventory.read(
            "SELECT w.spec FROM maintenance_window AS w JOIN pbx AS p ON p.id = w.pbx_id"
            " WHERE w.scope = 'pbx' AND p.name = ?",
            (pbx_name,),
        )
        return _parse(rows[0][0]) if rows else None

    def effective(self, pbx_name: str) -> EffectiveWindow | None:
        """The window that applies to a PBX: its own, else its customer's, else None."""
        own = self.pbx_window(pbx_name)
        if own is not None:
            return EffectiveWindow(own, "pbx")
        record = self._inventory.get(pbx_name)
        if record.customer:
            shared = self.customer_window(record.customer)
            if shared is not None:
                return EffectiveWindow(shared, "customer")
        return None

    def all_effective(self) -> dict[str, EffectiveWindow]:
        """The applying window of every PBX that has one, by PBX name (one query per table)."""
        customers = {
            str(customer).casefold(): _parse(spec)
            for customer, spec in self._inventory.read(
                "SELECT customer, spec FROM maintenance_window WHERE scope = 'customer'"
            )
        }
        own = {
            str(name): _parse(spec)
            for name, spec in self._inventory.read(
                "SELECT p.name, w.spec FROM maintenance_window AS w JOIN pbx AS p ON p.id = w.pbx_id"
                " WHERE w.scope = 'pbx'"
            )
        }
        result: dict[str, EffectiveWindow] = {}
        for record in self._inventory.list():
            if record.name in own:
                result[record.name] = EffectiveWindow(own[record.name], "pbx")
            elif record.customer and record.customer.casefold() in customers:
                result[record.name] = EffectiveWindow(customers[record.customer.casefold()], "customer")
        return result

    def customers(self) -> dict[str, MaintenanceWindow]:
        """Every customer window, by customer."""
        rows = self._inventory.read(
            "SELECT customer, spec FROM maintenance_window WHERE scope = 'customer' ORDER BY customer COLLATE NOCASE"
        )
        return {str(customer): _parse(spec) for customer, spec in rows}

    def import_csv(self, text: str) -> WindowImport:
        """Set windows from CSV rows ``scope,name,window`` (scope ``customer`` or ``pbx``; an empty
        window removes one). Every row is checked first; one bad row changes nothing."""
        if len(text.encode("utf-8")) > MAX_IMPORT_BYTES:
            raise StoreError(code="window_list_too_large", params={"limit": "1 MiB"})
        plans: list[tuple[str, str, MaintenanceWindow | None]] = []
        known = {record.name for record in self._inventory.list()}
        for number, row in enumerate(csv.reader(io.StringIO(text)), start=1):
            if not row or all(not cell.strip() for cell in row) or row[0].strip().startswith("#"):
                continue
            if number == 1 and row[0].strip().casefold() == "scope":
                continue
            if len(row) != 3:
                raise _bad_row(number, "fields")
            scope, name, spec = (cell.strip() for cell in row)
            if scope.casefold() not in ("customer", "pbx"):
                raise _bad_row(number, "scope", scope)
            if not name:
                raise _bad_row(number, "no_name")
            if scope.casefold() == "pbx" and name not in known:
                raise _bad_row(number, "unknown_pbx", name)
            try:
                window = parse_window(spec) if spec else None
            except ModManagerError as error:
                raise _bad_row(number, "window", cause=error) from None
            plans.append((scope.casefold(), name, window))
        customers = pbxs = 0
        for scope, name, window in plans:
            if scope == "customer":
                self.set_customer(name, window)
                customers += 1
            else:
                self.set_pbx(name, window)
                pbxs += 1
        return WindowImport(customers, pbxs)

    def export_csv(self) -> str:
        """Every window as CSV rows ``scope,name,window`` (what :meth:`import_csv` reads)."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["scope", "name", "window"])
        for customer, window in self.customers().items():
            writer.writerow(["customer", customer, window.spec()])
        for record in self._inventory.list():
            own = self.pbx_window(record.name)
            if own is not None:
                writer.writerow(["pbx", record.name, own.spec()])
        return out.getvalue()


def _parse(spec: object) -> MaintenanceWindow:
    return parse_window(str(spec))


def _bad_row(number: int, problem: str, value: str = "", *, cause: ModManagerError | None = None) -> StoreError:
    """Params: ``line``, ``problem`` (a key the sentence is chosen by, see core/messages/unattended.py), ``value``;
    a window that cannot be read is the ``cause``."""
    return StoreError(
        code="window_import_invalid", params={"line": str(number), "problem": problem, "value": value}, cause=cause
    )
