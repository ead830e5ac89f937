"""The register's GET filter form: every choice comes from one query (see filters.py)."""

from django import forms
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import mark_safe
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


# The register is a visitor page that is rarely the same twice (any filter makes a URL):
# Django renders each <option> of a select through two templates, a fifth of the page's
# CPU time with its hundred-odd options. These widgets write the same elements from the
# same widget context (Django's select.html, select_option.html, input.html, attrs.html).


def html_attrs(attrs):
    """` name="value"` for each attribute, ` name` for True, nothing for False (attrs.html)."""
    return format_html_join(
        "",
        "{}",
        (
            (format_html(" {}", name) if value is True else format_html(' {}="{}"', name, value),)
            for name, value in attrs.items()
            if value is not False
        ),
    )


def option_html(option):
    """`<option>` as select_option.html writes it (escaped as format_html would)."""
    attrs = option["attrs"]
    return (
        f'<option value="{conditional_escape(str(option["value"]))}"'
        f"{html_attrs(attrs) if attrs else ''}>{conditional_escape(option['label'])}</option>"
    )


class RegisterSelect(forms.Select):
    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [format_html('<select name="{}"{}>', widget["name"], html_attrs(widget["attrs"]))]
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                parts.append(format_html('<optgroup label="{}">', group_name))
            # A hundred-odd options: plain string building, each value escaped.
            parts.extend(option_html(option) for option in options)
            if group_name:
                parts.append(mark_safe("</optgroup>"))  # noqa: S308 - a constant
        parts.append(mark_safe("</select>"))  # noqa: S308 - a constant
        return mark_safe("\n".join(parts))  # noqa: S308 - every part is escaped above


class RegisterSearchInput(forms.TextInput):
    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        value = widget["value"]
        return format_html(
            '<input type="{}" name="{}"{}{}>',
            widget["type"],
            widget["name"],
            format_html(' value="{}"', str(value)) if value is not None else "",
            html_attrs(widget["attrs"]),
        )


def _choice_field(label, coerce=str, choices=()):
    return forms.TypedChoiceField(
        label=label,
        required=False,
        coerce=coerce,
        empty_value=None,
        choices=[ALL, *choices],
        widget=RegisterSelect,
        error_messages={"invalid_choice": INVALID_CHOICE},
    )


class RegisterFilterForm(forms.Form):
    """Filters of the document register; an invalid value is reported and ignored."""

    q = forms.CharField(
        label=_("Từ khóa hoặc số hiệu"),
        required=False,
        widget=RegisterSearchInput(
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
        widget=RegisterSelect,
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
