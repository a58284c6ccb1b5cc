"""Errors raised by users' own code: no record may claim them with a score of 0.5 or more (only generic advice)."""

from __future__ import annotations

import pytest

import errfix_jupyter

USER_ERRORS = {
    "domain-valueerror": "raise ValueError('invoice total must be positive')",
    "custom-exception": "class InvoiceError(Exception): pass\nraise InvoiceError('customer 42 has no billing address')",
    "bare-assert": "total = -1\nassert total > 0",
    "assert-with-message": "rows = 3\nassert rows == 4, 'expected one row per quarter'",
    "runtime-training": "raise RuntimeError('model did not converge after 12 epochs in my trainer')",
    "type-domain": "raise TypeError('expected a Customer, got Order')",
    "schedule": "raise ValueError('learning rate schedule must be monotone')",
    "validation": "class DataValidationError(ValueError): pass\nraise DataValidationError(\"column 'age' has 3 negative values\")",
    "not-implemented": "raise NotImplementedError('subclasses must implement score()')",
    "config-missing": "class ConfigError(Exception): pass\nraise ConfigError('experiment.yaml: key learning_rate missing under optimizer')",
    "lookup-error": "raise LookupError('no exchange rate for EUR on 2024-03-01')",
    "permission-business": "class Forbidden(Exception): pass\nraise Forbidden('user alice may not approve her own expense report')",
    "state-machine": "raise RuntimeError('order 7731 cannot move from SHIPPED to DRAFT')",
    "quota": "class QuotaExceeded(Exception): pass\nraise QuotaExceeded('daily quota of 500 API calls used up for project ml-prod')",
    "timeout-business": "raise TimeoutError('payment gateway did not confirm within the agreed SLA')",
    "parse-own-format": "raise ValueError('line 12 of ledger.txt: amount field is empty')",
    "sum-check": "raise AssertionError('debits and credits differ by 0.03')",
    "index-own": "class SlotError(IndexError): pass\nraise SlotError('calendar slot 9 is outside working hours')",
    "key-own-class": "class MissingFeature(KeyError): pass\nraise MissingFeature('feature store has no entry for churn_score_v3')",
    "attribute-own": "raise AttributeError('Pipeline step scaler is disabled in this experiment')",
    "os-own": "raise OSError('sensor 3 on line B reported a checksum mismatch')",
    "exception-group-own": "raise ExceptionGroup('batch failed', [ValueError('row 1 invalid'), ValueError('row 2 invalid')])",
    "warning-as-error": "import warnings\nwarnings.simplefilter('error')\nwarnings.warn('threshold 0.7 was tuned on last year\\'s data', UserWarning)",
    "stop-own": "raise StopIteration('no more invoices to process')",
    "recursion-own": "class TreeTooDeep(RecursionError): pass\nraise TreeTooDeep('category tree deeper than 50 levels')",
    "zero-own": "class EmptyBatch(ZeroDivisionError): pass\nraise EmptyBatch('batch 17 had no valid rows to average')",
    "unicode-own": "raise ValueError('customer name contains characters our printer cannot print')",
    "memory-own": "class BudgetError(MemoryError): pass\nraise BudgetError('feature matrix would exceed the 2 GB budget set for this job')",
    "import-own": "class PluginMissing(ImportError): pass\nraise PluginMissing('plugin acme_export is not registered in settings.PLUGINS')",
    "file-own": "raise FileNotFoundError('no signed contract on record for supplier 5512')",
    "chinese-message": "raise ValueError('发票金额必须为正数')",
    "html-message": "raise ValueError('<b>bad</b> template for {customer}')",
}


def raised(code: str) -> BaseException:
    try:
        exec(compile(code, "<user-cell>", "exec"), {})
    except BaseException as exc:  # noqa: BLE001 - the point is to catch whatever user code raises
        return exc
    raise AssertionError("the snippet raised nothing")


def test_there_are_at_least_thirty_cases():
    assert len(USER_ERRORS) >= 30


@pytest.mark.parametrize("name", sorted(USER_ERRORS))
def test_a_users_own_error_gets_no_confident_match(name):
    matches = errfix_jupyter.lookup_exception(raised(USER_ERRORS[name]), top=5)
    confident = [(m.record.id, m.score, m.match_kind) for m in matches if m.score >= 0.5]
    assert confident == []
    assert all(m.match_kind in ("generic", "near_miss") for m in matches)


@pytest.mark.parametrize("name", ["domain-valueerror", "bare-assert", "custom-exception"])
def test_the_same_errors_pasted_as_text_are_not_claimed_either(name):
    import traceback

    exc = raised(USER_ERRORS[name])
    text = "".join(traceback.format_exception(exc))
    assert all(m.score < 0.5 for m in errfix_jupyter.lookup_text(text, top=5))
