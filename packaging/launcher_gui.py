"""Frozen entry point for the windowed app (巡诊.exe): always the GUI."""

import sys

from xunzhen_app.cli import main

sys.exit(main(sys.argv[1:]))
