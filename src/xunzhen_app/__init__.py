"""巡诊 Xunzhen — offline workbench for quality-diagnosis visits."""

__version__ = "0.1.0"
APP_NAME = "巡诊"
APP_ID = "xunzhen"
