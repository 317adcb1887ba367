"""Loading and checking the knowledge base (the TSV files under luoshi/data)."""

from luoshi.kb.loader import KB, load_kb

__all__ = ["KB", "load_kb"]
