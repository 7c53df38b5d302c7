import json

from django.conf import settings
from django.core.management.base import BaseCommand

from stores.demo import demo_seed


class Command(BaseCommand):
    help = "Create (or find) the demo owner, store, flow and rules; --json prints them as one JSON object."

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="Print one JSON object and nothing else.")

    def handle(self, *args, **options):
        demo = demo_seed()
        if options["json"]:
            self.stdout.write(json.dumps(demo))
            return
        base = settings.PUBLIC_BASE_URL
        self.stdout.write(
            "\n".join(
                [
                    "",
                    "Cart Recovery demo is ready.",
                    f"  Sign in:          {base}/accounts/login/",
                    f"  Owner login:      {demo['login']['email']} / {demo['login']['password']}",
                    f"  Agent login:      {demo['agent_login']['email']} / {demo['agent_login']['password']}",
                    f"  Shopify webhooks: {base}/webhooks/shopify/{demo['store_id']}/",
                    f"  Other shops:      {base}/webhooks/carts/{demo['store_id']}/",
                    f"  Webhook secret:   {demo['webhook_secret']}",
                    f"  Store SMS number: {demo['sms_number']}",
                    f"  API token:        {demo['api_token']}",
                    "",
                ]
            )
        )
