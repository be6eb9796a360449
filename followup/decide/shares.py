"""How a share of trials is written, in every table and chart: one rule, one place.

Standard library only, so that any layer can write a share without loading
pandas or matplotlib.
"""

from __future__ import annotations

__all__ = ["percent"]


def percent(share: float) -> str:
    """A share from 0 to 1 as a whole percentage that never rounds to a certainty it is not.

    Only a share of exactly 0 or 1 is written ``0%`` or ``100%``: a share just
    above 0 reads ``<1%`` and one just below 1 reads ``>99%``. Everything else
    is rounded to the nearest whole percent.

    >>> percent(0.9965), percent(0.004), percent(0.666), percent(1.0), percent(0.0)
    ('>99%', '<1%', '67%', '100%', '0%')
    """
    if 0 < share < 0.01:
        return "<1%"
    if 0.99 < share < 1:
        return ">99%"
    return f"{share:.0%}"
