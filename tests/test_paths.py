from xunzhen_app import resources_access
from xunzhen_app.paths import resolve_paths


def test_data_dir_precedence(monkeypatch, tmp_path):
    monkeypatch.setenv("XUNZHEN_DATA_DIR", str(tmp_path / "env"))
    assert resolve_paths(tmp_path / "arg").data_dir == (tmp_path / "arg").resolve()
    assert resolve_paths().data_dir == (tmp_path / "env").resolve()
    monkeypatch.delenv("XUNZHEN_DATA_DIR")
    assert resolve_paths().data_dir.name == "xunzhen"


def test_bundled_resources_are_found():
    assert resources_access.read_bytes("fonts/wqy-microhei.ttc")[:4] == b"ttcf"
    assert "Apache" in resources_access.read_text("fonts/LICENSE-wqy-microhei.txt")
    for face in ("gbsn00lp", "gkai00mp"):  # the report's 宋体 and 楷体, under the Arphic Public License
        assert resources_access.read_bytes(f"fonts/{face}.ttf")[:4] == b"\x00\x01\x00\x00"
    assert "ARPHIC PUBLIC LICENSE" in resources_access.read_text("fonts/ARPHICPL.TXT")
    assert [n.name for n in resources_access.listing("checklists")] == ["shanxi-2025-toutou.json"]
