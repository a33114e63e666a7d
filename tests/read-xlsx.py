#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Prints every sheet of an XLSX workbook, read with the standard library
only (zipfile and the sheets' XML): "== NAME" then one line per row, cells
separated by tabs (numbers as written, shared strings resolved). For the
tests' read-back of escale's La Coop workbook."""
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "p": "http://schemas.openxmlformats.org/package/2006/relationships"}


def column(ref):
    n = 0
    for ch in re.match(r"[A-Z]+", ref).group(0):
        n = n * 26 + ord(ch) - 64
    return n - 1


def main(path):
    book = zipfile.ZipFile(path)
    shared = []
    if "xl/sharedStrings.xml" in book.namelist():
        for si in ET.fromstring(book.read("xl/sharedStrings.xml")).findall("m:si", NS):
            shared.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
    rels = {r.get("Id"): r.get("Target") for r in
            ET.fromstring(book.read("xl/_rels/workbook.xml.rels")).findall("p:Relationship", NS)}
    for sheet in ET.fromstring(book.read("xl/workbook.xml")).find("m:sheets", NS):
        target = rels[sheet.get("{%s}id" % NS["r"])]
        print("== " + sheet.get("name"))
        data = ET.fromstring(book.read("xl/" + target.lstrip("/").replace("xl/", "", 1)))
        for row in data.iter("{%s}row" % NS["m"]):
            cells = {}
            for c in row.findall("m:c", NS):
                v = c.find("m:v", NS)
                text = "" if v is None else v.text
                if c.get("t") == "s":
                    text = shared[int(text)]
                elif c.get("t") == "inlineStr":
                    text = "".join(t.text or "" for t in c.iter("{%s}t" % NS["m"]))
                cells[column(c.get("r"))] = text
            width = max(cells) + 1 if cells else 0
            print("\t".join(cells.get(i, "") for i in range(width)))


if __name__ == "__main__":
    main(sys.argv[1])
