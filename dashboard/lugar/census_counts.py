"""Small census counts on the place pages, under the site's one rule (``queries.suppression``).

The pages say "figures of fewer than 5 people are hidden"; the census tables are INE's own
(republished unchanged, small counts included, only in Datos abiertos), but what a place page
prints follows the page's statement, as the explorer does: a count of 1-4 people is hidden,
and the next smallest of its partition too, so it cannot be recovered by subtraction.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from dashboard.queries import suppression


def hidden(counts: Sequence[float], groups: Sequence[int] | None = None) -> tuple[bool, ...]:
    """Which of ``counts`` a page must not print; ``groups`` label the partitions that add up
    to a shown total (all one partition when None)."""
    raw = np.asarray(counts, dtype="float64")
    if not len(raw):
        return ()
    cols = suppression.complement(suppression.apply(raw, None), raw,
                                  None if groups is None else np.asarray(groups))
    return tuple(bool(x) for x in cols["suprimido"])
