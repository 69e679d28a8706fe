#!/usr/bin/env python3
"""Adds or updates texts in a *Strings resource set (X.resx English, X.de.resx, X.fr.resx, X.es.resx).

    python3 .dev/scripts/strings.py src/ArtBot/Features/Votes/VoteStrings < texts.tsv

Each input line: Key<TAB>English<TAB>German<TAB>French<TAB>Spanish (a literal \\n in a text is a line break).
Missing files are created; an existing key gets the new texts. Keys keep the order they were first added in.
"""
import sys
import os
import xml.etree.ElementTree as ET

HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
"""
LANGS = ["", ".de", ".fr", ".es"]


def escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def read(path):
    if not os.path.exists(path):
        return {}
    root = ET.parse(path).getroot()
    return {d.get("name"): (d.findtext("value") or "") for d in root.findall("data")}


def write(path, entries):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(HEADER)
        for key, value in entries.items():
            f.write(f'  <data name="{key}" xml:space="preserve"><value>{escape(value)}</value></data>\n')
        f.write("</root>\n")


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    base = sys.argv[1].removesuffix(".resx")
    sets = [read(base + lang + ".resx") for lang in LANGS]
    for number, line in enumerate(sys.stdin, 1):
        line = line.rstrip("\r\n")
        if not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) != 5 or not parts[0].isidentifier():
            sys.exit(f"line {number}: expected Key<TAB>en<TAB>de<TAB>fr<TAB>es, got: {line[:80]}")
        for entries, text in zip(sets, parts[1:]):
            entries[parts[0]] = text.replace("\\n", "\n")
    for lang, entries in zip(LANGS, sets):
        write(base + lang + ".resx", entries)


if __name__ == "__main__":
    main()
