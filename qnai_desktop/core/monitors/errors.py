"""The one error an invalid alert rule raises."""

from __future__ import annotations


class RuleError(ValueError):
    """An invalid rule. ``field`` names the offending key path, e.g. ``rules[1].threshold``."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem
