"""newsbrief: analytical briefings for news from parameterized Jupyter notebooks."""

from .errors import NewsbriefError

__version__ = "0.1.0"

__all__ = ["NewsbriefError", "__version__"]
