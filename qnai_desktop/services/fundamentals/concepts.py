"""Which XBRL concepts stand for shares, capital expenditure and revenue, per company.

Each list is tried in order and :func:`~.xbrl.choose` takes the first one that is current (its
newest fact within 120 days of the newest in the list), so a filer that changed tags is
followed to the new one and the older tag still fills the history it covers. The concept
actually used is stored with every series (``extra.concept``) and value (``source``), and
``qnai-desktop fundamentals show`` prints it.

Capital expenditure (cash-flow statement, "purchases of property and equipment"):

=======  ===================================================  =====================================
Ticker   First choice                                         Why / fiscal year
=======  ===================================================  =====================================
MSFT     PaymentsToAcquirePropertyPlantAndEquipment           "Additions to property and equipment";
                                                              FY ends 30 June
GOOGL    PaymentsToAcquirePropertyPlantAndEquipment           "Purchases of property and equipment"
AMZN     PaymentsToAcquireProductiveAssets                    Amazon tags its "Purchases of property
                                                              and equipment" (incl. internal-use
                                                              software) with the broader concept
META     PaymentsToAcquirePropertyPlantAndEquipment           "Purchases of property and equipment"
ORCL     PaymentsToAcquirePropertyPlantAndEquipment           "Capital expenditures"; FY ends 31 May
CRWV     PaymentsToAcquirePropertyPlantAndEquipment           "Purchases of property and equipment";
                                                              10-Q/10-K since its 2025 listing (S-1
                                                              facts fill 2024)
NVDA     PaymentsToAcquireProductiveAssets                    "…property and equipment and intangible
                                                              assets"; FY ends late January
AAPL     PaymentsToAcquirePropertyPlantAndEquipment           52/53-week FY ending late September
=======  ===================================================  =====================================

Any other ticker uses ``CAPEX_DEFAULT``. Shares outstanding: the cover page
(``dei:EntityCommonStockSharesOutstanding``) first. Multi-class filers (Alphabet, Meta) tag the
cover page per share class, which company-facts leaves out, so for them the balance sheet's
``us-gaap:CommonStockSharesOutstanding`` or, last, the diluted weighted average of the latest
quarter takes over — the source line says which.
"""

from __future__ import annotations

#: The "major AI capex" group of the note (Meta ≈ 17 % of it in 2026F).
CAPEX_GROUP: tuple[str, ...] = ("MSFT", "GOOGL", "AMZN", "META", "ORCL", "CRWV")

CAPEX_DEFAULT = ("PaymentsToAcquirePropertyPlantAndEquipment", "PaymentsToAcquireProductiveAssets",
                 "PaymentsToAcquirePropertyPlantAndEquipmentAndIntangibleAssets")
CAPEX: dict[str, tuple[str, ...]] = {
    "AMZN": ("PaymentsToAcquireProductiveAssets", "PaymentsToAcquirePropertyPlantAndEquipment"),
    "NVDA": ("PaymentsToAcquireProductiveAssets", "PaymentsToAcquirePropertyPlantAndEquipment"),
}
REVENUE = ("RevenueFromContractWithCustomerExcludingAssessedTax", "Revenues", "SalesRevenueNet",
           "RevenueFromContractWithCustomerIncludingAssessedTax")
#: (taxonomy, concept, unit, is a duration) in order of preference.
SHARES = (("dei", "EntityCommonStockSharesOutstanding", "shares", False),
          ("us-gaap", "CommonStockSharesOutstanding", "shares", False),
          ("us-gaap", "WeightedAverageNumberOfDilutedSharesOutstanding", "shares", True))

NAMES: dict[str, tuple[str, str]] = {
    "MSFT": ("마이크로소프트", "Microsoft"), "GOOGL": ("알파벳", "Alphabet"),
    "AMZN": ("아마존", "Amazon"), "META": ("메타", "Meta"), "ORCL": ("오라클", "Oracle"),
    "CRWV": ("코어위브", "CoreWeave"), "NVDA": ("엔비디아", "Nvidia"), "AAPL": ("애플", "Apple"),
}


def capex_concepts(ticker: str) -> tuple[str, ...]:
    return CAPEX.get(ticker.upper(), CAPEX_DEFAULT)
