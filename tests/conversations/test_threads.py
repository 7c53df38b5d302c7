"""Thread transitions as the router and the inbox use them, and the quiet-period return to the bot."""

from datetime import timedelta

import pytest
from django.utils import timezone

from cartrecovery.errors import ApplicationError
from conversations.models import Thread
from conversations.services import (
    thread_assign,
    thread_escalate,
    thread_hand_back,
    thread_resolve,
    threads_return_quiet_to_bot,
)
from conversations.tasks import return_quiet_threads_to_bot
from tests.conversations.factories import ThreadFactory
from tests.stores.factories import MembershipFactory


@pytest.mark.django_db
def test_a_thread_goes_bot_escalated_assigned_resolved_and_back(store):
    # given
    thread = ThreadFactory(store=store, status="bot")
    agent = MembershipFactory(store=store, role="agent").user

    # when / then
    thread_escalate(store=store, thread=thread, reason="asked for a person")
    assert (thread.status, thread.escalation_reason) == ("escalated", "asked for a person")
    thread_assign(store=store, thread=thread, assignee=agent)
    assert (thread.status, thread.assignee) == ("assigned", agent)
    thread_escalate(store=store, thread=thread, reason="asked again")
    assert (thread.status, thread.assignee) == ("assigned", agent)
    thread_resolve(store=store, thread=thread)
    assert thread.status == "resolved"
    thread_hand_back(store=store, thread=thread)
    thread.refresh_from_db()
    assert (thread.status, thread.assignee) == ("bot", None)


@pytest.mark.django_db
def test_only_a_member_of_the_store_can_hold_its_thread(store, other_store):
    thread = ThreadFactory(store=store)
    outsider = MembershipFactory(store=other_store).user

    with pytest.raises(ApplicationError):
        thread_assign(store=store, thread=thread, assignee=outsider)
    with pytest.raises(ValueError, match="another store"):
        thread_resolve(store=other_store, thread=thread)


@pytest.mark.django_db
def test_quiet_held_threads_return_to_the_bot_and_busy_ones_stay(store, settings):
    # given
    settings.THREAD_RETURN_TO_BOT_AFTER_HOURS = 24
    now = timezone.now()
    agent = MembershipFactory(store=store, role="agent").user
    quiet = ThreadFactory(
        store=store, status="assigned", assignee=agent, last_message_at=now - timedelta(hours=30)
    )
    resolved = ThreadFactory(store=store, status="resolved", last_message_at=now - timedelta(hours=25))
    busy = ThreadFactory(store=store, status="escalated", last_message_at=now - timedelta(hours=2))

    # when
    return_quiet_threads_to_bot.delay()
    again = threads_return_quiet_to_bot()

    # then
    states = {t.pk: (t.status, t.assignee_id) for t in Thread.objects.all()}
    assert states[quiet.pk] == ("bot", None)
    assert states[resolved.pk] == ("bot", None)
    assert states[busy.pk] == ("escalated", None)
    assert again == 0
