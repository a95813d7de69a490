"""The authentication library's own texts that Kannustin shows (sign-in, sign-out, password reset and change,
email addresses, the second factor), marked here so that `make messages` collects them into Kannustin's
catalogues. There they get the service's own Finnish and Swedish wording: the catalogues of LOCALE_PATHS come
before those of installed apps, so django-allauth's own translations ("epost-adress", "Vänligen …",
"Kirjauduttiin sisään käyttäjänä …") are never shown. English stays allauth's.

The list holds every text of allauth's catalogue used by the flows Kannustin serves (allauth's templates for
account/ and mfa/ pages, messages and emails, its forms and adapters), leaving out what is not enabled here:
sign-up, phone numbers, usernames, sign-in codes, passkeys and security keys, trusted browsers, connected
accounts and sessions; its email greeting and signature are Kannustin's own template
(templates/account/email/base_message.txt). After upgrading allauth, compare this list with its catalogue
(allauth/locale/sv/LC_MESSAGES/django.po) for new texts of these flows, then `make messages` and translate.
accounts/tests/test_allauth_wording.py checks that each has Kannustin's own translation.

Nothing imports this module for its values; the functions below only mark the texts.
"""

from django.utils.translation import gettext_noop, ngettext_lazy, pgettext_lazy

TEXTS = (
    gettext_noop("This account is currently inactive."),  # adapter.py
    gettext_noop("You cannot remove your primary email address."),  # adapter.py
    gettext_noop("This email address is already associated with this account."),  # adapter.py
    gettext_noop("The email address and/or password you specified are not correct."),  # adapter.py
    gettext_noop("A user is already registered with this email address."),  # adapter.py
    gettext_noop("Please type your current password."),  # adapter.py
    gettext_noop("Incorrect code."),  # adapter.py
    gettext_noop("Incorrect password."),  # adapter.py
    gettext_noop("Invalid or expired key."),  # adapter.py
    gettext_noop("Invalid login."),  # adapter.py
    gettext_noop("The password reset token was invalid."),  # adapter.py
    gettext_noop("You cannot add more than %d email addresses."),  # adapter.py
    gettext_noop("Too many failed login attempts. Try again later."),  # adapter.py
    gettext_noop("The email address is not assigned to any user account."),  # adapter.py
    gettext_noop("Your primary email address must be verified."),  # adapter.py, unverified_primary_email.txt
    gettext_noop("Please select only one."),  # adapter.py
    gettext_noop("The new value must be different from the current one."),  # adapter.py
    gettext_noop("Be patient, you are sending too many requests."),  # adapter.py
    gettext_noop("Use your password"),  # adapter.py
    gettext_noop("Use authenticator app or code"),  # adapter.py
    gettext_noop("Email"),  # fields.py, forms.py
    gettext_noop("Email address"),  # fields.py
    gettext_noop("Forgot your password?"),  # fields.py
    gettext_noop("You must type the same password each time."),  # forms.py
    gettext_noop("Password"),  # forms.py
    gettext_noop("Remember Me"),  # forms.py
    gettext_noop("Email (again)"),  # forms.py
    gettext_noop("Email address confirmation"),  # forms.py
    gettext_noop("Email (optional)"),  # forms.py
    gettext_noop("You must type the same email each time."),  # forms.py
    gettext_noop("Password (again)"),  # forms.py
    gettext_noop("Current Password"),  # forms.py
    gettext_noop("New Password"),  # forms.py
    gettext_noop("New Password (again)"),  # forms.py
    gettext_noop("Code"),  # forms.py
    gettext_noop(
        "You cannot add an email address to an account protected by two-factor authentication."
    ),  # adapter.py
    gettext_noop("You cannot deactivate two-factor authentication."),  # adapter.py
    gettext_noop(
        "You cannot activate two-factor authentication until you have verified your email address."
    ),  # adapter.py
    gettext_noop("Authenticator code"),  # forms.py
    gettext_noop("Cancel"),  # authenticate.html, password_reset_from_key.html, trust.html
    gettext_noop("Account Inactive"),  # account_inactive.html
    gettext_noop("This account is inactive."),  # account_inactive.html
    gettext_noop("Confirm"),  # email_confirm.html, reauthenticate.html
    gettext_noop("Confirm Access"),  # base_reauthenticate.html
    gettext_noop("Please reauthenticate to safeguard your account."),  # base_reauthenticate.html
    gettext_noop("Alternative options"),  # authenticate.html, base_reauthenticate.html
    gettext_noop("Sign In"),  # authenticate.html, base.html, login.html
    gettext_noop("Password Reset"),  # password_reset.html, password_reset_done.html
    gettext_noop("Email Addresses"),  # email.html
    gettext_noop("The following email addresses are associated with your account:"),  # email.html
    gettext_noop("Verified"),  # email.html
    gettext_noop("Unverified"),  # email.html
    gettext_noop("Primary"),  # email.html
    gettext_noop("Make Primary"),  # email.html
    gettext_noop("Re-send Verification"),  # email.html
    gettext_noop("Remove"),  # email.html
    gettext_noop("Add Email Address"),  # email.html
    gettext_noop("Add Email"),  # email.html
    gettext_noop("Do you really want to remove the selected email address?"),  # email.html
    gettext_noop(
        "You are receiving this mail because the following change was made to your account:"
    ),  # base_notification.txt
    gettext_noop(
        "If you do not recognize this change then please take proper security precautions immediately. The change to your account originates from:\n\n- IP address: %(ip)s\n- Browser: %(user_agent)s\n- Date: %(timestamp)s"
    ),  # base_notification.txt
    gettext_noop(
        "Your email has been changed from %(from_email)s to %(to_email)s."
    ),  # email_changed_message.txt
    gettext_noop("Email Changed"),  # email_changed_subject.txt
    gettext_noop("Your email has been confirmed."),  # email_confirm_message.txt
    gettext_noop("Email Confirmation"),  # email_confirm_subject.txt
    gettext_noop(
        "You're receiving this email because user %(user_display)s has given your email address to register an account on %(site_domain)s."
    ),  # email_confirmation_message.txt
    gettext_noop(
        "Your email verification code is listed below. Please enter it in your open browser window."
    ),  # email_confirmation_message.txt
    gettext_noop("To confirm this is correct, go to %(activate_url)s"),  # email_confirmation_message.txt
    gettext_noop("Please Confirm Your Email Address"),  # email_confirmation_subject.txt
    gettext_noop(
        "Email address %(deleted_email)s has been removed from your account."
    ),  # email_deleted_message.txt
    gettext_noop("Email Removed"),  # email_deleted_subject.txt
    gettext_noop("Your password has been changed."),  # password_changed_message.txt
    gettext_noop("Password Changed"),  # password_changed_subject.txt
    gettext_noop(
        "You're receiving this email because you or someone else has requested a password reset for your user account.\nIt can be safely ignored if you did not request a password reset. Click the link below to reset your password."
    ),  # password_reset_key_message.txt
    gettext_noop("Password Reset Email"),  # password_reset_key_subject.txt
    gettext_noop("Your password has been set."),  # password_set_message.txt
    gettext_noop("Password Set"),  # password_set_subject.txt
    gettext_noop("Change Email"),  # base.html
    gettext_noop("Confirm Email Address"),  # email_confirm.html
    gettext_noop(
        'Please confirm that <a href="mailto:%(email)s">%(email)s</a> is an email address for user %(user_display)s.'
    ),  # email_confirm.html
    gettext_noop(
        "Unable to confirm %(email)s because it is already confirmed by a different account."
    ),  # email_confirm.html, email_confirmation_failed.txt
    gettext_noop(
        'This email confirmation link expired or is invalid. Please <a href="%(email_url)s">issue a new email confirmation request</a>.'
    ),  # email_confirm.html
    gettext_noop("Sign Out"),  # base.html, logout.html
    gettext_noop("Are you sure you want to sign out?"),  # logout.html
    gettext_noop(
        "You cannot remove your primary email address (%(email)s)."
    ),  # cannot_delete_primary_email.txt
    gettext_noop("Confirmation email sent to %(email)s."),  # email_confirmation_sent.txt
    gettext_noop("You have confirmed %(email)s."),  # email_confirmed.txt
    gettext_noop("Removed email address %(email)s."),  # email_deleted.txt
    gettext_noop("Successfully signed in as %(name)s."),  # logged_in.txt
    gettext_noop("You have signed out."),  # logged_out.txt
    gettext_noop("Password successfully changed."),  # password_changed.txt
    gettext_noop("Password successfully set."),  # password_set.txt
    gettext_noop("Primary email address set."),  # primary_email_set.txt
    gettext_noop(
        "Change Password"
    ),  # base.html, password_change.html, password_reset_from_key.html, password_reset_from_key_done.html
    gettext_noop(
        "Forgotten your password? Enter your email address below, and we'll send you an email allowing you to reset it."
    ),  # password_reset.html
    gettext_noop("Reset My Password"),  # password_reset.html
    gettext_noop("Please contact us if you have any trouble resetting your password."),  # password_reset.html
    gettext_noop(
        "We have sent you an email. If you have not received it please check your spam folder. Otherwise contact us if you do not receive it in a few minutes."
    ),  # password_reset_done.html
    gettext_noop("Bad Token"),  # password_reset_from_key.html
    gettext_noop(
        'The password reset link was invalid, possibly because it has already been used.  Please request a <a href="%(passwd_reset_url)s">new password reset</a>.'
    ),  # password_reset_from_key.html
    gettext_noop("Your password is now changed."),  # password_reset_from_key_done.html
    gettext_noop("Set Password"),  # password_set.html
    gettext_noop("Enter your password:"),  # reauthenticate.html
    gettext_noop("Note"),  # already_logged_in.html
    gettext_noop("You are already logged in as %(user_display)s."),  # already_logged_in.html
    gettext_noop("Warning:"),  # warn_no_email.html
    gettext_noop(
        "You currently do not have any email address set up. You should really add an email address so you can receive notifications, reset your password, etc."
    ),  # warn_no_email.html
    gettext_noop("Verify Your Email Address"),  # verification_sent.html, verified_email_required.html
    gettext_noop(
        "This part of the site requires us to verify that\nyou are who you claim to be. For this purpose, we require that you\nverify ownership of your email address. "
    ),  # verified_email_required.html
    gettext_noop(
        "We have sent an email to you for\nverification. Please click on the link inside that email. If you do not see the verification email in your main inbox, check your spam folder. Otherwise\ncontact us if you do not receive it within a few minutes."
    ),  # verified_email_required.html
    gettext_noop(
        '<strong>Note:</strong> you can still <a href="%(email_url)s">change your email address</a>.'
    ),  # verified_email_required.html
    gettext_noop("Messages:"),  # base.html
    gettext_noop("Menu:"),  # base.html
    gettext_noop("Two-Factor Authentication"),  # authenticate.html, base.html, index.html
    gettext_noop(
        "Your account is protected by two-factor authentication. Please enter an authenticator code:"
    ),  # authenticate.html
    gettext_noop(
        "A new set of Two-Factor Authentication recovery codes has been generated."
    ),  # recovery_codes_generated_message.txt
    gettext_noop("New Recovery Codes Generated"),  # recovery_codes_generated_subject.txt
    gettext_noop("Authenticator app activated."),  # totp_activated.txt, totp_activated_message.txt
    gettext_noop("Authenticator App Activated"),  # totp_activated_subject.txt
    gettext_noop("Authenticator app deactivated."),  # totp_deactivated.txt, totp_deactivated_message.txt
    gettext_noop("Authenticator App Deactivated"),  # totp_deactivated_subject.txt
    gettext_noop("Authenticator App"),  # base.html, index.html
    gettext_noop("Authentication using an authenticator app is active."),  # index.html
    gettext_noop("An authenticator app is not active."),  # index.html
    gettext_noop("Deactivate"),  # deactivate_form.html, index.html
    gettext_noop("Activate"),  # activate_form.html, index.html
    gettext_noop("Manage"),  # index.html
    gettext_noop("Add"),  # index.html
    gettext_noop("Recovery Codes"),  # base.html, generate.html, index.html
    # index.html
    gettext_noop("No recovery codes set up."),  # index.html
    gettext_noop("View"),  # index.html
    gettext_noop("Download"),  # index.html
    gettext_noop("Generate"),  # generate.html, index.html
    gettext_noop("A new set of recovery codes has been generated."),  # recovery_codes_generated.txt
    gettext_noop(
        "Save them  in a secure location now — they won't be shown again."
    ),  # recovery_codes_generated.txt
    gettext_noop("Enter an authenticator code:"),  # reauthenticate.html
    gettext_noop("You are about to generate a new set of recovery codes for your account."),  # generate.html
    gettext_noop("This action will invalidate your existing codes."),  # generate.html
    gettext_noop("Are you sure?"),  # generate.html
    gettext_noop("Unused codes"),  # index.html
    gettext_noop("Download codes"),  # index.html
    gettext_noop("Generate new codes"),  # index.html
    gettext_noop("I have saved my recovery codes"),  # index.html
    gettext_noop("Activate Authenticator App"),  # activate_form.html
    gettext_noop(
        "To protect your account with two-factor authentication, scan the QR code below with your authenticator app. Then, input the verification code generated by the app below."
    ),  # activate_form.html
    gettext_noop("Authenticator secret"),  # activate_form.html
    gettext_noop(
        "You can store this secret and use it to reinstall your authenticator app at a later time."
    ),  # activate_form.html
    gettext_noop("Deactivate Authenticator App"),  # deactivate_form.html
    gettext_noop(
        "You are about to deactivate authenticator app based authentication. Are you sure?"
    ),  # deactivate_form.html
)

# Texts with a context, and texts with a plural: (context or plural form, text) → the marked text.
CONTEXT_TEXTS = {("field label", "Login"): pgettext_lazy("field label", "Login")}  # forms.py
PLURAL_TEXTS = {
    (
        "There is %(unused_count)s out of %(total_count)s recovery codes available.",
        "There are %(unused_count)s out of %(total_count)s recovery codes available.",
    ): ngettext_lazy(
        "There is %(unused_count)s out of %(total_count)s recovery codes available.",
        "There are %(unused_count)s out of %(total_count)s recovery codes available.",
        1,
    ),  # mfa/index.html, recovery_codes/index.html
}
