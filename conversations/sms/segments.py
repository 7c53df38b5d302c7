"""How many SMS segments a text costs: GSM-7 (160 / 153) or UCS-2 (70 / 67).

The tables are GSM 03.38 as Twilio maps it (TwilioDevEd/message-segment-calculator). Like Twilio's
calculator, an escape pair or a surrogate pair is never split across segments, so a concatenated segment
may carry one unit less than its nominal size.
"""

from dataclasses import dataclass

GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡"
    "ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
# Sent as ESC + code: two septets each.
GSM7_EXTENSION = frozenset("\f^{}\\[~]|€")

GSM7_SINGLE, GSM7_MULTI = 160, 153
UCS2_SINGLE, UCS2_MULTI = 70, 67
TWILIO_MAX_BODY_CHARS = 1600


@dataclass(frozen=True)
class SegmentInfo:
    encoding: str  # "GSM-7" | "UCS-2"
    segments: int
    characters: int  # septets for GSM-7, UTF-16 code units for UCS-2
    ucs2_chars: tuple[str, ...] = ()  # the characters that forced UCS-2, in order, without repeats

    @property
    def is_unicode(self) -> bool:
        return self.encoding == "UCS-2"

    @property
    def per_segment(self) -> int:
        if self.encoding == "GSM-7":
            return GSM7_SINGLE if self.segments <= 1 else GSM7_MULTI
        return UCS2_SINGLE if self.segments <= 1 else UCS2_MULTI

    def as_dict(self) -> dict:
        return {
            "encoding": self.encoding,
            "segments": self.segments,
            "characters": self.characters,
            "ucs2_chars": list(self.ucs2_chars),
        }


GSM7 = GSM7_BASIC | GSM7_EXTENSION


def _unit_costs(text: str, *, gsm: bool) -> list[int]:
    if gsm:
        return [2 if c in GSM7_EXTENSION else 1 for c in text]
    return [2 if ord(c) > 0xFFFF else 1 for c in text]


def _segments_for(costs: list[int], *, single: int, multi: int) -> int:
    total = sum(costs)
    if total <= single:
        return 1 if costs else 0
    segments, used = 1, 0
    for cost in costs:
        if used + cost > multi:
            segments += 1
            used = 0
        used += cost
    return segments


def segment_info(text: str) -> SegmentInfo:
    """Encoding, segment count and length of `text` as the carrier will bill it."""
    text = text or ""
    non_gsm = tuple(dict.fromkeys(c for c in text if c not in GSM7)) if not GSM7.issuperset(text) else ()
    gsm = not non_gsm
    costs = _unit_costs(text, gsm=gsm)
    if gsm:
        segments = _segments_for(costs, single=GSM7_SINGLE, multi=GSM7_MULTI)
    else:
        segments = _segments_for(costs, single=UCS2_SINGLE, multi=UCS2_MULTI)
    return SegmentInfo(
        encoding="GSM-7" if gsm else "UCS-2",
        segments=segments,
        characters=sum(costs),
        ucs2_chars=non_gsm,
    )
