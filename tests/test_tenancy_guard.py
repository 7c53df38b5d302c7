"""Every tenant row must reach a store, so that no query can be written without one."""

from django.apps import apps
from django.db import models

TENANT_APPS = ("stores", "flows", "conversations", "billing")


def _reaches_store(model, depth: int = 0) -> bool:
    if model._meta.label == "stores.Store":
        return True
    if depth > 3:
        return False
    for field in model._meta.get_fields():
        required_key = isinstance(field, (models.ForeignKey, models.OneToOneField)) and not field.null
        if required_key and _reaches_store(field.related_model, depth + 1):
            return True
    return False


def test_every_tenant_model_reaches_a_store_through_required_keys():
    tenant_models = [m for m in apps.get_models() if m._meta.app_label in TENANT_APPS]

    orphans = [m._meta.label for m in tenant_models if not _reaches_store(m)]

    assert len(tenant_models) > 10
    assert orphans == []


def test_store_owned_models_have_for_store():
    store_fk_models = [
        m
        for m in apps.get_models()
        if m._meta.app_label in TENANT_APPS and any(f.name == "store" for f in m._meta.fields)
    ]

    missing = [m._meta.label for m in store_fk_models if not hasattr(m.objects, "for_store")]

    assert missing == []
