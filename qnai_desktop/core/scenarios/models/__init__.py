"""The note's six arguments as scenario models, one per module."""

from __future__ import annotations

from . import (
    ad_conversion,
    inference_margin,
    meta_compute_sale,
    meta_sotp,
    nvidia_backstop,
    spec_decoding,
)

ALL = (
    meta_compute_sale.MODEL,
    inference_margin.MODEL,
    spec_decoding.MODEL,
    nvidia_backstop.MODEL,
    meta_sotp.MODEL,
    ad_conversion.MODEL,
)
