"""Which signals the Monitors tab watches and which thesis of the note each one serves."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from qnai_desktop.core.series import SeriesMeta

# The note's watch points, quoted as written (Q&AI, "안정적 B200, H100 대여 가격이 보여주는 결론").
WATCH_CDS_KO = "Oracle, Coreweave의 CDS spread가 다시 올라올 수 있는 계기"
WATCH_CDS_EN = "What could push Oracle and CoreWeave CDS spreads back up"
WATCH_GPU_RENT_KO = "실제로 GPU 대여 가격에 우려가 전가되는지 주목 필요"
WATCH_GPU_RENT_EN = "Watch whether the worries actually pass through to GPU rental prices"

B200_H100_RATIO_ID = "gpu_rent.b200_h100_ratio"


@dataclass(frozen=True)
class MonitorDef:
    """One monitor row as data. ``ratio_of`` = (numerator id, denominator id) for derived rows.

    ``adverse`` is the direction that hurts the thesis ('up', 'down' or None for both); it feeds
    ``status_color``.
    """

    series_id: str
    label_ko: str = ""
    label_en: str = ""
    watch_ko: str = ""
    watch_en: str = ""
    tickers: tuple[str, ...] = ()
    adverse: str | None = None
    ratio_of: tuple[str, str] | None = None

    @property
    def is_derived(self) -> bool:
        return self.ratio_of is not None

    def watch(self, lang: str = "ko") -> str:
        return self.watch_ko if lang == "ko" else self.watch_en

    def derived_meta(self, metas: Mapping[str, SeriesMeta]) -> SeriesMeta:
        """Metadata for a derived row, inheriting source and demo flag from its legs."""
        if self.ratio_of is None:
            raise ValueError(f"monitor {self.series_id!r} is not derived")
        legs = [metas[sid] for sid in self.ratio_of if sid in metas]
        return SeriesMeta(
            id=self.series_id,
            title_ko=self.label_ko or self.series_id,
            title_en=self.label_en or self.series_id,
            unit="ratio",
            frequency="D",
            source=legs[0].source if legs else "",
            source_ko=legs[0].source_ko if legs else "",
            is_demo=any(leg.is_demo for leg in legs),
        )


_GPU_TICKERS = ("NVDA", "CRWV", "ORCL")

DEFAULT_MONITORS: list[MonitorDef] = [
    MonitorDef(
        "cds.oracle_5y",
        "오라클 5년 CDS",
        "Oracle 5Y CDS",
        WATCH_CDS_KO,
        WATCH_CDS_EN,
        ("ORCL",),
        adverse="up",
    ),
    MonitorDef(
        "cds.coreweave_5y",
        "코어위브 5년 CDS",
        "CoreWeave 5Y CDS",
        WATCH_CDS_KO,
        WATCH_CDS_EN,
        ("CRWV", "META"),
        adverse="up",
    ),
    # proxies (FRED, ICE BofA index OAS): shown only once fetched, labelled as not CDS
    MonitorDef(
        "spread_proxy.us_bbb_oas",
        "미국 BBB 회사채 OAS (오라클 대용치, CDS 아님)",
        "US BBB corporate OAS (Oracle proxy, not CDS)",
        WATCH_CDS_KO,
        WATCH_CDS_EN,
        ("ORCL",),
        adverse="up",
    ),
    MonitorDef(
        "spread_proxy.us_hy_oas",
        "미국 하이일드 OAS (코어위브 대용치, CDS 아님)",
        "US high-yield OAS (CoreWeave proxy, not CDS)",
        WATCH_CDS_KO,
        WATCH_CDS_EN,
        ("CRWV", "META"),
        adverse="up",
    ),
    MonitorDef(
        "silicondata.h100_index",
        "SiliconData H100 렌탈 지수",
        "SiliconData H100 rental index",
        WATCH_GPU_RENT_KO,
        WATCH_GPU_RENT_EN,
        _GPU_TICKERS,
        adverse="down",
    ),
    MonitorDef(
        "gpu_rent.h100.median",
        "H100 시간당 대여 가격 (중앙값)",
        "H100 median rent per GPU-hour",
        WATCH_GPU_RENT_KO,
        WATCH_GPU_RENT_EN,
        _GPU_TICKERS,
        adverse="down",
    ),
    MonitorDef(
        "gpu_rent.h200.median",
        "H200 시간당 대여 가격 (중앙값)",
        "H200 median rent per GPU-hour",
        WATCH_GPU_RENT_KO,
        WATCH_GPU_RENT_EN,
        _GPU_TICKERS,
        adverse="down",
    ),
    MonitorDef(
        "gpu_rent.b200.median",
        "B200 시간당 대여 가격 (중앙값)",
        "B200 median rent per GPU-hour",
        WATCH_GPU_RENT_KO,
        WATCH_GPU_RENT_EN,
        _GPU_TICKERS,
        adverse="down",
    ),
    MonitorDef(
        B200_H100_RATIO_ID,
        "B200/H100 대여 가격 비율",
        "B200/H100 rent ratio",
        WATCH_GPU_RENT_KO,
        WATCH_GPU_RENT_EN,
        _GPU_TICKERS,
        adverse="down",
        ratio_of=("gpu_rent.b200.median", "gpu_rent.h100.median"),
    ),
]
