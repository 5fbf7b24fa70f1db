"""Hypothesis profiles: "ci" (the default) is derandomized with bounded example counts so
the property suite runs in about a minute and never flakes on timing; "dev" explores more
(HYPOTHESIS_PROFILE=dev)."""
from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_COMMON = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
               database=None)
settings.register_profile("ci", max_examples=40, derandomize=True, **_COMMON)
settings.register_profile("dev", max_examples=400, **_COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
