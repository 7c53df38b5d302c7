"""Page forms of the dashboard's flow editor and settings (shape only; rules live in flows.services)."""

from decimal import Decimal

from django import forms

from conversations.languages import LANGUAGE_NAMES
from conversations.placeholders import placeholders_listing

from . import defaults
from .models import IncentiveKind

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
    incentive_percent = forms.IntegerField(
        label="Percent off", min_value=1, max_value=100, required=False,
        help_text="A code made in Shopify: a percentage off…",
    )  # fmt: skip
    incentive_amount = forms.DecimalField(
        label="Amount off", max_digits=10, decimal_places=2, min_value=Decimal("0.01"), required=False,
        help_text="…or an amount off, in the shop's currency.",
    )  # fmt: skip
    incentive_min_cart_value = forms.DecimalField(
        label="Only for carts worth at least",
        required=False,
        max_digits=14,
        decimal_places=2,
        help_text="Optional, in the cart's currency: smaller carts get the text without the offer.",
    )
    incentive_only_if_not_clicked = forms.BooleanField(
        label="Only if the shopper did not click an earlier text",
        required=False,
        help_text="A shopper who already came back to the cart gets the text without the offer.",
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

    def __init__(self, *args, store_language: str = "en", **kwargs):
        super().__init__(*args, **kwargs)
        from conversations.languages import LANGUAGE_NAMES, LANGUAGES

        for kind, label in REPLY_KINDS.items():
            for language in LANGUAGES:
                if kind in ("fallback", "holding") and language == store_language:
                    continue  # the two fields above are the store's language
                self.fields[f"{kind}_{language}"] = forms.CharField(
                    label=f"{label} ({LANGUAGE_NAMES[language]})",
                    required=False,
                    max_length=1600,
                    widget=forms.Textarea(attrs={"rows": 2}),
                )

    def language_rows(self):
        from conversations.languages import LANGUAGE_NAMES, LANGUAGES

        return [
            (
                LANGUAGE_NAMES[language],
                [self[f"{kind}_{language}"] for kind in REPLY_KINDS if f"{kind}_{language}" in self.fields],
            )
            for language in LANGUAGES
        ]

    def settings_data(self) -> dict:
        """The service's arguments: the flow fields and {kind: {language: text}}."""
        from conversations.languages import LANGUAGES

        per_language = {f"{kind}_{language}" for kind in REPLY_KINDS for language in LANGUAGES}
        data = {k: v for k, v in self.cleaned_data.items() if k not in per_language}

        data["replies"] = {
            kind: {language: self.cleaned_data.get(f"{kind}_{language}", "") for language in LANGUAGES}
            for kind in REPLY_KINDS
        }
        return data


# The canned answers a store may write per language (flows.defaults ships one for each of the seven).
REPLY_KINDS = {
    "fallback": "Fallback reply",
    "holding": "Holding reply",
    "opt_out": "Opt-out confirmation",
    "opt_in": "Opt-in confirmation",
}


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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from conversations.languages import LANGUAGE_NAMES, LANGUAGES

        for language in LANGUAGES:
            name = LANGUAGE_NAMES[language]
            self.fields[f"reply_{language}"] = forms.CharField(
                label=f"Reply in {name}",
                required=False,
                max_length=1600,
                widget=forms.Textarea(attrs={"rows": 2}),
                help_text=f"Empty: a {name} shopper gets the reply above, and the agent a note.",
            )
            self.fields[f"lexicon_{language}"] = forms.CharField(
                label=f"{name} words",
                required=False,
                max_length=3000,
                widget=forms.Textarea(attrs={"rows": 2}),
                help_text="Built-in words for this rule's topics; edit to replace them for this rule.",
            )

    def language_fields(self):
        from conversations.languages import LANGUAGES

        return [(self[f"reply_{language}"], self[f"lexicon_{language}"]) for language in LANGUAGES]

    def clean_keywords(self) -> list[str]:
        return [k.strip() for k in self.cleaned_data["keywords"].split(",") if k.strip()]

    def rule_data(self, *, builtin: dict[str, list[str]]) -> dict:
        """The service's arguments: replies per language, and only the word lists the merchant changed."""
        from conversations.languages import LANGUAGES

        data = {k: v for k, v in self.cleaned_data.items() if not k.startswith(("reply_", "lexicon_"))}
        data["replies"] = {lang: self.cleaned_data[f"reply_{lang}"] for lang in LANGUAGES}
        lexicon = {}
        for language in LANGUAGES:
            words = [w.strip() for w in self.cleaned_data[f"lexicon_{language}"].split(",") if w.strip()]
            if words and words != builtin.get(language, []):
                lexicon[language] = words
        data["lexicon"] = lexicon
        return data


class ReplyTryForm(forms.Form):
    text = forms.CharField(
        label="A shopper texts…",
        max_length=1600,
        error_messages={"required": "The box is empty: type what a shopper might text, then try it."},
    )


VARIANT_ROWS = ("A", "B", "C", "D")


class VariantsForm(forms.Form):
    """The step's variants, one row per key (A–D), editing the text of one language at a time.

    A row is in the test when "Test" is ticked; the rules (2–4 variants, weights, texts, placeholders) are
    the flow service's (`flows.services.variants_clean`), which this form only feeds.
    """

    def __init__(self, data=None, *, step, language: str):
        self.step, self.language = step, language
        current = {v["key"]: v for v in step.variants or []}
        initial = {}
        for key in VARIANT_ROWS:
            variant = current.get(key)
            incentive = (variant or {}).get("incentive") or {}
            initial.update(
                {
                    f"{key}_include": variant is not None,
                    f"{key}_weight": (variant or {}).get("weight", 50),
                    f"{key}_text": (variant or {}).get("templates", {}).get(language, ""),
                    f"{key}_incentive_kind": incentive.get("kind", IncentiveKind.NONE),
                    f"{key}_discount_code": incentive.get("discount_code", ""),
                }
            )
        if not current:
            # Start from the step's own text as A, so a test is one new text away.
            initial["A_text"] = step.templates.get(language, "")
            initial["A_incentive_kind"] = step.incentive_kind
            initial["A_discount_code"] = step.discount_code
        super().__init__(data, initial=initial)
        for key in VARIANT_ROWS:
            self.fields[f"{key}_include"] = forms.BooleanField(label=f"Test variant {key}", required=False)
            self.fields[f"{key}_weight"] = forms.IntegerField(
                label=f"Variant {key} weight", min_value=1, max_value=1000, required=False
            )
            self.fields[f"{key}_text"] = forms.CharField(
                label=f"Variant {key} text",
                widget=forms.Textarea(attrs={"rows": 3, "spellcheck": "true"}),
                max_length=1600,
                required=False,
            )
            self.fields[f"{key}_incentive_kind"] = forms.ChoiceField(
                label=f"Variant {key} incentive", choices=IncentiveKind.choices, required=False
            )
            self.fields[f"{key}_discount_code"] = forms.CharField(
                label=f"Variant {key} discount code", max_length=64, required=False
            )

    def rows(self) -> list[dict]:
        """The form's fields grouped per variant, for the template."""
        return [
            {
                "key": key,
                "include": self[f"{key}_include"],
                "weight": self[f"{key}_weight"],
                "text": self[f"{key}_text"],
                "incentive_kind": self[f"{key}_incentive_kind"],
                "discount_code": self[f"{key}_discount_code"],
            }
            for key in VARIANT_ROWS
        ]

    def variants(self) -> list[dict]:
        """The variants to save: the ticked rows, their other languages' texts kept as they were."""
        data, current = self.cleaned_data, {v["key"]: v for v in self.step.variants or []}
        chosen = []
        for key in VARIANT_ROWS:
            if not data.get(f"{key}_include"):
                continue
            before = current.get(key, {})
            templates = dict(before.get("templates", {}))
            text = (data.get(f"{key}_text") or "").strip()
            if text:
                templates[self.language] = text
            else:
                templates.pop(self.language, None)
            incentive = {**(before.get("incentive") or {})}
            incentive["kind"] = data.get(f"{key}_incentive_kind") or IncentiveKind.NONE
            incentive["discount_code"] = data.get(f"{key}_discount_code") or ""
            chosen.append(
                {
                    "key": key,
                    "weight": data.get(f"{key}_weight") or 50,
                    "templates": templates,
                    "incentive": incentive,
                    "delay_minutes": before.get("delay_minutes"),
                }
            )
        return chosen
