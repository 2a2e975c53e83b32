"""StatCounter AI-chatbot share against a replay server, and the LLM-share chart's switch to it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from qnai_desktop.core.charts import catalogue_by_id, prepare, resolve_series, source_line
from qnai_desktop.services.providers import FetchContext, HttpClient, SchemaError, StatCounterChatbots
from qnai_desktop.services.refresh import FAILED, run_refresh

REPLAY = Path(__file__).resolve().parents[1] / "fixtures" / "replay"
PATH = "/ai-chatbot-market-share/chart.php"
TODAY = date(2025, 8, 12)
ENV_KEY = "statcounter-ECHO-key-31337"


def body() -> bytes:
    return (REPLAY / "statcounter_ai_chatbot_monthly.csv").read_bytes()


def fetch(httpserver, last: dict[str, date] | None = None, today: date = TODAY):
    with HttpClient(sleep=lambda s: None, retries=0) as http:
        return {b.meta.id: b for b in StatCounterChatbots(httpserver.url_for("")).fetch(
            FetchContext(http, last or {}, today))}


def fast_http(cancel):
    return HttpClient(cancelled=cancel, sleep=lambda s: None, retries=0)


def data_dump(cache) -> list[str]:
    return [line for line in cache.db.conn.iterdump() if '"provenance"' not in line]


def test_monthly_shares_from_the_chart_csv(httpserver) -> None:
    httpserver.expect_request(PATH, query_string={
        "device": "Desktop & Mobile & Tablet & Console", "device_hidden": "desktop+mobile+tablet+console",
        "multi-device": "true", "statType_hidden": "ai_chatbot", "region_hidden": "ww",
        "granularity": "monthly", "statType": "AI Chatbot", "region": "Worldwide", "fromInt": "202501",
        "toInt": "202507", "fromMonthYear": "2025-01", "toMonthYear": "2025-07", "csv": "1",
    }).respond_with_data(body(), content_type="text/csv")
    got = fetch(httpserver)
    assert set(got) == {f"statcounter.share.{k}" for k in
                        ("chatgpt", "perplexity", "copilot", "gemini", "deepseek", "claude")}
    chatgpt = got["statcounter.share.chatgpt"]
    days = [d.date() for d in chatgpt.frame["date"]]
    assert days[0] == date(2025, 3, 1) and days[-1] == date(2025, 7, 1)  # all-zero February dropped
    assert chatgpt.frame["value"].iat[-1] == pytest.approx(82.69)
    assert got["statcounter.share.copilot"].frame["value"].iat[-1] == pytest.approx(4.56)
    meta = chatgpt.meta
    assert (meta.unit, meta.frequency, meta.is_demo) == ("pct", "M", False)
    assert meta.source == "StatCounter (referral share)" and "referral share" in meta.title_en
    assert meta.licence.startswith("CC BY-SA 3.0") and "StatCounter Global Stats" in meta.licence


def asked_months(httpserver) -> list[tuple[str, str]]:
    return [(r.args["fromMonthYear"], r.args["toMonthYear"]) for r, _resp in httpserver.log]


def test_incremental_from_the_month_before_the_last_and_never_one_month(httpserver) -> None:
    httpserver.expect_request(PATH).respond_with_data(body())
    last = {f"statcounter.share.{k}": date(2025, 7, 1) for k in ("chatgpt", "claude")}
    got = fetch(httpserver, last)
    assert asked_months(httpserver) == [("2025-06", "2025-07")]
    assert [d.date() for d in got["statcounter.share.chatgpt"].frame["date"]] == [date(2025, 6, 1),
                                                                                  date(2025, 7, 1)]
    # the current (partial) month is never asked for; a single new month is asked with the one
    # before it, since a one-month range comes back transposed
    fetch(httpserver, {"statcounter.share.chatgpt": date(2025, 6, 1)}, today=date(2025, 7, 30))
    assert asked_months(httpserver)[-1] == ("2025-05", "2025-06")


def test_unknown_bots_and_other_are_added_into_others(httpserver) -> None:
    httpserver.expect_request(PATH).respond_with_data(
        '"Date","ChatGPT","Other","Brand New Bot"\n"2025-06","90.00","6.00","4.00"\n'
        '"2025-07","89.00","6.50","4.50"\n')
    got = fetch(httpserver)
    assert set(got) == {"statcounter.share.chatgpt", "statcounter.share.others"}
    assert list(got["statcounter.share.others"].frame["value"]) == [10.0, 11.0]


def test_the_llm_share_chart_shows_statcounter_when_present_and_says_so(cache, httpserver) -> None:
    spec = catalogue_by_id()["llm_share"]
    before = cache.series.metas()
    assert all(s.startswith("similarweb.share.") for s in resolve_series(spec, before))
    assert source_line(spec, before, "en") == ("Source: Illustrative data — not a real source "
                                               "(SimilarWeb), SK Securities")
    httpserver.expect_request(PATH).respond_with_data(body())
    assert run_refresh(cache, [StatCounterChatbots(httpserver.url_for(""))], today=TODAY,
                       http_factory=fast_http).ok
    metas = cache.series.metas()
    assert "similarweb.share.chatgpt" in metas  # still cached (illustrative), just not drawn
    plotted = resolve_series(spec, metas)
    assert plotted and all(s.startswith("statcounter.share.") for s in plotted)
    chart = prepare(spec, {s: cache.series.observations(s) for s in plotted}, metas)
    assert chart.source_en == "Source: StatCounter (referral share), SK Securities"
    assert chart.source_ko == "자료: StatCounter (유입 기준 점유율), SK증권"
    assert not any(s.is_demo for s in chart.series) and "similarweb.share.*" not in chart.skipped
    july = chart.table.loc["2025-07-01"]
    assert july.sum() == pytest.approx(100.0)


HOSTILE = {
    "html error page": (b"<html><head><title>503</title></head><body>busy</body></html>", "header"),
    "transposed one-month answer": (b'"AI Chatbot","2025-07"\n"ChatGPT","82.69"\n', "header"),
    "drifted date": (b'"Date","ChatGPT"\n"July 2025","100"\n', "row 2"),
    "truncated row": (b'"Date","ChatGPT","Claude"\n"2025-07","99.1"', "row 2"),
    "huge share": (b'"Date","ChatGPT"\n"2025-07","1e999"\n', "outside 0"),
    "shares not adding up": (b'"Date","ChatGPT","Claude"\n"2025-07","90","90"\n', "add up to 180.00"),
    "echoed key": (f'"Date","ChatGPT"\n"2025-07","{ENV_KEY}"\n'.encode(), "not a number"),
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_a_hostile_answer_fails_clearly_and_writes_nothing(cache, httpserver, monkeypatch, case) -> None:
    monkeypatch.setenv("QNAI_STATCOUNTER_API_KEY", ENV_KEY)
    data, reason = HOSTILE[case]
    httpserver.expect_request(PATH).respond_with_data(data)
    before = data_dump(cache)
    [res] = run_refresh(cache, [StatCounterChatbots(httpserver.url_for(""))], today=TODAY,
                        http_factory=fast_http).sources
    assert res.status == FAILED and res.error.startswith("StatCounter") and reason in res.error, res.error
    assert data_dump(cache) == before
    assert ENV_KEY not in res.error and ENV_KEY not in "\n".join(cache.db.conn.iterdump())
    with HttpClient(retries=0) as http, pytest.raises(SchemaError):
        StatCounterChatbots(httpserver.url_for("")).fetch(FetchContext(http, {}, TODAY))


def test_a_key_echoed_in_a_column_name_is_masked(cache, httpserver, monkeypatch) -> None:
    monkeypatch.setenv("QNAI_STATCOUNTER_API_KEY", ENV_KEY)
    httpserver.expect_request(PATH).respond_with_data(
        f'"Date","ChatGPT","{ENV_KEY}"\n"2025-06","95","5"\n"2025-07","94","6"\n')
    result = run_refresh(cache, [StatCounterChatbots(httpserver.url_for(""))], today=TODAY,
                         http_factory=fast_http)
    assert result.ok and "statcounter.share.others" in cache.series.ids()  # the id is ours
    assert ENV_KEY not in "\n".join(cache.db.conn.iterdump())
