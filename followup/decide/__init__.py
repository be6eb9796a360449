"""Deciding with the Franklin T: scores, verdicts, how robust they are, and honesty checks.

Modules: ``frames`` (the workspace as long-form pandas frames, one row per factor;
the category matrix), ``scoring`` (totals, balance, verdict and rank),
``sensitivity`` (the weight that would flip a verdict; verdicts under noise) and
``honesty`` (warnings when a T looks like a sales pitch).

May import: :mod:`followup.errors`, :mod:`followup.model`, pandas and numpy (never
matplotlib, the notes or the app).
"""

from __future__ import annotations

from followup.decide.frames import category_matrix, factors_frame
from followup.decide.honesty import honesty_checks
from followup.decide.scoring import score
from followup.decide.sensitivity import flip_points, flip_sentences, robustness

__all__ = [
    "category_matrix",
    "factors_frame",
    "flip_points",
    "flip_sentences",
    "honesty_checks",
    "robustness",
    "score",
]
