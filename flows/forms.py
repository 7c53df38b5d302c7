"""Page forms of the dashboard's flow editor and settings (shape only; rules live in flows.services)."""

from django import forms

from conversations.placeholders import placeholders_listing

from . import defaults
from .models import IncentiveKind

LANGUAGE_NAMES = {
    "en": "English",
    "es": "Spanish",
    "fr": "French",
    "de": "German",
    "it": "Italian",
    "nl": "Dutch",
    "pt": "Portuguese",
}
DELAY_UNITS = {"minutes": 1, "hours": 60, "days": 24 * 60}


def delay_split(minutes: int) -> tuple[int, str]:
    """45 → (45, "minutes"); 1440 → (1, "days"): the largest unit that divides the delay."""
    for unit in ("days", "hours"):
        if minutes and minutes % DELAY_UNITS[unit] == 0:
            return minutes // DELAY_UNITS[unit], unit
    return minutes, "minutes"


def delay_text(minutes: int) -> str:
    """45 → "45 minutes", 1440 → "1 day"."""
    amount, unit = delay_split(minutes)
    return f"{amount} {unit[:-1] if amount == 1 else unit}"


def language_choices() -> list[tuple[str, str]]:
    return [(code, LANGUAGE_NAMES.get(code, code)) for code in defaults.LANGUAGES]


class StepForm(forms.Form):
    template = forms.CharField(
        label="Text",
        widget=forms.Textarea(attrs={"rows": 6, "spellcheck": "true"}),
        max_length=1600,
        help_text="Placeholders: " + placeholders_listing(),
    )
    delay = forms.IntegerField(label="Send after", min_value=1, max_value=10_000)
    delay_unit = forms.ChoiceField(
        label="Unit", choices=[(u, u.capitalize()) for u in DELAY_UNITS], initial="minutes"
    )
    is_active = forms.BooleanField(label="This step is on", required=False)
    incentive_kind = forms.ChoiceField(label="Incentive", choices=IncentiveKind.choices)
    discount_code = forms.CharField(label="Discount code", max_length=64, required=False)
    incentive_text = forms.CharField(
        label="Incentive wording",
        max_length=200,
        required=False,
        help_text="Optional: how the offer reads, e.g. “10% off until Sunday”.",
    )
    incentive_valid_days = forms.IntegerField(
        label="Offer valid for (days)", min_value=1, max_value=90, initial=7
    )
    remove_language = forms.BooleanField(label="Remove this language", required=False)

    @property
    def delay_minutes(self) -> int:
        return self.cleaned_data["delay"] * DELAY_UNITS[self.cleaned_data["delay_unit"]]


class PreviewForm(forms.Form):
    """What the live preview reads from the editor form: lenient, it renders whatever is typed."""

    template = forms.CharField(required=False, max_length=4000, strip=False)
    delay = forms.IntegerField(required=False, min_value=0)
    delay_unit = forms.ChoiceField(choices=[(u, u) for u in DELAY_UNITS], required=False)
    incentive_kind = forms.ChoiceField(choices=IncentiveKind.choices, required=False)
    discount_code = forms.CharField(required=False, max_length=64)

    @property
    def delay_minutes(self) -> int | None:
        delay = self.cleaned_data.get("delay")
        if delay is None:
            return None
        return delay * DELAY_UNITS.get(self.cleaned_data.get("delay_unit") or "minutes", 1)


class FlowSettingsForm(forms.Form):
    quiet_hours_start = forms.TypedChoiceField(
        label="Start texting at", coerce=int, choices=[(h, f"{h:02d}:00") for h in range(0, 24)]
    )
    quiet_hours_end = forms.TypedChoiceField(
        label="Stop texting at", coerce=int, choices=[(h, f"{h:02d}:00") for h in range(1, 25)]
    )
    frequency_cap = forms.IntegerField(
        label="Texts per phone per 24 hours",
        min_value=1,
        max_value=10,
        help_text="Florida and Oklahoma cap it at 3 whatever you set.",
    )
    fallback_reply = forms.CharField(
        label="Fallback reply",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1600,
        help_text="When no rule matches; the thread also goes to a person.",
    )
    holding_reply = forms.CharField(
        label="Holding reply",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1600,
        help_text="When a shopper asks for a person. Placeholders: " + placeholders_listing(),
    )


class SendTimeForm(forms.Form):
    phone = forms.CharField(label="Shopper's phone number", max_length=40)


class KeywordRuleForm(forms.Form):
    name = forms.CharField(label="Name", max_length=120, help_text="For you, e.g. “Shipping questions”.")
    keywords = forms.CharField(
        label="Keywords",
        max_length=3000,
        help_text="Separated by commas: shipping, delivery, when will it arrive. Whole words, any case.",
    )
    reply = forms.CharField(
        label="Reply",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=1600,
        help_text="Placeholders: " + placeholders_listing(),
    )
    priority = forms.IntegerField(
        label="Priority", min_value=0, max_value=10_000, initial=100, help_text="Lower runs first."
    )
    active = forms.BooleanField(label="On", required=False, initial=True)

    def clean_keywords(self) -> list[str]:
        return [k.strip() for k in self.cleaned_data["keywords"].split(",") if k.strip()]


class ReplyTryForm(forms.Form):
    text = forms.CharField(
        label="A shopper texts…",
        max_length=1600,
        error_messages={"required": "The box is empty: type what a shopper might text, then try it."},
    )
