"""Copy a chart image to the system clipboard (PNG data and a bitmap, for Office and chat apps)."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMimeData
from PySide6.QtGui import QGuiApplication, QImage


def copy_image(image: QImage) -> None:
    """Put ``image`` on the clipboard as ``image/png`` (keeps transparency) and as an image."""
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "PNG")
    buf.close()
    mime = QMimeData()
    mime.setImageData(image)
    mime.setData("image/png", data)
    QGuiApplication.clipboard().setMimeData(mime)
