"""Rebuild data/series/ from the public datasets in ../shared/data (or $QNAI_SHARED_DATA).

Usage: python scripts/build_default_data.py [SHARED_DATA_DIR] [--out data/series]
Writes <group>.csv + <group>.meta.json for epoch_ai, gpurentalprices and coding_agents.
Re-running on unchanged inputs gives byte-identical files.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a plain script from a checkout
    sys.path.insert(0, str(ROOT))

from qnai_desktop.services.bundle_io import write_bundles  # noqa: E402
from qnai_desktop.services.datasets import load_all, shared_data_dir  # noqa: E402
from qnai_desktop.services.output_paths import OutputPathError  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shared", nargs="?", default=None,
                        help="shared data folder (default: $QNAI_SHARED_DATA or ../shared/data)")
    parser.add_argument("--out", type=Path, default=ROOT / "data" / "series",
                        help="output folder (default: data/series)")
    args = parser.parse_args(argv)
    shared = shared_data_dir(args.shared)
    if not shared.is_dir():
        parser.error(f"shared data folder not found: {shared}")
    for group, bundles in load_all(shared).items():
        try:
            paths = write_bundles(bundles, args.out, group)
        except OutputPathError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        points = sum(len(b.frame) for b in bundles)
        print(f"{group}: {len(bundles)} series, {points} points -> {paths[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
