"""The register's GET filter form: every choice comes from one query (see filters.py)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from site_core.search.query import MAX_QUERY_LENGTH, clean_query

ALL = ("", _("Tất cả"))
SORT_NEWEST = "moi-nhat"
SORT_OLDEST = "cu-nhat"
SORT_NUMBER = "so"
SORT_CHOICES = [
    # Short labels: the select is one grid column wide, down to 15rem.
    (SORT_NEWEST, _("Mới nhất trước")),
    (SORT_OLDEST, _("Cũ nhất trước")),
    (SORT_NUMBER, _("Theo số văn bản")),
]
INVALID_CHOICE = _("Giá trị không có trong danh sách; bộ lọc này được bỏ qua.")


def _choice_field(label, coerce=str, choices=()):
    return forms.TypedChoiceField(
        label=label,
        required=False,
        coerce=coerce,
        empty_value=None,
        choices=[ALL, *choices],
        error_messages={"invalid_choice": INVALID_CHOICE},
    )


class RegisterFilterForm(forms.Form):
    """Filters of the document register; an invalid value is reported and ignored."""

    q = forms.CharField(
        label=_("Từ khóa hoặc số hiệu"),
        required=False,
        widget=forms.TextInput(
            attrs={
                "type": "search",
                "maxlength": MAX_QUERY_LENGTH,
                "placeholder": _("Ví dụ: 09-NQ/TU, chuyen doi so"),
            }
        ),
    )
    type = _choice_field(_("Loại văn bản"), int)
    issuer = _choice_field(_("Cơ quan ban hành"), int)
    term = _choice_field(_("Nhiệm kỳ"))
    year = _choice_field(_("Năm ban hành"), int)
    status = _choice_field(_("Tình trạng"))
    sort = forms.ChoiceField(
        label=_("Sắp xếp"),
        required=False,
        choices=SORT_CHOICES,
        error_messages={"invalid_choice": INVALID_CHOICE},
    )

    def __init__(self, data, options):
        super().__init__(data)
        self.options = options
        self.fields["type"].choices = [ALL, *options.type_choices]
        self.fields["issuer"].choices = [ALL, *options.issuer_choices]
        self.fields["term"].choices = [ALL, *options.term_choices]
        self.fields["year"].choices = [ALL, *options.year_choices]
        self.fields["status"].choices = [ALL, *options.status_choices]

    def clean_q(self):
        return clean_query(self.cleaned_data.get("q"))

    def filters(self):
        """The valid values only: a wrong value in one field never discards the others."""
        self.is_valid()
        values = {name: self.cleaned_data.get(name) for name in self.fields}
        values["sort"] = values.get("sort") or SORT_NEWEST
        return values

    @property
    def active(self):
        values = self.filters()
        return any(values.get(name) for name in ("q", "type", "issuer", "term", "year", "status"))
