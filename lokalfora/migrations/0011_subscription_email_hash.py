"""Subscriptions keep the keyed hash of their address that the mailed links carry.

An "unsubscribe from all" link then finds the address even after the rows it
names are gone. Existing rows get the hash here; `subscriptions.subscribe`
fills it in for new ones.
"""

from django.db import migrations, models
from django.utils.crypto import salted_hmac

# Frozen copies of lokalfora.follow_tokens.KEY_SALT and holbaek.tokens.HASH_LENGTH.
KEY_SALT = "lokalfora.subscription.address"
HASH_LENGTH = 24


def fill_email_hashes(apps, schema_editor):
    Subscription = apps.get_model("lokalfora", "Subscription")
    rows = list(Subscription.objects.filter(email_hash="").only("pk", "email"))
    for row in rows:
        row.email_hash = salted_hmac(KEY_SALT, row.email, algorithm="sha256").hexdigest()[
            :HASH_LENGTH
        ]
    Subscription.objects.bulk_update(rows, ["email_hash"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("lokalfora", "0010_text_maxima"),
    ]

    operations = [
        migrations.AddField(
            model_name="subscription",
            name="email_hash",
            field=models.CharField(db_index=True, default="", editable=False, max_length=24),
        ),
        migrations.RunPython(fill_email_hashes, migrations.RunPython.noop, elidable=True),
    ]
