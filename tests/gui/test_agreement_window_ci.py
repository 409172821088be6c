"""The Agreement window's summary shows each alpha's bootstrap interval beside its value."""

from __future__ import annotations

from tests.gui.test_agreement_window import code


def test_summary_has_a_confidence_interval_column(qtbot, window):
    code(window, "alice", "安全保障上の懸念", "security_concern")
    code(window, "bob", "安全保障", "security_concern")
    code(window, "carol", "上の懸念", "security_concern")
    agreement = window.show_agreement()
    qtbot.addWidget(agreement)
    table = agreement.summary
    headers = [table.horizontalHeaderItem(j).text() for j in range(table.columnCount())]
    assert headers[3:5] == ["value", "95% CI"]
    report = agreement.report
    assert report.bootstrap_b == 2000 and isinstance(report.seed, int)
    shown = {(table.item(r, 0).text(), table.item(r, 1).text(), table.item(r, 2).text()):
             table.item(r, 4).text() for r in range(table.rowCount())}
    token = next(r for r in report.summary
                 if (r.measure, r.level, r.label) == ("krippendorff_alpha", "token",
                                                      "security_concern"))
    assert token.ci_low is not None
    assert shown[("krippendorff_alpha", "token", "security_concern")] == (
        f"[{token.ci_low:.3f}, {token.ci_high:.3f}]")
    assert shown[("fleiss_kappa", "token", "security_concern")] == ""  # kappas: no interval
