"""Each factor of a score in words a citizen understands (pure).

The words describe the municipality's own figure ("la repitencia es 2,1 veces el promedio
nacional"); the contribution says how much that pushed the score up or down. Direction words
come from the figure itself, so a sentence is always literally true; the sign of the
contribution is reported apart ("sube el riesgo" / "baja el riesgo"). A dropout figure made of
1-4 dropouts (or a sex's figure, for the gap) is never quoted as a number: the sentence says it
is protected (``dashboard/queries/suppression.py``'s rule).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from dashboard.core.i18n import fmt_number, fmt_percent, t
from dashboard.queries.suppression import MIN_COUNT

TOP_REASONS = 3


@dataclass(frozen=True)
class Reason:
    factor: str
    contribution: float
    text: str

    @property
    def raises(self) -> bool:
        return self.contribution > 0


def _num(row: Mapping[str, object], key: str) -> float:
    value = row.get(key)
    try:
        out = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return math.nan
    return out


def _small(count: float) -> bool:
    return 1 <= count < MIN_COUNT


def _times(log_ratio: float, lang: str) -> str:
    return fmt_number(math.exp(log_ratio), lang, 1)


def _text(factor: str, row: Mapping[str, object], lang: str) -> str | None:
    """The sentence for one factor, or None when the factor has no value."""
    value = _num(row, factor)
    if math.isnan(value):
        return None
    up = "up" if value > 0 else "down"
    if factor == "desercion":
        if _small(_num(row, "retirados")):
            return t(f"alerta.why.desercion.protected_{up}", lang)
        return t(f"alerta.why.desercion.{up}", lang, tasa=fmt_percent(_num(row, "tasa"), lang),
                 nac=fmt_percent(_num(row, "nac_tasa"), lang), veces=_times(value, lang))
    if factor in ("media3", "repitencia", "sobreedad"):
        return t(f"alerta.why.{factor}.{up}", lang, veces=_times(value, lang))
    if factor == "tendencia":
        return t(f"alerta.why.tendencia.{up}", lang)
    if factor == "subidas":
        n = int(value)
        key = "many" if n >= 2 else ("one" if n == 1 else "none")
        return t(f"alerta.why.subidas.{key}", lang, n=n)
    if factor == "promocion":
        return t(f"alerta.why.promocion.{up}", lang, pp=fmt_number(abs(value), lang, 1))
    if factor == "brecha":
        if _small(_num(row, "retirados_f")) or _small(_num(row, "retirados_m")):
            return t("alerta.why.brecha.protected", lang)
        return t(f"alerta.why.brecha.{up}", lang, pp=fmt_number(abs(value), lang, 1))
    if factor in ("analfabetismo", "inasistencia"):
        return t(f"alerta.why.{factor}.up", lang, x=fmt_percent(value, lang, 0))
    return None


def reasons(row: Mapping[str, object], factors: tuple[str, ...], lang: str = "es",
            ) -> list[Reason]:
    """Every factor of a scored row (``model.score``), largest contribution first."""
    out = []
    for factor in factors:
        text = _text(factor, row, lang)
        if text is not None:
            out.append(Reason(factor, _num(row, f"c_{factor}"), text))
    return sorted(out, key=lambda r: -r.contribution)


def top_reasons(row: Mapping[str, object], factors: tuple[str, ...], lang: str = "es",
                n: int = TOP_REASONS) -> list[Reason]:
    """The factors that raise the score most (at most ``n``; none when nothing raises it)."""
    return [r for r in reasons(row, factors, lang) if r.raises][:n]


def sentence(found: list[Reason], lang: str = "es") -> str:
    """``"a; b; c"`` with the first letter capitalised (the list and CSV cell)."""
    text = "; ".join(r.text for r in found)
    return text[:1].upper() + text[1:] if text else ""
