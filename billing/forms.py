"""The terms a merchant may set on the billing page; commission and fees are set by the operator."""

from django import forms

from .models import MAX_HOLDOUT_PERCENT, MAX_WINDOW_DAYS, MIN_WINDOW_DAYS


class PlanSettingsForm(forms.Form):
    attribution_window_days = forms.IntegerField(
        label="Attribution window (days)",
        min_value=MIN_WINDOW_DAYS,
        max_value=MAX_WINDOW_DAYS,
        help_text="An order counts when placed this many days after the last text at most, "
        "and only after a click, a reply or a code from the texts.",
    )
    holdout_percent = forms.IntegerField(
        label="Control group (%)",
        min_value=0,
        max_value=MAX_HOLDOUT_PERCENT,
        help_text="This share of eligible carts is never texted, so the lift of texting can be measured.",
    )
