from xunzhen_app.services.enterprises import EnterpriseFilter, list_enterprises


def test_filters_by_city_type_text_and_visit_status(demo_store):
    everyone = list_enterprises(demo_store)
    assert len(everyone) == 12
    assert {e.city for e in list_enterprises(demo_store, EnterpriseFilter(city="大同市"))} == {"大同市"}
    leading = list_enterprises(demo_store, EnterpriseFilter(cultivation_type="领军型"))
    assert leading and all(e.cultivation_type == "领军型" for e in leading) and len(leading) < 12
    assert [e.name for e in list_enterprises(demo_store, EnterpriseFilter(text="汾州"))] == ["汾州酒业集团有限公司"]
    drafts = list_enterprises(demo_store, EnterpriseFilter(visit_status="草稿"))
    assert drafts and all(e.latest_visit_status == "草稿" for e in drafts)
    assert list_enterprises(demo_store, EnterpriseFilter(visit_status="未巡诊")) == []
