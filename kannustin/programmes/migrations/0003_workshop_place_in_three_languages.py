from django.db import migrations, models


class Migration(migrations.Migration):
    """The workshop's place is named in each language ("Helsinki" / "Helsingfors"), like every other text."""

    dependencies = [("programmes", "0002_dimension_key_validator")]

    operations = [
        migrations.RenameField(model_name="workshop", old_name="place", new_name="place_fi"),
        migrations.AlterField(
            model_name="workshop",
            name="place_fi",
            field=models.CharField(blank=True, max_length=200, verbose_name="place (fi)"),
        ),
        migrations.AddField(
            model_name="workshop",
            name="place_sv",
            field=models.CharField(blank=True, max_length=200, verbose_name="place (sv)"),
        ),
        migrations.AddField(
            model_name="workshop",
            name="place_en",
            field=models.CharField(blank=True, max_length=200, verbose_name="place (en)"),
        ),
    ]
