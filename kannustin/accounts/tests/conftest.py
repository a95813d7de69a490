import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Login rate limits and used TOTP codes live in the cache: no test may inherit another's."""
    cache.clear()
    yield
    cache.clear()
