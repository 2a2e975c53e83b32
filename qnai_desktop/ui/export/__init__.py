"""Chart export through the house ChartCanvas: PNG/SVG/PDF, PPTX decks, data files, clipboard.

``renderer.ChartRenderer`` draws offscreen; ``pack.PackExporter`` writes a pack atomically;
``export_dialog.ExportDialog`` (File → Export…) and ``pack_dialog.PackExportDialog``
(File → Export pack…, Ctrl+E) are the UI.
"""
