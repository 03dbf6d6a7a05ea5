"""Translates secdraft's Tera templates (templates/) into Jinja2 for the Python peer
(bench/peer/templates). The dialects are close; the differences are mechanical."""

import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(HERE, "..", "..", "templates")
TARGET = os.path.join(HERE, "templates")

os.makedirs(TARGET, exist_ok=True)
for name in sorted(os.listdir(SOURCE)):
    with open(os.path.join(SOURCE, name), encoding="utf-8") as f:
        text = f.read()
    # Tera's replace takes from= and to=; Jinja2's takes them in order.
    text = re.sub(r'replace\(from=("[^"]*"), to=("[^"]*")\)', r"replace(\1, \2)", text)
    # Tera's `is ending_with(pat=...)` is a Jinja2 test with a positional argument.
    text = re.sub(r"is ending_with\(pat=", "is ending_with(", text)
    with open(os.path.join(TARGET, name), "w", encoding="utf-8") as f:
        f.write(text)
