"""The one spelling of an xAPI actor as stored in an identity link (IdentityLink.actor_key)."""

from readiness.web.i18n import gettext as _


class ActorUnreadable(ValueError):
    """The actor names no account and no mailbox; the message says why."""


def account_key(home_page: str, name: str) -> str:
    """'account:<homePage>|<name>': the home page without its trailing slash."""
    return f"account:{home_page.strip().rstrip('/')}|{name.strip()}"


def mbox_key(mbox: str) -> str:
    """'mbox:mailto:<address>', lower-cased (addresses are compared without case)."""
    address = mbox.strip().lower()
    if not address.startswith("mailto:") or "@" not in address:
        raise ActorUnreadable(_("mbox `%(value)s` is not a mailto: address", value=mbox))
    return f"mbox:{address}"


def key_of_statement_actor(actor: dict) -> str:
    """The key of a statement's actor: its account, else its mbox."""
    account = actor.get("account") or {}
    if account.get("homePage") and account.get("name"):
        return account_key(str(account["homePage"]), str(account["name"]))
    if actor.get("mbox"):
        return mbox_key(str(actor["mbox"]))
    raise ActorUnreadable(_("the actor has neither an account (homePage and name) nor an mbox"))


def key_of_text(value: str) -> str:
    """The key of an actor written in a file: `mailto:<address>` or `<homePage>|<name>`."""
    text = value.strip()
    if text.lower().startswith("mailto:"):
        return mbox_key(text)
    home_page, separator, name = text.rpartition("|")
    if not separator or not home_page.strip() or not name.strip():
        raise ActorUnreadable(_("actor `%(value)s` is neither mailto:<address> nor <homePage>|<name>",
                                value=value))
    return account_key(home_page, name)
