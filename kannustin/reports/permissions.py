"""Who may see and make the reports (the rules of core.permissions.can). Each report adds its rules here."""

import rules

from kannustin.accounts.permissions import is_ministry_reader

# All applications of a call as an Excel workbook, business secrets included: officials and administrators
# (as the list's export); the file then downloads for its requester and officials only.
rules.add_rule("reports.export_call", is_ministry_reader)

# The programme dashboard (applications over time, the funnel, money, review progress, regional coverage):
# officials and administrators.
rules.add_rule("reports.view_dashboard", is_ministry_reader)

# A call's summary: officials and administrators preview it and publish versions of it; the published
# summary (built only from public_view) is for everyone and needs no rule.
rules.add_rule("reports.preview_summary", is_ministry_reader)
rules.add_rule("reports.publish_summary", is_ministry_reader)
