"""Who fetches a short link without being the shopper: link previews and scanners.

Messaging apps fetch a link the moment a text arrives to draw its preview card, and mail and chat
scanners follow links to check them. Those fetches are not the shopper tapping the link, so they must not
count as clicks: a click attributes the order, and an attributed order is billed.
"""

import re

# Substrings of the User-Agent header, matched without regard to case. One entry per fetcher family,
# with the product it belongs to; keep it here and nowhere else. In-app browsers, where a shopper really
# taps the link, name their app differently ("FBAN", "Instagram", "Twitter for iPhone", "LinkedInApp",
# "Snapchat"): none of them is listed.
LINK_PREVIEW_AGENTS = {
    "facebookexternalhit": "Facebook, Messenger, Instagram and WhatsApp on some platforms",
    "facebot": "Facebook",
    "meta-externalagent": "Meta",
    "whatsapp": "WhatsApp",
    "twitterbot": "Twitter / X, and Apple iMessage, which announces itself as Twitterbot",
    "applebot": "Apple (Siri, Spotlight, iMessage)",
    "slackbot": "Slack (Slackbot-LinkExpanding, Slack-ImgProxy)",
    "slack-imgproxy": "Slack",
    "telegrambot": "Telegram",
    "discordbot": "Discord",
    "googlebot": "Google",
    "google-inspectiontool": "Google Search Console",
    "google-pagerenderer": "Google",
    "googleother": "Google",
    "google-read-aloud": "Google",
    "adsbot-google": "Google Ads",
    "mediapartners-google": "Google AdSense",
    "feedfetcher-google": "Google",
    "bingbot": "Microsoft Bing",
    "bingpreview": "Microsoft Bing and Outlook",
    "linkedinbot": "LinkedIn",
    "skypeuripreview": "Skype and Microsoft Teams",
    "microsoftpreview": "Microsoft Teams and Outlook",
    "pinterestbot": "Pinterest",
    "redditbot": "Reddit",
    "line-poker": "LINE",
    "kakaotalk-scrap": "KakaoTalk",
    "yandexbot": "Yandex",
    "duckduckbot": "DuckDuckGo",
    "embedly": "Embedly",
    "iframely": "Iframely",
    "mastodon": "Mastodon",
    "zoominfobot": "ZoomInfo",
    "barracuda": "Barracuda link scanner",
    "proofpoint": "Proofpoint URL Defense",
    "mimecast": "Mimecast URL protection",
}

_PREVIEW = re.compile("|".join(re.escape(name) for name in LINK_PREVIEW_AGENTS), re.IGNORECASE)


def user_agent_is_link_preview(user_agent: str | None) -> bool:
    """Whether a request with this User-Agent is a preview or scanner fetch rather than a shopper."""
    return bool(user_agent) and _PREVIEW.search(user_agent or "") is not None
