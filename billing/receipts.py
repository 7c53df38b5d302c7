"""What every billing receipt shares: its format version and how it writes a time."""

from datetime import datetime

RECEIPT_VERSION = 1


def receipt_time(value: datetime | None) -> str | None:
    return value.isoformat() if value else None
