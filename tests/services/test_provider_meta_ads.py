"""Meta's ad metrics from its earnings releases on a replay EDGAR: read, dated, never guessed."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from qnai_desktop.core.charts import catalogue_by_id, prepare, resolve_series
from qnai_desktop.services.providers import (
    FetchContext,
    HttpClient,
    MetaAds,
    ProviderError,
    SchemaError,
    make_providers,
)
from qnai_desktop.services.providers.meta_release import ReleaseProblem, read_release
from qnai_desktop.services.refresh import FAILED, OK, SKIPPED, run_refresh

REPLAY = Path(__file__).resolve().parents[1] / "fixtures" / "replay" / "meta_ads"
UA = "Jane Analyst jane@example.com"
TODAY = date(2026, 8, 3)
SUBMISSIONS = "/submissions/CIK0001326801.json"
ARCHIVE = "/Archives/edgar/data/1326801/"
RELEASES = {  # folder → exhibit, as in the replayed submissions (newest first)
    "000162828026050596": "meta-06302026xexhibit991.htm",
    "000162828026003832": "meta-12312025xexhibit991.htm",
    "000132680125000014": "meta-12312024xexhibit991.htm",
    "000132680124000049": "meta-03312024xexhibit991.htm",
    "000132680123000093": "meta-09302023xexhibit991.htm",
}
ENV_KEY = "meta-ECHOED-key-24680"


def serve(httpserver, exhibits: dict[str, bytes] | None = None, submissions: bytes | None = None) -> None:
    httpserver.expect_request(SUBMISSIONS, headers={"User-Agent": UA}).respond_with_data(
        submissions or (REPLAY / "submissions.json").read_bytes(), content_type="application/json")
    for folder, name in RELEASES.items():
        httpserver.expect_request(f"{ARCHIVE}{folder}/index.json").respond_with_data(
            (REPLAY / f"index_{folder}.json").read_bytes(), content_type="application/json")
        body = (exhibits or {}).get(name) or (REPLAY / name).read_bytes()
        httpserver.expect_request(f"{ARCHIVE}{folder}/{name}").respond_with_data(body,
                                                                             content_type="text/html")


def provider(httpserver) -> MetaAds:
    return MetaAds(httpserver.url_for(""), user_agent=UA)


def fetch(httpserver, last: dict[str, date] | None = None):
    with HttpClient(sleep=lambda s: None, retries=0) as http:
        p = provider(httpserver)
        return {b.meta.id: b for b in p.fetch(FetchContext(http, last or {}, TODAY))}, p, http


def fast_http(cancel):
    return HttpClient(cancelled=cancel, sleep=lambda s: None, retries=0)


def data_dump(cache) -> list[str]:
    return [line for line in cache.db.conn.iterdump() if '"provenance"' not in line]


def both(day: date) -> dict[str, date]:
    return {"meta.ad_impressions_yoy": day, "meta.ad_price_yoy": day}


def test_every_release_since_2023_gives_its_quarter_with_the_sentence(httpserver) -> None:
    serve(httpserver)
    now = [0.0]
    sleeps: list[float] = []

    def sleep(seconds: float) -> None:
        sleeps.append(seconds)
        now[0] += seconds

    with HttpClient(sleep=sleep, retries=0) as http:
        meta = MetaAds(httpserver.url_for(""), user_agent=UA, clock=lambda: now[0])
        got = {b.meta.id: b for b in meta.fetch(FetchContext(http, {}, TODAY))}
    assert http.requests == 1 + 2 * len(RELEASES)  # the 2022 release is before the window
    imp, price = got["meta.ad_impressions_yoy"], got["meta.ad_price_yoy"]
    quarters = [d.date() for d in imp.frame["date"]]
    assert quarters == [date(2023, 9, 30), date(2024, 3, 31), date(2024, 12, 31), date(2025, 12, 31),
                        date(2026, 6, 30)]
    assert list(imp.frame["value"]) == [31.0, 20.0, 6.0, 18.0, 12.0]
    assert list(price.frame["value"]) == [-6.0, 6.0, 14.0, 6.0, 9.0]  # "decreased by 6%" is -6
    q4 = imp.meta.extra["sentences"]["2024-12-31"]
    assert q4["sentence"].startswith("Ad impressions and the average price per ad - In the fourth "
                                     "quarter of 2024, ad impressions delivered across our Family")
    assert "full year" not in q4["sentence"]  # the full year's 11% / 10% are not the quarter's
    assert q4["url"].endswith(f"{ARCHIVE}000132680125000014/meta-12312024xexhibit991.htm")
    assert q4["filed"] == "2025-01-29" and imp.meta.extra["unparsed"] == []
    assert (imp.meta.unit, imp.meta.frequency, imp.meta.source) == ("pct", "Q", "Meta")
    assert not imp.meta.is_demo
    assert "SEC" in imp.meta.licence and price.meta.extra == imp.meta.extra
    # SEC's 10 requests a second, paced through the client's sleep (here a fake clock's)
    assert sleeps == [pytest.approx(0.1)] * (http.requests - 1)


def test_nothing_is_read_again_until_a_new_release_is_filed(httpserver) -> None:
    serve(httpserver)
    got, _p, http = fetch(httpserver, both(date(2026, 6, 30)))
    assert got == {} and http.requests == 1  # the submissions list only


def test_a_new_release_re_reads_the_window_so_every_point_keeps_its_sentence(httpserver) -> None:
    serve(httpserver)
    got, _p, http = fetch(httpserver, both(date(2025, 12, 31)))
    assert http.requests == 11 and len(got["meta.ad_price_yoy"].frame) == 5
    assert set(got["meta.ad_price_yoy"].meta.extra["sentences"]) >= {"2023-09-30", "2026-06-30"}


def test_a_refresh_fills_the_meta_ads_chart(cache, httpserver) -> None:
    serve(httpserver)
    [res] = run_refresh(cache, [provider(httpserver)], today=TODAY, http_factory=fast_http).sources
    assert res.status == OK, res.error
    spec = catalogue_by_id()["meta_ads"]
    metas = cache.series.metas()
    ids = resolve_series(spec, metas)
    chart = prepare(spec, {s: cache.series.observations(s) for s in ids}, metas)
    assert [s.series_id for s in chart.series] == ["meta.ad_price_yoy", "meta.ad_impressions_yoy"]
    assert not any(s.is_demo for s in chart.series) and chart.source_ko == "자료: Meta, SK증권"
    assert len(cache.series.observations("meta.ad_price_yoy")) == 5  # the illustrative points are gone


def test_without_a_user_agent_the_source_is_skipped(cache, monkeypatch) -> None:
    monkeypatch.delenv("QNAI_SEC_USER_AGENT", raising=False)
    [meta] = make_providers(["meta_ads"])
    assert "User-Agent" in meta.unavailable()
    assert run_refresh(cache, [meta], today=TODAY).sources[0].status == SKIPPED
    [configured] = make_providers(["meta_ads"], sec_user_agent=UA)
    assert configured.unavailable() is None and configured.user_agent == UA
    monkeypatch.setenv("QNAI_SEC_USER_AGENT", "Cron Job cron@example.com")
    assert configured.user_agent == "Cron Job cron@example.com"  # the environment wins


def test_a_403_explains_sec_s_user_agent_rule(httpserver) -> None:
    httpserver.expect_request(SUBMISSIONS).respond_with_data("Request Rate Threshold Exceeded", 403)
    with pytest.raises(ProviderError, match=r"HTTP 403.*descriptive User-Agent"):
        fetch(httpserver)


# --- a sentence that does not parse is reported, never guessed ---------------------------------------

def exhibit(name: str, old: str, new: str) -> bytes:
    html = (REPLAY / name).read_text()
    assert old in html
    return html.replace(old, new).encode()


def test_a_newest_release_in_another_wording_fails_the_source_and_says_why(cache, httpserver) -> None:
    reworded = exhibit("meta-06302026xexhibit991.htm",
                       "Ad impressions delivered across our Family of Apps increased by 12% year-over-year.",
                       "Ad impressions grew 12% compared with last year.")
    serve(httpserver, {"meta-06302026xexhibit991.htm": reworded})
    before = data_dump(cache)
    [res] = run_refresh(cache, [provider(httpserver)], today=TODAY, http_factory=fast_http).sources
    assert res.status == FAILED and data_dump(cache) == before
    assert "filed 2026-07-29" in res.error and "no 'ad impressions … by X% year-over-year'" in res.error
    assert "Ad impressions grew 12% compared with last year." in res.error  # what was found
    assert res.error.endswith("meta-06302026xexhibit991.htm")


def test_an_older_release_that_does_not_parse_is_left_out_and_listed(httpserver) -> None:
    garbled = exhibit("meta-03312024xexhibit991.htm", "Average price per ad increased by 6% year-over-year.",
                      "Average price per ad increased year-over-year.")
    serve(httpserver, {"meta-03312024xexhibit991.htm": garbled})
    got, p, _http = fetch(httpserver)
    quarters = [d.date() for d in got["meta.ad_price_yoy"].frame["date"]]
    assert date(2024, 3, 31) not in quarters and len(quarters) == 4
    [unparsed] = got["meta.ad_price_yoy"].meta.extra["unparsed"]
    assert unparsed["filed"] == "2024-04-24" and "average price per ad" in unparsed["reason"]
    assert p.warnings and "2024-04-24" in p.warnings[0]


@pytest.mark.parametrize("html, reason", [
    ("<div>Meta Reports Second Quarter 2026 Results</div><div>Ad impressions delivered across our Family "
     "of Apps increased by 12% year-over-year. Ad impressions delivered across our Family of Apps "
     "increased by 13% year-over-year. Average price per ad increased by 9% year-over-year.</div>",
     "2 different impressions figures"),
    ("<div>Meta Reports First Quarter 2026 Results</div><div>Ad impressions delivered across our Family "
     "of Apps increased by 12% year-over-year and the average price per ad increased by 9% "
     "year-over-year.</div>", "ending 2026-03-31, but a release filed on 2026-07-29"),
    ("<div>Ad impressions delivered across our Family of Apps increased by 12% year-over-year and the "
     "average price per ad increased by 9% year-over-year.</div>", "names no quarter"),
    ("<html><body><h1>503 Service Unavailable</h1></body></html>", "no 'ad impressions and average"),
    ("<div>Meta Reports Second Quarter 2026 Results</div><div>In the second quarter of 2026, ad "
     "impressions delivered across our Family of Apps increased by 12% year-over-year and the average "
     "price per ad was flat year-over-year.</div>", None),
])
def test_release_sentences_that_cannot_be_read_say_why(html: str, reason: str | None) -> None:
    got = read_release(html, date(2026, 7, 29))
    if reason is None:
        assert (got.impressions, got.price, got.quarter_end) == (12.0, 0.0, date(2026, 6, 30))
    else:
        assert isinstance(got, ReleaseProblem) and reason in got.reason, got


# --- hostile EDGAR answers ------------------------------------------------------------------------------

def _subs(change) -> bytes:
    doc = json.loads((REPLAY / "submissions.json").read_bytes())
    change(doc)
    return json.dumps(doc).encode()


HOSTILE = {
    "truncated submissions": ((REPLAY / "submissions.json").read_bytes()[:900], "invalid JSON"),
    "html instead of json": (b"<html><body>Your Request Originates from an Undeclared Automated Tool"
                             b"</body></html>", "invalid JSON"),
    "recent renamed": (_subs(lambda d: d["filings"].update(latest=d["filings"].pop("recent"))),
                       "no filings.recent"),
    "arrays of different lengths": (_subs(lambda d: d["filings"]["recent"]["form"].pop()), "equally long"),
    "another company": (_subs(lambda d: d.update(cik="320193")), "not 1326801"),
    "bad accession": (_subs(lambda d: d["filings"]["recent"]["accessionNumber"].__setitem__(0, "../../x")),
                      "accession number is malformed"),
    "bad date": (_subs(lambda d: d["filings"]["recent"]["filingDate"].__setitem__(0, "9999-99-99")),
                 "not a date"),
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_a_hostile_submissions_list_fails_clearly_and_writes_nothing(cache, httpserver, case: str) -> None:
    body, reason = HOSTILE[case]
    serve(httpserver, submissions=body)
    before = data_dump(cache)
    [res] = run_refresh(cache, [provider(httpserver)], today=TODAY, http_factory=fast_http).sources
    assert res.status == FAILED and reason in res.error, res.error
    assert data_dump(cache) == before and len(res.error) < 500


def test_a_filing_index_without_an_exhibit_is_reported(httpserver) -> None:
    folder = next(iter(RELEASES))
    index = json.loads((REPLAY / f"index_{folder}.json").read_bytes())
    index["directory"]["item"] = [i for i in index["directory"]["item"] if "exhibit" not in i["name"]]
    httpserver.expect_request(f"{ARCHIVE}{folder}/index.json").respond_with_json(index)  # first wins
    serve(httpserver)
    with pytest.raises(SchemaError, match=r"filed 2026-07-29.*no Exhibit 99\.1 in the filing"):
        fetch(httpserver)


def test_huge_numbers_and_echoed_keys_in_a_release(cache, httpserver, monkeypatch) -> None:
    monkeypatch.setenv("QNAI_META_ADS_API_KEY", ENV_KEY)  # not used by EDGAR; scrubbed all the same
    huge = exhibit("meta-12312025xexhibit991.htm", "increased by 18% year-over-year.",
                   f"increased by 18% year-over-year ({ENV_KEY}).")
    huge_q = exhibit("meta-12312024xexhibit991.htm", "increased by 6% year-over-year",
                     "increased by 60000000% year-over-year")
    serve(httpserver, {"meta-12312025xexhibit991.htm": huge, "meta-12312024xexhibit991.htm": huge_q})
    [res] = run_refresh(cache, [provider(httpserver)], today=TODAY, http_factory=fast_http).sources
    assert res.status == OK, res.error
    extra = cache.series.meta("meta.ad_impressions_yoy").extra
    assert "***" in extra["sentences"]["2025-12-31"]["sentence"]
    assert ENV_KEY not in "\n".join(cache.db.conn.iterdump())
    assert "2024-12-31" not in extra["sentences"]  # 60000000% is not read as a figure
    assert re.search(r"2025-01-29", json.dumps(extra["unparsed"]))
