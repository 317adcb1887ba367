"""Reading inputs: files and folders of text, HTML and JSON Lines, in any common encoding."""

from luoshi.ingest.readers import InputDoc, iter_inputs

__all__ = ["InputDoc", "iter_inputs"]
