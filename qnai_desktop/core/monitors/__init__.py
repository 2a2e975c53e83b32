"""Monitors and alert rules (issue 6): pure statistics, rules as data, edge-triggered evaluation.

No Qt and no SQL here; the store persists rules and events, the UI renders rows and levels.
"""

from qnai_desktop.core.monitors.arrays import SeriesArrays
from qnai_desktop.core.monitors.definitions import (
    B200_H100_RATIO_ID,
    DEFAULT_MONITORS,
    WATCH_CDS_EN,
    WATCH_CDS_KO,
    WATCH_GPU_RENT_EN,
    WATCH_GPU_RENT_KO,
    MonitorDef,
)
from qnai_desktop.core.monitors.derived import derived_ratio
from qnai_desktop.core.monitors.describe import describe, format_amount
from qnai_desktop.core.monitors.errors import RuleError
from qnai_desktop.core.monitors.evaluate import check_rule, evaluate_rules
from qnai_desktop.core.monitors.events import AlertEvent
from qnai_desktop.core.monitors.frame_cache import FrameCache
from qnai_desktop.core.monitors.parse import parse_rule, parse_rules, rules_from_json, rules_to_json
from qnai_desktop.core.monitors.rule import RULE_KINDS, Rule
from qnai_desktop.core.monitors.stats import (
    CHANGE_WINDOWS,
    change_measure,
    monitor_row,
    shift_months,
    stale_after_days,
)
from qnai_desktop.core.monitors.status import ALERT_Z, STATUS_LEVELS, WARN_Z, status_color
from qnai_desktop.core.monitors.watch_points import WATCH_RULES, WatchRule, rule_display_name

__all__ = [
    "ALERT_Z",
    "B200_H100_RATIO_ID",
    "CHANGE_WINDOWS",
    "DEFAULT_MONITORS",
    "RULE_KINDS",
    "STATUS_LEVELS",
    "WARN_Z",
    "WATCH_CDS_EN",
    "WATCH_CDS_KO",
    "WATCH_GPU_RENT_EN",
    "WATCH_GPU_RENT_KO",
    "WATCH_RULES",
    "AlertEvent",
    "FrameCache",
    "MonitorDef",
    "Rule",
    "RuleError",
    "SeriesArrays",
    "WatchRule",
    "change_measure",
    "check_rule",
    "derived_ratio",
    "describe",
    "evaluate_rules",
    "format_amount",
    "monitor_row",
    "parse_rule",
    "parse_rules",
    "rule_display_name",
    "rules_from_json",
    "rules_to_json",
    "shift_months",
    "stale_after_days",
    "status_color",
]
