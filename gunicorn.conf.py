"""gunicorn reads this file from the working directory by default (`gunicorn cartrecovery.wsgi`)."""

# The access log masks shoppers' phone numbers in paths and query strings (stores/log_masking.py).
logger_class = "stores.log_masking.MaskingGunicornLogger"
