"""Page forms of the store's own setup. Validation of shape only; the rules live in store_settings."""

from django import forms

from .models import Platform, Role, Store
from .validators import EMAIL_MAX, email_within_rfc_limits, shop_domain_clean

TIMEZONE_CHOICES = [
    ("America/New_York", "Eastern (New York)"),
    ("America/Chicago", "Central (Chicago)"),
    ("America/Denver", "Mountain (Denver)"),
    ("America/Phoenix", "Arizona (Phoenix)"),
    ("America/Los_Angeles", "Pacific (Los Angeles)"),
    ("America/Anchorage", "Alaska (Anchorage)"),
    ("Pacific/Honolulu", "Hawaii (Honolulu)"),
    ("America/Toronto", "Toronto"),
    ("America/Vancouver", "Vancouver"),
    ("Europe/London", "London"),
    ("Europe/Dublin", "Dublin"),
    ("Europe/Paris", "Paris"),
    ("Europe/Berlin", "Berlin"),
    ("Europe/Madrid", "Madrid"),
    ("Australia/Sydney", "Sydney"),
    ("UTC", "UTC"),
]


class StoreCreateForm(forms.Form):
    name = forms.CharField(label="Store name", max_length=200)
    platform = forms.ChoiceField(
        label="Where do you sell?", choices=Platform.choices, initial=Platform.SHOPIFY
    )
    shop_domain = forms.CharField(
        label="Shop domain",
        max_length=255,
        required=False,
        help_text="Shopify: your-store.myshopify.com. Other shops: shop.example.com. You can add it later.",
    )
    timezone = forms.ChoiceField(label="Store time zone", choices=TIMEZONE_CHOICES)

    def clean(self):
        data = super().clean()
        try:
            data["shop_domain"] = shop_domain_clean(
                data.get("shop_domain", ""), shopify=data.get("platform") == Platform.SHOPIFY
            )
        except forms.ValidationError as exc:
            self.add_error("shop_domain", exc)
        return data


class SenderForm(forms.Form):
    # Normalised, checked for other stores and with Twilio by stores.store_settings.
    sms_number = forms.CharField(
        label="Twilio phone number",
        required=False,
        max_length=40,
        help_text="The number shoppers see, in international format: +1 303 555 0142.",
    )
    messaging_service_sid = forms.CharField(
        label="or Messaging Service SID",
        required=False,
        max_length=64,
        help_text="Starts with MG. Use it when Twilio picks the sender from a pool.",
    )
    sender_kind = forms.ChoiceField(
        label="Kind of number",
        choices=Store._meta.get_field("sender_kind").choices or (),
    )

    def clean(self):
        data = super().clean()
        if not data.get("sms_number") and not data.get("messaging_service_sid") and not self.errors:
            raise forms.ValidationError("Enter a Twilio number or a Messaging Service SID.")
        return data


class TestTextForm(forms.Form):
    phone = forms.CharField(
        label="Your mobile number", max_length=40, help_text="We text it once, right now."
    )


class InviteForm(forms.Form):
    email = forms.EmailField(label="Email", max_length=EMAIL_MAX, validators=[email_within_rfc_limits])
    role = forms.ChoiceField(label="Role", choices=Role.choices, initial=Role.AGENT)


class StoreTextsForm(forms.Form):
    help_text = forms.CharField(
        label="HELP reply",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1600,
        help_text="Sent when a shopper texts HELP: your name, how to reach you, and “Reply STOP to opt out”.",
    )
    shipping_policy = forms.CharField(
        label="Shipping policy", widget=forms.Textarea(attrs={"rows": 3}), max_length=2000, required=False
    )
    returns_policy = forms.CharField(
        label="Returns policy", widget=forms.Textarea(attrs={"rows": 3}), max_length=2000, required=False
    )


def settings_errors_add(
    errors: dict[str, list[str]], *forms_: forms.Form, names: dict[str, str] | None = None
):
    """Show the settings service's errors on the page's forms: on the field they concern, else on top."""
    names = names or {}
    for name, messages in errors.items():
        field = names.get(name, name)
        form = next((f for f in forms_ if field in f.fields), forms_[0])
        for message in messages:
            form.add_error(field if field in form.fields else None, message)


class ComplianceSettingsForm(forms.Form):
    texas_registration = forms.ChoiceField(
        label="Texas registration (SB 140)",
        choices=[
            ("", "Not set: texts to Texas numbers are held"),
            ("registered", "Registered"),
            ("exempt", "Exempt"),
        ],
        required=False,
        help_text="Sellers texting Texans register with the Texas Secretary of State unless exempt.",
    )
    consent_confirmation = forms.ChoiceField(
        label="After a shopper consents",
        choices=[
            (
                "in_first_text",
                "Add “Msg & data rates may apply. Reply HELP for help.” to the first cart text",
            ),
            ("separate_text", "Send a separate confirmation text right away"),
        ],
        widget=forms.RadioSelect,
        help_text="CTIA: the first text after each new consent carries these words either way.",
    )


class StoreFactsForm(forms.Form):
    """What the bot states as fact: {ships_to}, {free_shipping_over}, {return_days}, {processing_days}."""

    ships_to = forms.CharField(
        label="Ships to",
        required=False,
        max_length=1000,
        help_text="Country codes, comma-separated: US, CA, MX. “Do you ship to Canada?” is answered from "
        "this; empty: such questions go to a person.",
    )
    free_shipping_over = forms.DecimalField(
        label="Free shipping over", required=False, min_value=0, max_digits=10, decimal_places=2
    )
    return_days = forms.IntegerField(label="Return window (days)", required=False, min_value=0, max_value=365)
    processing_days = forms.IntegerField(
        label="Processing time (days)", required=False, min_value=0, max_value=365
    )

    def clean_ships_to(self) -> list[str]:
        return [
            code.strip()
            for code in self.cleaned_data["ships_to"].replace(";", ",").split(",")
            if code.strip()
        ]


class ShopifyConnectForm(forms.Form):
    shop = forms.CharField(
        label="Your shop's myshopify address",
        max_length=255,
        help_text="As in your Shopify admin's address: your-store.myshopify.com (or just your-store).",
    )

    def clean_shop(self) -> str:
        raw = self.cleaned_data["shop"].strip().lower()
        if raw and "." not in raw:
            raw += ".myshopify.com"
        return shop_domain_clean(raw, shopify=True)
