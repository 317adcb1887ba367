"""luoshi: reports of Chinese Party and government meetings as structured records.

    >>> import luoshi
    >>> record = luoshi.extract(text, published="2022-10-25")
    >>> record.to_dict()
"""

from luoshi.pipeline import extract, extract_document
from luoshi.record import Record

__all__ = ["Record", "__version__", "extract", "extract_document"]
__version__ = "0.1.0"
