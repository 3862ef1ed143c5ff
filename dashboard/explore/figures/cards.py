"""Key-figure cards: a big number and one plain sentence each, in the page's language.

Pure: values in (the query layer's ``indicator_value`` dicts), ``KeyFigure`` records out; the
layout turns them into HTML. A suppressed or missing value yields an honest sentence saying so.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from dashboard.core.chart_style import fmt_value, is_missing
from dashboard.core.i18n import fmt_number, t


@dataclass(frozen=True)
class KeyFigure:
    label: str
    value: str
    sentence: str


@dataclass(frozen=True)
class CardInput:
    """What the sentences need, already worded (names translated, measure chosen)."""

    indicator_name: str
    sentence_template: str  # registry key-figure sentence in the page's language ({x} etc.)
    unit: str
    measure: str
    place: str
    nivel: str
    year: int
    lang: str
    is_national: bool


def per_hundred(value: float, lang: str) -> str:
    """A share as "6" or "6,4" (of every 100): whole numbers from 10 up."""
    points = round(value * 100, 1)
    return fmt_number(points, lang, 0 if points >= 10 or points.is_integer() else 1)


def main_sentence(card: CardInput, value: Mapping[str, object]) -> str:
    """The headline sentence: "En Huehuetenango, 6 de cada 100 estudiantes de básico …"."""
    valor = value.get("valor")
    if value.get("suprimido"):
        return t("explore.cards.suppressed", card.lang, lugar=card.place)
    if is_missing(valor):
        return t("explore.cards.no_data", card.lang, lugar=card.place)
    number = float(valor)  # type: ignore[arg-type]
    params = {
        "lugar": card.place,
        "anio": card.year,
        "nivel": card.nivel,
        "indicador": card.indicator_name.lower(),
    }
    if card.measure == "count":
        return t(
            "explore.cards.count_sentence",
            card.lang,
            x=fmt_value(number, "count", card.lang),
            **params,
        )
    if card.measure == "per_1000":
        return t(
            "explore.cards.per_1000_sentence",
            card.lang,
            x=fmt_value(number, "ratio", card.lang),
            **params,
        )
    x = (
        per_hundred(number, card.lang)
        if card.unit == "pct"
        else fmt_value(number, card.unit, card.lang)
    )
    return card.sentence_template.format(x=x, lugar=card.place, anio=card.year, nivel=card.nivel)


# Percentage points, next to a rate's change ("+0.3 pp"): a bare "+0.3" under "6.1 %" reads
# as a value of 0.3. "pp" is the usual short form in both languages.
POINTS = "\u00a0pp"


def change_figure(
    card: CardInput, now: Mapping[str, object], before: Mapping[str, object], before_year: int
) -> KeyFigure | None:
    """Change against the previous year (points for rates), if both values exist."""
    a, b = before.get("valor"), now.get("valor")
    if is_missing(a) or is_missing(b) or before.get("suprimido") or now.get("suprimido"):
        return None
    diff = float(b) - float(a)  # type: ignore[arg-type]
    if card.unit == "pct" and card.measure == "rate":
        amount = t("explore.cards.points", card.lang, x=fmt_number(abs(diff) * 100, card.lang, 1))
        shown = ("+" if diff >= 0 else "−") + fmt_number(abs(diff) * 100, card.lang, 1) + POINTS
    else:
        unit = (
            card.unit
            if card.measure == "rate"
            else ("count" if card.measure == "count" else "ratio")
        )
        amount = fmt_value(abs(diff), unit, card.lang)
        shown = ("+" if diff >= 0 else "−") + amount
    if not any(ch in "123456789" for ch in shown):  # rounds to zero at the shown precision
        direction, amount = t("explore.cards.same", card.lang), ""
        shown = shown.lstrip("+−")
    else:
        direction = t("explore.cards.up" if diff > 0 else "explore.cards.down", card.lang)
    sentence = (
        t(
            "explore.cards.change_sentence",
            card.lang,
            anio=before_year,
            direccion=direction,
            x=amount,
        )
        .replace("  ", " ")
        .replace(" .", ".")
    )
    return KeyFigure(t("explore.cards.change", card.lang, anio=before_year), shown, sentence)


def key_figures(
    card: CardInput,
    value: Mapping[str, object],
    national: Mapping[str, object] | None = None,
    previous: Mapping[str, object] | None = None,
    previous_year: int | None = None,
) -> list[KeyFigure]:
    """Main value, national comparison (for a place) and change since the previous year."""
    unit = {"count": "count", "per_1000": "ratio"}.get(card.measure, card.unit)
    raw = None if value.get("suprimido") else value.get("valor")
    figures = [
        KeyFigure(
            f"{card.indicator_name} · {card.place}",
            fmt_value(None if is_missing(raw) else float(raw), unit, card.lang),  # type: ignore[arg-type]
            main_sentence(card, value),
        )
    ]
    if national is not None and not card.is_national:
        nat = None if national.get("suprimido") else national.get("valor")
        if not is_missing(nat):
            shown = fmt_value(float(nat), unit, card.lang)  # type: ignore[arg-type]
            figures.append(
                KeyFigure(
                    t("explore.cards.national", card.lang),
                    shown,
                    t("explore.cards.national_sentence", card.lang, x=shown, anio=card.year),
                )
            )
    if previous is not None and previous_year is not None:
        change = change_figure(card, value, previous, previous_year)
        if change is not None:
            figures.append(change)
    return figures
