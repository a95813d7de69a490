"""Who may read and fill in an organisation's maturity self-assessment (rules behind `core.permissions.can`).

The organisation's own members fill it in; ministry officials and administrators read it. Reviewers,
presenters and decision-makers read it only where a later stage grants them an application of that
organisation (the self-assessment is context for a review, never part of a score).
"""

import rules

from kannustin.accounts.permissions import is_member, is_ministry_reader

rules.add_rule("maturity.change_assessment", is_member)
rules.add_rule("maturity.view_assessment", is_member | is_ministry_reader)
