"""A source that was away for months catches up in ONE refresh (it used to take 60 days a run)."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path

import httpx

from qnai_desktop.services.providers import GpuRentalPrices, HttpClient
from qnai_desktop.services.refresh import OK, run_refresh

REPLAY = Path(__file__).resolve().parents[1] / "fixtures" / "replay"


def test_gpu_rent_catches_up_every_missing_day_in_one_run(cache, httpserver) -> None:
    last = cache.series.observations("gpu_rent.h100.median")["date"].iat[-1].date()
    newest = last + timedelta(days=130)
    doc = json.loads((REPLAY / "gpurentalprices_snapshot.json").read_bytes())

    def snapshot(request):
        from werkzeug import Response

        day = re.search(r"(\d{4}-\d\d-\d\d)", request.path)
        body = dict(doc, date=day[1] if day else str(newest))
        return Response(json.dumps(body), content_type="application/json")

    httpserver.expect_request(re.compile(r"^/data/.*\.json$")).respond_with_handler(snapshot)
    result = run_refresh(cache, [GpuRentalPrices(httpserver.url_for(""))], today=newest,
                         http_factory=lambda cancel: HttpClient(cancelled=cancel,
                                                                sleep=lambda s: None,
                                                                timeout=httpx.Timeout(5.0)))
    assert [s.status for s in result.sources] == [OK]
    days = cache.series.observations("gpu_rent.h100.median")["date"].dt.date.tolist()
    missing = [last + timedelta(days=i) for i in range(1, 131)]
    assert set(missing) <= set(days), "a refresh left days for the next run"
    assert days[-1] == newest and date(2026, 7, 5) in days
