"""Equal service in each language: the workshop's place in fi, sv and en (the one place field becomes the
Finnish one), the languages each contact person serves applicants in, and when a call's decisions are
expected (told to applicants after they submit)."""

import kannustin.programmes.models
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('programmes', '0002_dimension_key_validator'),
    ]

    operations = [
        migrations.RenameField(model_name="workshop", old_name="place", new_name="place_fi"),
        migrations.AddField(
            model_name='call',
            name='decisions_expected_on',
            field=models.DateField(blank=True, help_text='Told to applicants after they submit. Leave empty if not known yet.', null=True, verbose_name='decisions expected by'),
        ),
        migrations.AddField(
            model_name='contactperson',
            name='languages',
            field=models.CharField(default='fi', help_text='The languages this person serves applicants in: fi, sv, en, separated by commas.', max_length=20, validators=[kannustin.programmes.models.validate_language_codes], verbose_name='serves in'),
        ),
        migrations.AddField(
            model_name='workshop',
            name='place_en',
            field=models.CharField(blank=True, max_length=200, verbose_name='place (en)'),
        ),
        migrations.AlterField(
            model_name="workshop",
            name="place_fi",
            field=models.CharField(blank=True, max_length=200, verbose_name="place (fi)"),
        ),
        migrations.AddField(
            model_name='workshop',
            name='place_sv',
            field=models.CharField(blank=True, max_length=200, verbose_name='place (sv)'),
        ),
    ]
