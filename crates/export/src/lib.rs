//! Export (issues 4 and 5): document tree and renderers.
