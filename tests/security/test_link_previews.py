"""Link previews are not clicks (issue 11, item 4).

A messaging app fetches the link in a text the moment it arrives, to draw a preview card. If that fetch
counted as a click, every texted cart that later converted on its own would be attributed to the texts and
billed. Each fetcher below is a real User-Agent string as the service sends it.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from billing.attribution import order_attribute
from billing.models import Attribution
from flows.links import short_link_build, short_links_save
from flows.models import Click
from flows.previews import LINK_PREVIEW_AGENTS, user_agent_is_link_preview
from tests.billing.factories import order_for, texted_cart

pytestmark = pytest.mark.django_db

PREVIEW_FETCHERS = {
    "Facebook": "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
    "Facebot": "Facebot",
    "Apple iMessage": (
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_11_1) AppleWebKit/601.2.4 (KHTML, like Gecko) "
        "Version/9.0.1 Safari/601.2.4 facebookexternalhit/1.1 Facebot Twitterbot/1.0"
    ),
    "Applebot": (
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_5) AppleWebKit/605.1.15 (KHTML, like Gecko) "
        "Version/13.1.1 Safari/605.1.15 (Applebot/0.1; +http://www.apple.com/go/applebot)"
    ),
    "WhatsApp": "WhatsApp/2.23.20.0 A",
    "Slack link expanding": "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
    "Slack image proxy": "Slack-ImgProxy (+https://api.slack.com/robots)",
    "Slackbot": "Slackbot 1.0 (+https://api.slack.com/robots)",
    "Twitter / X": "Twitterbot/1.0",
    "Telegram": "TelegramBot (like TwitterBot)",
    "Discord": "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)",
    "Googlebot": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Google Inspection Tool": (
        "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/120.0.6099.199 Mobile Safari/537.36 (compatible; Google-InspectionTool/1.0;)"
    ),
    "Google page renderer": (
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/49.0.2623.75 Safari/537.36 Google (+https://developers.google.com/+/web/snippet/) "
        "Google-PageRenderer"
    ),
    "GoogleOther": "GoogleOther",
    "LinkedIn": "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)",
    "Skype and Teams": (
        "Mozilla/5.0 (Windows NT 6.1; WOW64) SkypeUriPreview Preview/0.5 skype-url-preview@microsoft.com"
    ),
    "Bing preview": (
        "Mozilla/5.0 (iPhone; CPU iPhone OS 7_0 like Mac OS X) AppleWebKit/537.51.1 (KHTML, like Gecko) "
        "Version/7.0 Mobile/11A465 Safari/9537.53 BingPreview/1.0b"
    ),
    "Pinterest": "Pinterestbot/1.0 (+http://www.pinterest.com/bot.html)",
    "Reddit": "Mozilla/5.0 (compatible; redditbot/1.0; +http://www.reddit.com/feedback)",
    "LINE": "Mozilla/5.0 (compatible; line-poker/1.0)",
    "Embedly": "Mozilla/5.0 (compatible; Embedly/0.2; +http://support.embed.ly/)",
    "Mastodon": "http.rb/5.1.1 (Mastodon/4.2.1; +https://mastodon.social/)",
}

# Shoppers tapping the link in a phone's browser or an app's own browser: these are clicks.
SHOPPERS = {
    "iPhone Safari": (
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
        "Version/17.4 Mobile/15E148 Safari/604.1"
    ),
    "Android Chrome": (
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/124.0.0.0 Mobile Safari/537.36"
    ),
    "Facebook in-app browser": (
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
        "Mobile/15E148 [FBAN/FBIOS;FBAV/459.0.0.35.109;FBBV/580433212]"
    ),
    "Instagram in-app browser": (
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
        "Mobile/15E148 Instagram 326.0.3.30.91 (iPhone15,2; iOS 17_4; en_US)"
    ),
    "Samsung Internet": (
        "Mozilla/5.0 (Linux; Android 13; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) "
        "SamsungBrowser/24.0 Chrome/117.0.0.0 Mobile Safari/537.36"
    ),
}


@pytest.fixture
def texted(store):
    """A cart texted two hours ago, with the short link its text carried."""
    at = timezone.now() - timedelta(hours=2)
    cart, message = texted_cart(store=store, at=at)
    link = short_link_build(
        store=store, cart=cart, message=message, nudge=message.nudge, expires_at=at + timedelta(days=7)
    )
    short_links_save(links=[link])
    return cart, link


@pytest.mark.parametrize("fetcher", sorted(PREVIEW_FETCHERS))
def test_a_link_preview_redirects_but_counts_no_click_and_bills_no_fee(client, store, texted, fetcher):
    # given a texted cart whose link a messaging app fetches to draw its preview
    cart, link = texted

    # when the fetcher follows the link, and the shopper later orders without ever tapping it
    response = client.get(f"/r/{link.code}", HTTP_USER_AGENT=PREVIEW_FETCHERS[fetcher])
    order = order_for(cart=cart, placed_at=timezone.now())
    order_attribute(store=store, order=order)

    # then the preview still reaches the checkout, but nothing is counted, and nothing is billed
    assert response.status_code == 302
    assert response["Location"] == link.target_url
    assert not Click.objects.filter(link=link).exists()
    attribution = Attribution.objects.get(order=order)
    assert attribution.outcome == Attribution.Outcome.NOT_ATTRIBUTED
    assert attribution.fee == 0


@pytest.mark.parametrize("shopper", sorted(SHOPPERS))
def test_a_shopper_tapping_the_link_is_still_a_click(client, store, texted, shopper):
    cart, link = texted

    response = client.get(f"/r/{link.code}", HTTP_USER_AGENT=SHOPPERS[shopper])
    order = order_for(cart=cart, placed_at=timezone.now())
    order_attribute(store=store, order=order)

    assert response.status_code == 302
    assert Click.objects.filter(link=link).count() == 1
    attribution = Attribution.objects.get(order=order)
    assert (attribution.outcome, attribution.touch) == (Attribution.Outcome.ATTRIBUTED, "click")
    assert attribution.fee > 0


@pytest.mark.parametrize("user_agent", ["", SHOPPERS["iPhone Safari"], PREVIEW_FETCHERS["Facebook"]])
def test_a_head_request_follows_but_counts_no_click(client, texted, user_agent):
    _, link = texted

    response = client.head(f"/r/{link.code}", HTTP_USER_AGENT=user_agent)

    assert response.status_code == 302
    assert not Click.objects.filter(link=link).exists()


def test_every_listed_fetcher_has_a_real_user_agent_in_these_tests():
    """The list lives in one place; each entry is proven by a fetcher above, and no shopper matches it."""
    unproven = {
        name
        for name in LINK_PREVIEW_AGENTS
        if not any(name in agent.lower() for agent in PREVIEW_FETCHERS.values())
    }
    # Fetchers whose exact string we have only from their documentation, checked by their name alone.
    documented_only = {
        "meta-externalagent",
        "google-read-aloud",
        "adsbot-google",
        "mediapartners-google",
        "feedfetcher-google",
        "bingbot",
        "microsoftpreview",
        "kakaotalk-scrap",
        "yandexbot",
        "duckduckbot",
        "iframely",
        "zoominfobot",
        "barracuda",
        "proofpoint",
        "mimecast",
    }
    assert unproven <= documented_only
    assert all(
        user_agent_is_link_preview(f"Mozilla/5.0 (compatible; {name}/1.0)") for name in documented_only
    )
    assert not any(user_agent_is_link_preview(agent) for agent in SHOPPERS.values())
