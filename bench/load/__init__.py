"""The load run (`python -m bench.load`): many signed Shopify webhooks through the production shape on
loopback, then the clock moves on; checks every delivery is stored and every eligible cart texted once."""
