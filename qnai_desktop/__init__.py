"""Q&AI Desktop: a workstation for equity analysts covering AI infrastructure."""

__version__ = "0.1.0"
