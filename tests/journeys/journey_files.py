"""Files the analyst is sent or keeps, built the way the real ones look (for the journeys).

* a Bloomberg BDH sheet: metadata rows, two security blocks side by side (Date | PX_LAST),
  Excel serial dates and ``#N/A N/A`` holes — as ``=BDH(...)`` leaves it for Oracle and CoreWeave
  5Y CDS;
* gpurentalprices.com's daily snapshot JSON (``{date, offers: [...]}``) for the replay server.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

EXCEL_EPOCH = date(1899, 12, 30)


def business_days(first: date, n: int) -> list[date]:
    days, d = [], first
    while len(days) < n:
        if d.weekday() < 5:
            days.append(d)
        d += timedelta(days=1)
    return days


def write_bloomberg_cds(path: Path, days: list[date], oracle: list[float | None],
                        coreweave: list[float | None]) -> Path:
    """Oracle's and CoreWeave's 5Y CDS as a BDH workbook (``None`` → ``#N/A N/A``)."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "CDS"
    serial = [(d - EXCEL_EPOCH).days for d in days]
    ws.append(["Start Date", serial[0], None, None, None])
    ws.append(["End Date", serial[-1], None, None, None])
    ws.append(["Periodicity", "DAILY", None, None, None])
    ws.append([])
    ws.append(["ORCL CDS USD SR 5Y D14 Corp", None, None, "CRWV CDS USD SR 5Y D14 Corp", None])
    ws.append(["Date", "PX_LAST", None, "Date", "PX_LAST"])
    for s, o, c in zip(serial, oracle, coreweave, strict=True):
        ws.append([s, "#N/A N/A" if o is None else o, None, s, "#N/A N/A" if c is None else c])
    wb.save(path)
    return path


def rent_snapshot(day: date, h100: list[float], b200: list[float]) -> dict:
    """One gpurentalprices.com daily snapshot with H100 and B200 on-demand offers."""
    offers = [{"provider": f"cloud{i}", "gpu": "h100-sxm", "vram_gb": 80, "usd_hr": p,
               "kind": "on-demand", "source_url": "https://example.test", "fetched_at": ""}
              for i, p in enumerate(h100)]
    offers += [{"provider": f"cloud{i}", "gpu": "b200", "vram_gb": 192, "usd_hr": p,
                "kind": "on-demand", "source_url": "https://example.test", "fetched_at": ""}
               for i, p in enumerate(b200)]
    return {"date": str(day), "generated_at": f"{day}T06:00:00Z", "providers": {}, "offers": offers}
