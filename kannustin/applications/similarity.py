"""Similar projects: submitted applications of other organisations whose title and summary look like this one's.

The programme asks applicants to check whether others have already done the same. TF-IDF over character
n-grams within words works across Finnish and Swedish inflection without a stemmer. The fitted model is
kept in process memory and in Django's cache under a key that changes whenever a submitted application is
added or saved, so it is fitted once per change, not once per request.
"""

from django.core.cache import cache
from django.db.models import Count, Max

from .models import Application, Participant, Status
from .presentation import listable

MIN_SCORE = 0.15
CACHE_SECONDS = 24 * 3600
# The newest model also stays in this process: unpickling it from a shared cache costs tens of milliseconds
# per request (several MB with 1 000 applications). The shared cache spares the other processes the fitting.
_in_process: dict = {}


def document(title: str, summary: str) -> str:
    return f"{title or ''}\n{summary or ''}".strip()


def _candidates():
    """Submitted (not draft) applications whose title and summary may be shown to others."""
    return Application.objects.exclude(status=Status.DRAFT)


def _fit():
    from sklearn.feature_extraction.text import TfidfVectorizer

    rows = list(_candidates().values("pk", "answers", "confidential_keys").order_by("pk"))
    taking_part = {}
    for application_id, organisation_id in Participant.objects.filter(
        application__in=_candidates(), declined_at__isnull=True
    ).values_list("application_id", "organisation_id"):
        taking_part.setdefault(application_id, set()).add(organisation_id)
    ids, organisations, texts = [], [], []
    for row in rows:
        if not listable(row["confidential_keys"]):
            continue
        answers = row["answers"] or {}
        text = document(
            answers.get("project_name") or answers.get("title") or "", answers.get("summary") or ""
        )
        if text:
            ids.append(row["pk"])
            organisations.append(frozenset(taking_part.get(row["pk"], ())))
            texts.append(text)
    if not texts:
        return None
    vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True)
    matrix = vectorizer.fit_transform(texts)
    return {"vectorizer": vectorizer, "matrix": matrix, "ids": ids, "organisations": organisations}


def _model():
    stamp = _candidates().aggregate(count=Count("pk"), submitted=Max("submitted_at"), saved=Max("updated_at"))
    if not stamp["count"]:
        return None
    key = "applications:similarity:{count}:{submitted}:{saved}".format(
        count=stamp["count"],
        submitted=stamp["submitted"].timestamp() if stamp["submitted"] else 0,
        saved=stamp["saved"].timestamp() if stamp["saved"] else 0,
    )
    if _in_process.get("key") == key:
        return _in_process["model"] or None
    model = cache.get(key)
    if model is None:
        model = _fit() or {}
        cache.set(key, model, CACHE_SECONDS)
    _in_process.update(key=key, model=model)
    return model or None


def similar_to_text(text: str, *, exclude_organisations=(), limit: int = 5, min_score: float = MIN_SCORE):
    """[(application id, score)] best first, leaving out applications in which any of `exclude_organisations`
    (ids) takes part."""
    if not text.strip():
        return []
    model = _model()
    if model is None:
        return []
    from sklearn.metrics.pairwise import linear_kernel

    excluded = frozenset(exclude_organisations)
    # TF-IDF rows are L2-normalised, so the dot product is the cosine similarity.
    scores = linear_kernel(model["vectorizer"].transform([text]), model["matrix"]).ravel()
    ranked = sorted(
        (
            (model["ids"][index], float(score))
            for index, score in enumerate(scores)
            if score >= min_score and not model["organisations"][index] & excluded
        ),
        key=lambda item: (-item[1], item[0]),
    )
    return ranked[:limit]


def similar_applications(application, limit: int = 5, min_score: float = MIN_SCORE) -> list[dict]:
    """Up to `limit` submitted applications of other organisations (none of this one's participants takes part
    in them) that look like this one, as
    [{"application", "score"}], best first. Applications whose title or summary is marked as a business
    secret are never shown. Two or three queries; the model itself comes from the cache."""
    text = document(application.title, application.summary)
    ranked = similar_to_text(
        text,
        exclude_organisations={p.organisation_id for p in application.participant_rows()},
        limit=limit,
        min_score=min_score,
    )
    if not ranked:
        return []
    found = Application.objects.for_list().in_bulk([pk for pk, _score in ranked])
    result = []
    for pk, score in ranked:
        other = found.get(pk)
        # Checked again on the fresh row: the cached model may predate a change of the markings.
        if other is None or other.status == Status.DRAFT or other.pk == application.pk:
            continue
        if not listable(other.confidential_keys):
            continue
        result.append({"application": other, "score": score})
    return result
