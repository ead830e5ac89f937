from django import forms
from django.core.exceptions import ValidationError

from org_structure.models import OrgUnitPage

from .subportals import (
    DEFAULT_HOSTNAME,
    affiliated_units,
    check,
    create_subportal,
    full_hostname,
)


class SubPortalForm(forms.Form):
    """The admin's "Tạo cổng trực thuộc" form: the fields of `manage.py create_subportal`.

    The checks are create_subportal's own (home/subportals.py): its ValidationError names
    the field each message belongs to.
    """

    name = forms.CharField(
        label="Tên đảng bộ",
        max_length=255,
        help_text="Ví dụ: Đảng bộ phường Trấn Biên.",
        error_messages={"required": "Nhập tên đảng bộ."},
    )
    slug = forms.CharField(
        label="Mã cổng",
        max_length=63,
        help_text="Chữ thường không dấu, chữ số và dấu gạch ngang. Ví dụ: phuong-tran-bien.",
        error_messages={"required": "Nhập mã cổng."},
    )
    hostname = forms.CharField(
        label="Tên miền",
        max_length=255,
        required=False,
        help_text=(
            f"Để trống: {DEFAULT_HOSTNAME} (mở được ngay trên máy phát triển, "
            "cổng 8000). Ví dụ: tranbien.dongnai.example."
        ),
    )
    port = forms.IntegerField(
        label="Cổng",
        initial=80,
        min_value=1,
        max_value=65535,
        error_messages={
            "required": "Nhập cổng (thường là 80).",
            "invalid": "Cổng phải là một số.",
            "min_value": "Cổng phải là số từ 1 đến 65535.",
            "max_value": "Cổng phải là số từ 1 đến 65535.",
        },
    )
    unit = forms.ModelChoiceField(
        label="Đơn vị trực thuộc",
        queryset=OrgUnitPage.objects.none(),  # the province's units, set per form
        required=False,
        empty_label="(chưa gắn với đơn vị nào)",
        help_text="Đơn vị trong sơ đồ tổ chức của Đảng bộ tỉnh mà cổng này thuộc về.",
        error_messages={"invalid_choice": "Chọn một đơn vị trong sơ đồ tổ chức của tỉnh."},
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["unit"].queryset = affiliated_units()
        self.result = None

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        try:
            check(
                data["slug"],
                data["name"].strip(),
                full_hostname(data["slug"], data.get("hostname")),
                data["port"],
                data.get("unit"),
            )
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                for message in messages:
                    self.add_error(name if name in self.fields else None, message)
        return data

    def save(self):
        data = self.cleaned_data
        return create_subportal(
            data["slug"],
            data["name"],
            hostname=data.get("hostname") or None,
            port=data["port"],
            unit=data.get("unit"),
            user=self.user,
        )
