"""The decision app: ipywidgets over a :class:`~followup.session.Session`.

One module per tab, named as the session part it shows (``t_chart``,
``details``, ...), plus ``app`` (the whole app), ``widgets`` (shared pieces)
and ``tables`` (escaped HTML tables). May import every part of followup
except :mod:`followup.cli`; the only part of followup that imports ipywidgets.

>>> import datetime as dt
>>> from followup.ui import app
>>> view = app(today=dt.date(2026, 12, 1))  # the bundled example, in memory
>>> view.t_chart.verdict.value.split()[0]
'PASS'
"""

from __future__ import annotations

from followup.ui.app import DecisionApp, OpenProblem, app

__all__ = ["DecisionApp", "OpenProblem", "app"]
