"""dyadwatch: verifiable political event data from news text."""

__version__ = "0.1.0"
CODER_NAME = f"dyadwatch {__version__}"
