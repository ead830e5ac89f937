from django import forms
from django.utils.translation import gettext_lazy as _

SHORT_LABEL = 20


class TopicsForm(forms.Form):
    """One group of check boxes per topic kind the site offers (site_core/alerts/registry.py)."""

    def __init__(self, *args, offered=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.offered = offered
        for kind, choices in offered:
            self.fields[f"topic_{kind.key}"] = forms.TypedMultipleChoiceField(
                label=kind.label,
                choices=choices,
                coerce=int,
                required=False,
                widget=forms.CheckboxSelectMultiple,
            )

    def topic_fields(self):
        """[(kind, bound field, compact)] in the form's order, for the template; `compact`
        when every label is short (document types), so that two fit side by side on a phone."""
        return [
            (
                kind,
                self[f"topic_{kind.key}"],
                all(len(str(label)) <= SHORT_LABEL for _pk, label in choices),
            )
            for kind, choices in self.offered
        ]

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not self.chosen_topics(cleaned):
            raise forms.ValidationError(
                _("Hãy chọn ít nhất một loại văn bản, cơ quan hoặc chuyên mục.")
            )
        return cleaned

    def chosen_topics(self, cleaned=None):
        cleaned = self.cleaned_data if cleaned is None else cleaned
        return sorted(
            [kind.key, pk]
            for kind, _choices in self.offered
            for pk in cleaned.get(f"topic_{kind.key}") or ()
        )


class SubscribeForm(TopicsForm):
    email = forms.EmailField(
        label=_("Địa chỉ thư điện tử"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "inputmode": "email"}),
        error_messages={
            "required": _("Hãy nhập địa chỉ thư điện tử."),
            "invalid": _("Địa chỉ thư điện tử không hợp lệ."),
        },
    )
    field_order = ["email"]
