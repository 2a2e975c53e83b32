"""Column labels → stable ASCII keys: Korean romanised (Revised Romanization), never two labels
on one key by accident, other scripts hashed, old ASCII keys unchanged."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qnai_desktop.core.romanize import decode, is_readable, label_hash, label_key, romanize

HANGUL = st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3)


@pytest.mark.parametrize(("label", "roman"), [
    ("오라클 매출", "orakeul maechul"), ("엔비디아 매출", "enbidia maechul"), ("한국", "hanguk"),
    ("삼성전자", "samseongjeonja"), ("광고 노출", "gwanggo nochul"), ("닭", "dak"),
    ("꽃", "kkot"), ("외", "oe"), ("의", "ui"), ("뷁", "bwek"),
])
def test_revised_romanization_of_syllables(label: str, roman: str) -> None:
    assert romanize(label) == roman


@pytest.mark.parametrize(("label", "key"), [
    ("오라클 매출", "orakeul_maechul"), ("엔비디아 매출", "enbidia_maechul"),
    ("H100 임대지수", "h100_imdaejisu"), ("SK하이닉스 HBM 매출", "sk_hainikseu_hbm_maechul"),
    ("Meta ad impressions YoY", "meta_ad_impressions_yoy"),  # ASCII keys as before
    ("x" * 80, "x" * 60),
])
def test_keys_people_can_read(label: str, key: str) -> None:
    assert label_key(label) == key


@pytest.mark.parametrize("label", ["닭", "각카", "아에", "영업이익", "東京", "Café", "!!!", "", "매출 東京",
                                   "가" * 40])
def test_lossy_labels_get_a_stable_hash_suffix(label: str) -> None:
    key = label_key(label)
    assert key.endswith("-" + label_hash(label)) and key == label_key(label)
    assert re.fullmatch(r"[a-z0-9_]+-[0-9a-f]{6}", key), key
    assert len(key) <= 60


def test_romanisations_that_clash_are_told_apart() -> None:
    """각카 and 가까 are both 'gakka', 아에 and 애 both 'ae', 닭 and 닥 both 'dak'."""
    for a, b in (("각카", "가까"), ("아에", "애"), ("닭", "닥"), ("a가", "아가")):
        assert romanize(a) == romanize(b) and label_key(a) != label_key(b), (a, b)


def test_every_single_syllable_has_its_own_key() -> None:
    labels = [chr(c) for c in range(0xAC00, 0xD7A4)]
    assert len({label_key(s) for s in labels}) == len(labels) == 11172


@given(st.lists(st.text(HANGUL, min_size=1, max_size=4), min_size=2, max_size=40, unique=True))
def test_distinct_hangul_labels_get_distinct_keys(labels: list[str]) -> None:
    keys = [label_key(label) for label in labels]
    assert len(set(keys)) == len(keys)


@given(st.text(HANGUL, min_size=1, max_size=8))
def test_a_plain_key_reads_back_to_its_label(label: str) -> None:
    key = label_key(label)
    if "-" not in key:
        assert is_readable(label) and decode(key) == label
    else:
        assert not is_readable(label) or len(romanize(label)) > 60
