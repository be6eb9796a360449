"""Settings shared by every pytest run of this repository (tests, doctests, notebooks)."""

from __future__ import annotations

import os

# No display anywhere: charts render with Agg, and a test never opens a window.
os.environ.setdefault("MPLBACKEND", "Agg")

from hypothesis import HealthCheck, settings

# CI machines are shared and slow at times: no per-example deadline there, more examples.
settings.register_profile(
    "ci", deadline=None, max_examples=200, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", deadline=None, max_examples=60)
# The fast development loop (make check): a first look, not the proof.
settings.register_profile("quick", deadline=None, max_examples=15)
settings.load_profile(
    os.environ.get("FOLLOWUP_HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")
)
