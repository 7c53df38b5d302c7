"""Tenancy in one place: the store-owned base and the one way views resolve a store."""

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404


class StoreOwnedQuerySet(models.QuerySet):
    def for_store(self, store) -> "StoreOwnedQuerySet":
        return self.filter(store=store)


class StoreOwned(models.Model):
    """A tenant row: every query starts from its store (`Model.objects.for_store(store)`)."""

    store = models.ForeignKey("stores.Store", on_delete=models.CASCADE, related_name="+")

    objects = StoreOwnedQuerySet.as_manager()

    class Meta:
        abstract = True


def ensure_same_store(store, *objs) -> None:
    """A service's guard: every object it was handed belongs to `store` (None is skipped)."""
    for obj in objs:
        if obj is not None and obj.store_id != store.pk:
            name = obj._meta.verbose_name
            raise ValueError(f"The {name} belongs to another store.")


def get_for_store_or_404(queryset, *, store, **lookup):
    """Another store's object and a missing one look the same: 404."""
    try:
        return queryset.for_store(store).get(**lookup)
    except (queryset.model.DoesNotExist, ValueError, TypeError, ValidationError) as exc:
        raise Http404 from exc
