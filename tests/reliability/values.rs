//! Values stay text, and no figure or count panics, wraps or exhausts memory.
