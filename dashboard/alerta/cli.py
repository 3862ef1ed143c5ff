"""``python -m dashboard alerta backtest [--nivel …]``: the backtest table, printed.

The same ``Alerta.backtest`` the page shows, so the two can never disagree.
"""

from __future__ import annotations

import argparse
import math

import pandas as pd

from dashboard.alerta import backtest
from dashboard.alerta.service import Alerta
from dashboard.core import dimensions
from dashboard.core.cli_errors import fails_with
from dashboard.core.config import Settings
from dashboard.core.release_folder import ReleaseError
from dashboard.queries import Warehouse

HEADER = ("nivel", "objetivo", "metodo", "precision@10%", "recall@25%", "AUC", "años", "filas")


def _cell(value: object) -> str:
    if isinstance(value, float):
        return "—" if math.isnan(value) else f"{value:.3f}"
    return str(value)


def render(table: pd.DataFrame) -> str:
    """A plain fixed-width table (one line per level × target × method)."""
    rows = [HEADER] + [tuple(_cell(v) for v in r) for r in table.itertuples(index=False)]
    widths = [max(len(r[i]) for r in rows) for i in range(len(HEADER))]
    lines = ["  ".join(c.ljust(w) if i < 3 else c.rjust(w)
                       for i, (c, w) in enumerate(zip(r, widths, strict=True))) for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


@fails_with(ReleaseError)
def _backtest(settings: Settings, args: argparse.Namespace) -> int:
    alerta = Alerta(Warehouse(settings))
    if alerta.warehouse.release_id() is None:
        raise ReleaseError(f"no published release under {settings.data_dir}")
    niveles = tuple(args.nivel) if args.nivel else dimensions.NIVELES
    table = alerta.backtest(niveles)
    manifest = alerta.warehouse.manifest()
    print(f"release {alerta.warehouse.release_id()} · origen {alerta.origin()}"
          + (" · el modelo solo se ha comprobado con datos generados"
             if manifest is not None and manifest.has_demo else ""))
    if table.empty:
        print("not enough years to replay")
        return 0
    print(render(table))
    won = backtest.beats(table)
    print(f"model AUC vs last year's dropout (highest quarter, all levels): "
          f"{'better' if won else 'NOT better'}")
    return 0


def add_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("alerta", help="early warning of dropout (issue 13)")
    alerta_sub = p.add_subparsers(dest="alerta_command", required=True)
    b = alerta_sub.add_parser("backtest", help="replay history: model vs two baselines")
    b.add_argument("--nivel", action="append", choices=dimensions.NIVELES,
                   help="level(s) to replay (repeatable; default: all four)")
    b.set_defaults(func=_backtest)
