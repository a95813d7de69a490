"""Partner matching over the submitted proposals of a call: similar proposals, and suggested clusters of
proposals to seat together at the workshop.

Text: the title, summary and the five descriptions (P1–P5) of each proposal, leaving out whatever its
proposer marked as a business secret. TF-IDF over character n-grams within words matches across Finnish and
Swedish inflection without a stemmer, and catches the words the two languages share (digitalisaatio /
digitalisering, robotiikka / robotik, logistiikka / logistik). The fitted model of a call is kept in process
memory and in Django's cache under a key that changes whenever a proposal of the call is submitted or saved,
so it is fitted once per change, not once per request, and in the background: pages go on with the previous
model meanwhile (`model`).

Similar proposals: the cosine of the texts, with the overlap of the declared topics weighing in (a
Swedish proposal about contract management is like a Finnish one about it even when few words are shared).

Clusters: the text vectors reduced to 50 dimensions (LSA), with the proposal's own topic tags added as
features (a proposal in Swedish about contract management then sits with the Finnish ones of the same topic),
grouped by k-means into as many clusters as the call has topics (officials may ask for another number).
`bench/matching.py` reports how well they agree with the demo's known topics (the adjusted Rand index).
"""

from collections import Counter

import numpy as np
from django.core.cache import cache
from django.db.models import Count, Max
from django_tasks import task

from kannustin.applications.models import Application, Status

MIN_SCORE = 0.12
CACHE_SECONDS = 24 * 3600
TOPIC_WEIGHT = 0.6  # clusters: the weight of the declared topics against the text (whose vector has length 1)
LSA_DIMENSIONS = 50
TOPIC_SHARE = 0.3  # similar proposals: the share of the topics' overlap in the score, the text has the rest
_in_process: dict = {}

TEXT_KEYS = (
    "title",
    "summary",
    "p1_ways_of_working",
    "p2_goals",
    "p3_significance",
    "p4_cost_savings",
    "p5_risks",
)


def proposals_of(call):
    """The submitted proposals of a call (withdrawn ones leave the market)."""
    return Application.objects.filter(call=call, status__in=[Status.SUBMITTED, Status.COMPLETION_REQUESTED])


def proposal_text(answers: dict, confidential_keys) -> str:
    secret = set(confidential_keys or [])
    return "\n".join(str(answers.get(key) or "") for key in TEXT_KEYS if key not in secret).strip()


def _fit(call):
    from sklearn.feature_extraction.text import TfidfVectorizer

    rows = list(
        proposals_of(call).values("pk", "organisation_id", "answers", "confidential_keys").order_by("pk")
    )
    ids, organisations, texts, topics = [], [], [], []
    for row in rows:
        text = proposal_text(row["answers"] or {}, row["confidential_keys"])
        if not text:
            continue
        ids.append(row["pk"])
        organisations.append(row["organisation_id"])
        texts.append(text)
        topics.append(tuple((row["answers"] or {}).get("topics") or ()))
    if not texts:
        return None
    vectorizer = TfidfVectorizer(
        analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, min_df=2 if len(texts) > 20 else 1
    )
    matrix = vectorizer.fit_transform(texts)
    # Each proposal's topics as a row of length 1, so that a product of rows is the cosine of two sets.
    keys = sorted({topic for declared in topics for topic in declared})
    topic_rows = np.zeros((len(ids), len(keys)))
    for row, declared in enumerate(topics):
        for topic in set(declared):
            topic_rows[row, keys.index(topic)] = 1 / np.sqrt(len(set(declared)))
    return {"vectorizer": vectorizer, "matrix": matrix, "ids": ids, "index": {pk: i for i, pk in enumerate(ids)},
            "organisations": organisations, "topics": topics, "topic_keys": keys, "topic_rows": topic_rows}  # fmt: skip


def _stamp_key(call) -> str | None:
    stamp = proposals_of(call).aggregate(
        count=Count("pk"), submitted=Max("submitted_at"), saved=Max("updated_at")
    )
    if not stamp["count"]:
        return None
    return "jointprojects:matching:{call}:{count}:{submitted}:{saved}".format(
        call=call.pk,
        count=stamp["count"],
        submitted=stamp["submitted"].timestamp() if stamp["submitted"] else 0,
        saved=stamp["saved"].timestamp() if stamp["saved"] else 0,
    )


def _latest_key(call_id) -> str:
    return f"jointprojects:matching:{call_id}:latest"


def refit(call) -> dict:
    """Fit the model of the call's proposals as they are now and share it through the cache."""
    key = _stamp_key(call)
    fitted = (_fit(call) or {}) if key else {}
    if key:
        cache.set(key, fitted, CACHE_SECONDS)
        cache.set(_latest_key(call.pk), key, CACHE_SECONDS)
    _in_process[call.pk] = {"key": key, "model": fitted}
    return fitted


@task()
def refit_matching(call_id: int) -> int:
    """Fit the call's model in the background (`model` serves the previous one meanwhile); returns the number of
    proposals in it."""
    from kannustin.programmes.models import Call

    call = Call.objects.filter(pk=call_id).first()
    return len(refit(call).get("ids", [])) if call is not None else 0


