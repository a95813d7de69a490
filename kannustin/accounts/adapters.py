from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    """Accounts are created for people by the ministry (admin or `manage.py create_user`); no open sign-up."""

    def is_open_for_signup(self, request):
        return False
