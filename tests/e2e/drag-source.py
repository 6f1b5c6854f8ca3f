#!/usr/bin/python3
"""A file to drag, as a file manager offers it: a small GTK window at the screen's top left whose
button is a drag source of the file's URI (text/uri-list). The e2e drop test drives the mouse
from it onto the editor with xdotool, so the editor receives a real XDND drop.

Usage: drag-source.py FILE...   (prints "ready" once the window is shown)"""

import sys
from pathlib import Path

import gi

gi.require_version("Gtk", "3.0")
gi.require_version("Gdk", "3.0")
from gi.repository import Gdk, GLib, Gtk  # noqa: E402

uris = [Path(f).resolve().as_uri() for f in sys.argv[1:]]

win = Gtk.Window(title="nianbao-drag-source")
win.set_default_size(160, 80)
win.move(0, 0)
button = Gtk.Button(label="拖动这个文件")
button.drag_source_set(Gdk.ModifierType.BUTTON1_MASK, [], Gdk.DragAction.COPY)
button.drag_source_add_uri_targets()
button.connect("drag-data-get", lambda _w, _ctx, data, _info, _time: data.set_uris(uris))
win.add(button)
win.connect("destroy", Gtk.main_quit)
win.show_all()


def ready():
    print("ready", flush=True)
    return False


GLib.timeout_add(300, ready)
Gtk.main()
