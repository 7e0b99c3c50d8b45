# dmgbuild settings for the macOS disk image, used by packaging/bundle.py:
#   dmgbuild -s dmg_settings.py -D app=PATH/Privacy\ Walkthrough.app "Privacy Walkthrough" OUT.dmg
# The window shows the app and a link to Applications, to drag it onto.
# ruff: noqa
import os.path

application = defines["app"]  # noqa: F821 (given by dmgbuild)
appname = os.path.basename(application)

format = "UDZO"
files = [application]
symlinks = {"Applications": "/Applications"}
icon_locations = {appname: (140, 160), "Applications": (420, 160)}
window_rect = ((200, 200), (560, 360))
default_view = "icon-view"
icon_size = 96
show_status_bar = False
show_tab_view = False
show_toolbar = False
show_pathbar = False
show_sidebar = False