def model(call, *, fresh: bool = False):
    """The fitted model of the call's proposals (None without any).

    Fitting takes seconds with a thousand proposals, so a page never waits for a refit once a model exists: after
    a proposal is submitted or changed, the previous model keeps answering (a proposal not in it is compared by
    its own text) while a background task fits the new one. `fresh` fits now when the model is out of date
    (the officials' clusters must seat every proposal)."""
    key = _stamp_key(call)
    if key is None:
        return None
    mine = _in_process.get(call.pk, {})
    if mine.get("key") == key:
        return mine["model"] or None
    fitted = cache.get(key)
    if fitted is not None:
        _in_process[call.pk] = {"key": key, "model": fitted}
        return fitted or None
    if not fresh:
        stale = mine.get("model")
        if stale is None:
            latest = cache.get(_latest_key(call.pk))
            stale = cache.get(latest) if latest else None
        if stale:
            # One refit per change, whichever process sees it first.
            if cache.add(f"{key}:fitting", True, 300):
                refit_matching.enqueue(call.pk)
            return stale
    return refit(call) or None


def similar_proposals(proposal, limit: int = 5, min_score: float = MIN_SCORE) -> list[tuple[int, float]]:
    """[(proposal id, score)] of the call's other proposals most like this one, best first; proposals of the
    same lead organisation are left out (it knows its own)."""
    fitted = model(proposal.call)
    if fitted is None:
        return []
    index = fitted["index"].get(proposal.pk)
    if index is not None:
        vector = fitted["matrix"][index]
        own = fitted["topic_rows"][index]
    else:  # a draft, or a proposal newer than the model: its own text and topics now
        text = proposal_text(proposal.answers or {}, proposal.confidential_keys)
        if not text:
            return []
        vector = fitted["vectorizer"].transform([text])
        declared = {t for t in proposal.answers.get("topics") or () if t in fitted["topic_keys"]}
        own = np.array(
            [1 / np.sqrt(len(declared)) if key in declared else 0.0 for key in fitted["topic_keys"]]
        )
    # TF-IDF rows are L2-normalised, so the dot product is the cosine similarity of the texts (the sparse
    # matrix times the dense vector: the large matrix stays as it is); the declared topics weigh in beside it,
    # which carries the match across languages.
    text_scores = fitted["matrix"] @ vector.toarray().ravel()
    topic_scores = fitted["topic_rows"] @ own
    scores = (1 - TOPIC_SHARE) * text_scores + TOPIC_SHARE * topic_scores
    order = np.argsort(-scores, kind="stable")
    result = []
    for i in order:
        score = float(scores[i])
        if score < min_score or len(result) >= limit:
            break
        if fitted["ids"][i] == proposal.pk or fitted["organisations"][i] == proposal.organisation_id:
            continue
        result.append((fitted["ids"][i], score))
    return result


def features(fitted, topic_keys: list[str], topic_weight: float = TOPIC_WEIGHT):
    """The clustering features: LSA of the text, normalised, beside the declared topics (each proposal's
    topics share `topic_weight` of length)."""
    from sklearn.decomposition import TruncatedSVD
    from sklearn.preprocessing import normalize

    matrix = fitted["matrix"]
    components = min(LSA_DIMENSIONS, matrix.shape[0] - 1, matrix.shape[1] - 1)
    if components < 2:
        return normalize(matrix.toarray())
    # ARPACK is exact and, for a few hundred proposals, faster than the randomised solver.
    text = normalize(
        TruncatedSVD(n_components=components, algorithm="arpack", random_state=0).fit_transform(matrix)
    )
    if not topic_weight or not topic_keys:
        return text
    topics = np.zeros((len(fitted["ids"]), len(topic_keys)))
    for row, declared in enumerate(fitted["topics"]):
        chosen = [topic_keys.index(t) for t in declared if t in topic_keys]
        for column in chosen:
            topics[row, column] = topic_weight / np.sqrt(len(chosen))
    return np.hstack([text, topics])


def suggest_clusters(
    call, topic_keys: list[str], count: int | None = None, topic_weight: float = TOPIC_WEIGHT
):
    """Suggested clusters of the call's proposals: [{"proposals": [ids], "topic": the commonest declared topic
    key or ""}], biggest first. `count` defaults to the number of topics."""
    from sklearn.cluster import KMeans

    fitted = model(call, fresh=True)
    if fitted is None:
        return []
    n = len(fitted["ids"])
    count = max(1, min(count or len(topic_keys) or 1, n))
    if count == 1:
        labels = [0] * n
    else:
        labels = KMeans(n_clusters=count, n_init=10, random_state=0).fit_predict(
            features(fitted, topic_keys, topic_weight)
        )
    groups: dict[int, list[int]] = {}
    for row, label in enumerate(labels):
        groups.setdefault(int(label), []).append(row)
    clusters = []
    for rows in groups.values():
        declared = Counter(t for row in rows for t in fitted["topics"][row])
        topic = declared.most_common(1)[0][0] if declared else ""
        clusters.append({"proposals": [fitted["ids"][row] for row in rows], "topic": topic})
    clusters.sort(key=lambda cluster: (-len(cluster["proposals"]), cluster["proposals"][0]))
    return clusters
