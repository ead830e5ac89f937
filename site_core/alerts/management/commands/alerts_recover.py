"""After a worker's crash or a restart: finish what the alerts left unfinished.

Deliveries claimed more than an hour ago and never marked sent become "không rõ" (never
sent again: at most once); every announcement not finished is enqueued again (a second
run sends only what is still pending); expired subscribe requests are deleted with their
addresses. Runs before the worker starts (deploy/systemd/portal-worker.service) and may
run any time.
"""

from django.core.management.base import BaseCommand

from site_core.alerts import sending
from site_core.alerts.tasks import announce_page


class Command(BaseCommand):
    help = "Gửi tiếp thư báo còn dở sau khi máy gửi dừng; xóa yêu cầu đăng ký đã hết hạn."

    def handle(self, *args, **options):
        unknown, events = sending.recover()
        for event_id in events:
            announce_page.enqueue(event_id)
        stale = sending.forget_stale_requests()
        self.stdout.write(
            f"Thư không rõ đã gửi hay chưa: {unknown}; đợt gửi tiếp tục: {len(events)}; "
            f"yêu cầu đăng ký hết hạn đã xóa: {stale}."
        )
