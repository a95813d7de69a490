"""Fixtures shared with the decisions' tests: the ministry people and a scored, evaluated call."""

from kannustin.decisions.tests.conftest import evaluated, people  # noqa: F401  fixtures
