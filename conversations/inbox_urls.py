"""The agent inbox under /inbox/ (every role) and the phone simulator beside it."""

from django.urls import path

from . import views, views_simulator

app_name = "inbox"

_store = "<uuid:store_id>/"
_thread = _store + "threads/<int:thread_id>/"

# Pages named "list_…" keep the sidebar's Inbox item lit (dashboard.context_processors matches on the prefix).
urlpatterns = [
    path("", views.inbox_home, name="home"),
    path(_store, views.inbox_list, name="list"),
    path(_store + "live/", views.inbox_list_poll, name="list_poll"),
    path(_thread, views.thread_detail, name="list_thread"),
    path(_thread + "live/", views.thread_poll, name="thread_poll"),
    path(_thread + "reply/", views.thread_reply, name="reply"),
    path(_thread + "assign/", views.thread_assign, name="assign"),
    path(_thread + "resolve/", views.thread_resolve, name="resolve"),
    path(_thread + "hand-back/", views.thread_hand_back, name="hand_back"),
    path(_thread + "notes/", views.thread_note_add, name="note_add"),
    path(_thread + "snooze/", views.thread_snooze, name="snooze"),
    path(_store + "segments/", views.segment_counter, name="segments"),
    path(_store + "canned/", views.canned_list, name="list_canned"),
    path(_store + "canned/<int:canned_id>/", views.canned_edit, name="canned_edit"),
    path(_store + "simulator/", views_simulator.phone_simulator, name="simulator"),
    path(_store + "simulator/screen/", views_simulator.phone_screen, name="simulator_screen"),
    path(_store + "simulator/send/", views_simulator.phone_send, name="simulator_send"),
    path(_store + "simulator/cart/", views_simulator.phone_cart_leave, name="simulator_cart"),
]
