"""Entry script for the PyInstaller bundle (the spec's Analysis starts here).

``qnai_desktop/__main__.py`` uses a relative import, so it cannot be the frozen top-level script
itself; this file imports the package by name instead.
"""

import sys

from qnai_desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
