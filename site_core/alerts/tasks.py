"""The background task (django-tasks on the database backend, settings.BACKGROUND_TASKS):
run by `manage.py db_worker --backend background`, never in an editor's request."""

from django_tasks import task

from django.conf import settings

from site_core.alerts import sending


@task(backend=settings.BACKGROUND_TASKS)
def announce_page(event_id):
    result = sending.announce(event_id)
    retry_at = result.pop("retry_at", None)
    if retry_at is not None:
        announce_page.using(run_after=retry_at).enqueue(event_id)
        result["retry_at"] = retry_at.isoformat()
    return result


@task(backend=settings.BACKGROUND_TASKS)
def send_confirmation(request_id):
    return {"sent": sending.send_confirmation(request_id)}
