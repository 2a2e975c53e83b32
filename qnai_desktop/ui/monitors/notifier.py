"""Desktop notification of new alerts through the system tray, where the desktop has one."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle, QSystemTrayIcon


class TrayNotifier(QObject):
    """Creates the tray icon on first use; does nothing (silently) without a system tray."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tray: QSystemTrayIcon | None = None

    @staticmethod
    def available() -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable() and QSystemTrayIcon.supportsMessages()

    def notify(self, title: str, body: str) -> bool:
        """Show a balloon; False when there is no tray (offscreen, some Wayland desktops)."""
        if not self.available():
            return False
        if self._tray is None:
            icon = QApplication.windowIcon()
            if icon.isNull():  # an icon is required, else Qt warns "No Icon set"
                icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            self._tray = QSystemTrayIcon(QIcon(icon), self)
            self._tray.show()
        self._tray.showMessage(title, body, QSystemTrayIcon.MessageIcon.Warning, 10_000)
        return True
