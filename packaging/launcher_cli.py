"""Frozen entry point for the console command (xunzhen.exe): the full CLI."""

import sys

from xunzhen_app.cli import main

sys.exit(main(sys.argv[1:]))
