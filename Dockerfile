FROM python:3.11-slim
ENV PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 DJANGO_SETTINGS_MODULE=cartrecovery.settings.production
WORKDIR /app
COPY pyproject.toml ./
RUN pip install --upgrade pip && pip install .
COPY . .
# collectstatic needs settings that production accepts; none of these values is kept in the image.
RUN SECRET_KEY="$(python -c 'import secrets; print(secrets.token_urlsafe(50))')" \
    DATABASE_URL=postgres://x@localhost/x REDIS_URL=redis://localhost ALLOW_CONSOLE_SMS=true \
    python manage.py collectstatic --noinput
EXPOSE 8000
CMD ["gunicorn", "cartrecovery.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3"]
