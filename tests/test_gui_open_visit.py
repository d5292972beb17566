"""`xunzhen open VISIT`: the window opens on the visit's first unrated item with the keys on rating."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from xunzhen_app.core.scoring import item_complete
from xunzhen_app.gui.app import settings_for
from xunzhen_app.gui.context import AppContext
from xunzhen_app.gui.main_window import MainWindow
from xunzhen_app.gui.tasks import TaskRunner
from xunzhen_app.gui.workbench import LAST_ITEM_KEY
from xunzhen_app.services import enterprises, visits
from xunzhen_app.services.dto import EnterpriseInput


def test_open_shows_the_first_unrated_item_with_the_keys_on_rating(qtbot, store):
    e = enterprises.create_enterprise(store, EnterpriseInput(name="晋阳机械有限公司", city="太原市"))
    vid = visits.create_visit(store, visits.NewVisit(enterprise_id=e.id)).id
    for code in ("1.1.1", "1.1.2"):
        visits.rate_item(store, vid, code, level=4)
    visits.rate_item(store, vid, "1.2.1", not_applicable=True)
    settings = settings_for(store.paths)
    settings.setValue(LAST_ITEM_KEY.format(vid), "6.1.1")  # where the user left off: `open` goes elsewhere
    detail = visits.get_visit(store, vid)
    first_unrated = next(i.code for i in detail.template.items()
                         if not item_complete(i, a.rating if (a := detail.assessments.get(i.code)) else None))
    assert first_unrated not in ("1.1.1", "1.1.2", "1.2.1", "6.1.1")

    # As run_gui does for `xunzhen open`: the frame first, then the store, then the visit.
    window = MainWindow(settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.attach(AppContext(store, TaskRunner(), settings), restore_visit=False)
    window.start_rating(vid)
    page = window.workbench_page
    qtbot.waitUntil(lambda: page.current_code() == first_unrated, timeout=5000)
    assert window.stack.currentWidget() is page
    assert page.model.code_at(page.tree.currentIndex()) == first_unrated
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.tree, timeout=5000)

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_3)
    page.commit_pending()
    assert visits.get_visit(store, vid).assessments[first_unrated].level == 3
    assert all(not getattr(visits.get_visit(store, vid).assessments[first_unrated], f) for f in
               ("evidence", "problem", "suggestion"))
    window.close()
