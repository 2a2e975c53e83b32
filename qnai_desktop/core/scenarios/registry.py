"""The registry of scenario models, in the note's order."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from .errors import UnknownModelError
from .model import Model
from .models import ALL

MODELS: Mapping[str, Model] = MappingProxyType({m.id: m for m in ALL})


def model_ids() -> list[str]:
    """Model ids in display order."""
    return list(MODELS)


def get_model(model_id: str) -> Model:
    """The model with this id; UnknownModelError (a KeyError) naming it and the valid ids."""
    try:
        return MODELS[model_id]
    except KeyError:
        raise UnknownModelError(model_id, model_ids()) from None
