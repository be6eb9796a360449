"""The decision app: ipywidgets over a :class:`~followup.session.Session`.

>>> import datetime as dt
>>> from followup.ui import app
>>> view = app(today=dt.date(2026, 12, 1))  # the bundled example, in memory
>>> view.t.verdict.value.split()[0]
'PASS'
"""

from __future__ import annotations

from followup.ui.app import DecisionApp, OpenProblem, app

__all__ = ["DecisionApp", "OpenProblem", "app"]
