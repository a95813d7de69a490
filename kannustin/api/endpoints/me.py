from ninja import Router

from ..auth import bearer
from ..schemas import ErrorOut, MeOut
from ..serialise import trilingual

router = Router(tags=["caller"], auth=bearer)


@router.get("/me/", response={200: MeOut, 401: ErrorOut}, summary="The caller: roles and memberships")
def me(request):
    """Who the token belongs to: ministry roles (codes) and the organisations the user acts for, with the
    role in each."""
    user = request.user
    memberships = user.memberships.select_related("organisation").order_by(
        "organisation__code", "organisation_id"
    )
    return {
        "email": user.email,
        "name": user.name,
        "language": user.language,
        "ministry_roles": sorted(user.ministry_roles),
        "memberships": [
            {
                "organisation": {
                    "id": m.organisation.pk,
                    "kind": m.organisation.kind,
                    "code": m.organisation.code,
                    "business_id": m.organisation.business_id,
                    **trilingual(m.organisation, "name"),
                },
                "role": m.role,
            }
            for m in memberships
        ],
    }
