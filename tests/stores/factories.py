import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from stores.models import Cart, CartItem, ConsentEvent, Customer, Membership, Order, Role, SmsStatus, Store


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}@example.com")
    email = factory.SelfAttribute("username")
    password = factory.PostGenerationMethodCall("set_password", "pw-for-tests")

    @factory.post_generation
    def _save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save(update_fields=["password"])


class StoreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Store

    name = factory.Sequence(lambda n: f"Store {n}")
    shop_domain = factory.Sequence(lambda n: f"store-{n}.myshopify.com")
    sms_number = factory.Sequence(lambda n: f"+1303555{n % 10000:04d}")
    timezone = "America/New_York"
    help_text = "Reply STOP to opt out."


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    store = factory.SubFactory(StoreFactory)
    user = factory.SubFactory(UserFactory)
    role = Role.OWNER


class CustomerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Customer

    store = factory.SubFactory(StoreFactory)
    phone = factory.Sequence(lambda n: f"+1415555{n % 10000:04d}")
    first_name = "Jamie"
    sms_status = SmsStatus.SUBSCRIBED


class CartFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cart

    store = factory.SubFactory(StoreFactory)
    customer = factory.SubFactory(CustomerFactory, store=factory.SelfAttribute("..store"))
    external_id = factory.Sequence(lambda n: f"checkout-{n}")
    cart_token = factory.Sequence(lambda n: f"cart-{n}")
    checkout_url = factory.Sequence(lambda n: f"https://shop.example/checkouts/{n}/recover")
    total = "79.00"
    subtotal = "79.00"
    first_name = factory.SelfAttribute("customer.first_name")
    last_activity_at = factory.LazyFunction(timezone.now)


class CartItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CartItem

    cart = factory.SubFactory(CartFactory)
    title = "Alpine Down Jacket"
    variant = "Blue / M"
    quantity = 1
    price = "79.00"


class OrderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Order

    store = factory.SubFactory(StoreFactory)
    external_id = factory.Sequence(lambda n: str(900000 + n))
    total = "79.00"
    placed_at = factory.LazyFunction(timezone.now)


class ConsentEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConsentEvent

    store = factory.SubFactory(StoreFactory)
    customer = factory.SubFactory(CustomerFactory, store=factory.SelfAttribute("..store"))
    kind = ConsentEvent.Kind.GRANTED
    source = "test"
    occurred_at = factory.LazyFunction(timezone.now)
    text_shown = "Text me cart reminders."
