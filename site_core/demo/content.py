"""The demo's texts, read from the JSON files in `data/` (UTF-8, one file per part).

Texts were written for the demo; people are fictional (Nguyễn Văn A, Trần Thị B...). The
central documents (57-NQ/TW, 45-CT/TW, 01-KL/TW, 36-HD/VPTW) carry their public number, date
and subject; the provincial ones are invented. The history has every fact of the history
table in the domain notes (1698, 1808 with the 1802/1808 note, 1976, 1991, 29/09/2022,
01/07/2025, 30/09/2025); the other events are broad, well-known milestones. English texts
write proper names without diacritics, as the province's English pages do.

Body items, as `steps.stream` takes them: ["heading", text], ["paragraph", html] or
["quote", text, attribution]. The loaders only turn the JSON into what the steps use: ISO
dates into `datetime` values, lists of duties into an HTML list, and the texts written once
for every ward and commune Party committee into one unit each.
"""

import datetime
import json
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


def read(name):
    with open(DATA_DIR / f"{name}.json", encoding="utf-8") as handle:
        return json.load(handle)


def bullets(items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def site():
    """Portal settings, links, the home page and its sections in menu order.

    A section's "kind" selects its page model; standard pages have a "body", the others an
    "intro".
    """
    return read("site")


def history():
    """Periods with a text and timeline events (month, day and note are optional)."""
    return read("history")


def org():
    """Terms, people, and the org chart's units in tree order with their members.

    A unit's "parent" is the key of its parent unit, null for the chart itself; its
    "terms" the terms it existed in (none: every term). A member holds the position in
    the current term from its first day, unless "start" says otherwise; a "former" member
    held it in the previous term, until the day before the current one began unless "end"
    says otherwise; a member with a "term" of an earlier term held it then, on dates only
    if given. The ward and commune Party committees (set up on "since") share one unit
    text with {key} and {place} filled in.
    """
    data = read("org")
    current, previous = data["terms"]["current"], data["terms"]["previous"]
    current_start = datetime.date.fromisoformat(current["start"])
    previous_start = datetime.date.fromisoformat(previous["start"])
    terms = [
        {"term": current["term"], "congress": current.get("congress"), "current": True},
        {"term": previous["term"], "congress": previous.get("congress"), "current": False},
    ] + [
        {"term": earlier["term"], "congress": earlier.get("congress"), "current": False}
        for earlier in data["terms"].get("earlier", [])
    ]

    def date(value):
        return datetime.date.fromisoformat(value) if value else None

    def membership(member):
        start, end = member.get("start"), member.get("end")
        if member.get("term"):
            return {
                "person": member["person"],
                "position": member["position"],
                "term": member["term"],
                "start": date(start),
                "end": date(end),
            }
        if member.get("former"):
            return {
                "person": member["person"],
                "position": member["position"],
                "term": previous["term"],
                "start": date(start) or previous_start,
                "end": date(end) or current_start - datetime.timedelta(days=1),
            }
        return {
            "person": member["person"],
            "position": member["position"],
            "term": current["term"],
            "start": date(start) or current_start,
            "end": None,
        }

    units = [
        {
            **spec,
            "functions": bullets(spec["functions"]),
            "members": list(map(membership, spec["members"])),
        }
        for spec in data["units"]
    ]
    local = data["local_committees"]
    template = local["unit"]
    for committee in local["committees"]:
        names = {"key": committee["key"], "place": committee["place"]}
        units.append(
            {
                "key": committee["key"],
                "parent": None,
                "title": template["title"].format(**names),
                "kind": template["kind"],
                "abbreviation": template["abbreviation"],
                "functions": bullets(line.format(**names) for line in template["functions"]),
                "address": template["address"].format(**names),
                "phone": committee["phone"],
                "email": template["email"].format(**names),
                "terms": template.get("terms", []),
                "members": [
                    membership(
                        {
                            "person": committee["secretary"],
                            "position": template["position"].format(**names),
                            "start": local["since"],
                        }
                    )
                ],
            }
        )
    people = {
        key: {**person, "biography": data["biography"].format(name=person["name"])}
        for key, person in data["people"].items()
    }
    return {
        "terms": terms,
        "people": people,
        "units": units,
        "unit_summary": data["unit_summary"],
    }


def documents():
    """Party documents, the provincial signers by term, and the text of a body left out.

    A document's "summary" (trích yếu) starts in lower case, to read after its type and
    number. Without "signer", the provincial leader of its term signs for its "authority"
    (T/M, K/T, T/L). Without "paragraphs", the body is the template with {subject} filled in.
    """
    data = read("documents")
    for spec in data["documents"]:
        for field in ("issued", "effective", "expired"):
            if spec.get(field):
                spec[field] = datetime.date.fromisoformat(spec[field])
    return data


def news():
    """News categories, articles (2024–2026) and events placed around the run date.

    An article's "unit" is the key of an org unit, "docs" keys of documents; its body is its
    "detail", then one of its first category's texts, chosen by the article's position.
    An event starts "offset_days" after the run date and lasts "hours" or "days".
    """
    data = read("news")
    for spec in data["articles"]:
        spec["date"] = datetime.datetime.fromisoformat(spec["date"])
    for spec in data["events"]:
        spec["time"] = datetime.time.fromisoformat(spec["time"])
    return data


def english():
    """English texts: the home, every section, the history periods, a few articles, events and
    documents, the portal settings, snippet names.

    Sections and units are keyed like their Vietnamese originals; the ward and commune
    Party committees share one text with {place} filled in from "places".
    """
    data = read("english")
    local = data["local_committees"]
    template = local["unit"]
    units = {
        key: {**spec, "functions": bullets(spec["functions"])}
        for key, spec in data["units"].items()
    }
    positions = dict(data["positions"])
    vietnamese = read("org")["local_committees"]
    for committee in vietnamese["committees"]:
        place = local["places"][committee["key"]]
        units[committee["key"]] = {
            "title": template["title"].format(place=place),
            "functions": bullets(line.format(place=place) for line in template["functions"]),
            "address": template["address"].format(place=place),
        }
        key = vietnamese["unit"]["position"].format(place=committee["place"])
        positions[key] = template["position"].format(place=place)
    for spec in units.values():
        spec.setdefault("address", data["address"])
    return {**data, "units": units, "positions": positions}


def subportals():
    """The demo's sub-portals: a ward Party committee and the provincial Party agencies'
    committee, each with its unit in the org chart (a key of org.json), its issuing body,
    role accounts, a dozen articles ([title, category slug, sapo]) and a few documents
    ([type, number, summary, date issued])."""
    data = read("subportals")
    for portal in data["subportals"]:
        portal["documents"] = [
            [kind, number, summary, datetime.date.fromisoformat(issued)]
            for kind, number, summary, issued in portal["documents"]
        ]
    return data
