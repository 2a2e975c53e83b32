"""Where the main window opens the first time: most of the screen's free area, centred.

Later starts restore the saved geometry. After it is shown, the window's size is hers alone: the
main window's layout does not grow it when a tab or dock with a larger minimum appears
(``SetNoConstraint``; the window keeps a fixed, modest minimum instead).
"""

from __future__ import annotations

from PySide6.QtCore import QRect

SHARE = 0.9  # of the available width and height
MINIMUM = (640, 480)


def first_run_geometry(available: QRect) -> QRect:
    """A rectangle of ``SHARE`` of ``available`` (the screen minus task bars), centred in it."""
    width = max(min(MINIMUM[0], available.width()), round(available.width() * SHARE))
    height = max(min(MINIMUM[1], available.height()), round(available.height() * SHARE))
    left = available.left() + (available.width() - width) // 2
    top = available.top() + (available.height() - height) // 2
    return QRect(left, top, width, height)
