"""The Python peer of secdraft for the benchmark: the same pipeline with PyYAML, Jinja2 and
Python-Markdown. It loads a terms file, computes the figures with Decimal, renders the same
templates (bench/peer/templates, translated from templates/ by translate.py) and writes the
Markdown and HTML of the set. It is a yardstick, not a second product: it checks nothing and
reports no located errors.

    python render.py TERMS.yaml OUTDIR [TERMS.yaml OUTDIR ...]
"""

import datetime as dt
import os
import re
import sys
from decimal import ROUND_HALF_UP, ROUND_FLOOR, Decimal

import jinja2
import markdown
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))

# ---------------------------------------------------------------- loading


def exact(value):
    """Numbers as exact decimals: PyYAML reads 0.083 as a float; its repr is the literal."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, (int, float)):
        return Decimal(repr(value))
    if isinstance(value, str):
        text = value.replace("_", "")
        if re.fullmatch(r"-?\d+(\.\d+)?", text):
            return Decimal(text)
        if re.fullmatch(r"-?\d+(\.\d+)?%", text):
            return Decimal(text[:-1]) / 100
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return [exact(v) for v in value]
    if isinstance(value, dict):
        return {k: exact(v) for k, v in value.items()}
    return value


class Node(dict):
    """A mapping of the terms: an absent optional field reads as none, as serde's defaults do."""

    def __missing__(self, key):
        return None


def nodes(value):
    if isinstance(value, dict):
        return Node({k: nodes(v) for k, v in value.items()})
    if isinstance(value, list):
        return [nodes(v) for v in value]
    return value


def load(path):
    with open(path, encoding="utf-8") as f:
        t = nodes(exact(yaml.safe_load(f)))
    t["dates"].setdefault("expiration_time", "one minute after 11:59 p.m.")
    t["offer"].setdefault("odd_lot_priority", True)
    t["offer"].setdefault("conditional_tenders", True)
    t["offer"].setdefault("conditions", [])
    t.setdefault("disclosure", Node())
    t["disclosure"].setdefault("risk_factors", [])
    t["security"].setdefault("price_history", [])
    places = t.setdefault("presentation", Node()).setdefault("percent_places", Node())
    for key in ("premium", "dividend_yield", "total_premium", "dividend_rate", "proration", "of_outstanding"):
        places.setdefault(key, 0)
    t.setdefault("agents", Node())
    if t["results"] is not None:
        for key in ("guaranteed_delivery", "odd_lots", "additional_accepted"):
            t["results"].setdefault(key, 0)
    if t["dates"]["expiration"] is None and t["dates"]["commencement"]:
        t["dates"]["expiration"] = str(period_end(dt.date.fromisoformat(t["dates"]["commencement"]), 20))
    return t


# ---------------------------------------------------------------- format


def grouped(value, places):
    q = Decimal(1).scaleb(-places)
    v = value.quantize(q, rounding=ROUND_HALF_UP)
    return f"{v:,.{places}f}"


def money(value, places=None):
    value = Decimal(value)
    if places is None:
        scale = max(0, -value.normalize().as_tuple().exponent)
        places = min(max(scale, 2), 4)
    return "$" + grouped(value, places)


def shares(value):
    return grouped(Decimal(value), 0)


def percent(value, places=0, abs=False):
    value = Decimal(value)
    if abs:
        value = value.copy_abs()
    return grouped(value * 100, places) + "%"


ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen").split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def words(value):
    n = int(Decimal(value))
    if n == 0:
        return "zero"
    out = []

    def below(k):
        h, r = divmod(k, 100)
        if h:
            out.append(ONES[h] + " hundred")
        if r >= 20:
            out.append(TENS[r // 10] + ("-" + ONES[r % 10] if r % 10 else ""))
        elif r:
            out.append(ONES[r])

    for scale, name in ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"), (10**3, "thousand")):
        if n >= scale:
            below(n // scale)
            out.append(name)
            n %= scale
    below(n)
    return " ".join(out)


def date(value, weekday=False):
    d = dt.date.fromisoformat(str(value))
    text = f"{d.strftime('%B')} {d.day}, {d.year}"
    return f"{d.strftime('%A')}, {text}" if weekday else text


def ratio(value):
    v = Decimal(value).normalize()
    return (f"{int(v):,}" if v == v.to_integral() else str(v)) + " to 1"


def with_article(word):
    return ("an " if word[:1].lower() in "aeio" else "a ") + word


MD_ALWAYS = set("\\`*_[]|")


def md_escape(value):
    if isinstance(value, (Decimal, int)) or value is None or isinstance(value, bool):
        return value
    if isinstance(value, jinja2.runtime.Undefined):
        return value
    text = str(value)
    out = []
    line_start = True
    for i, c in enumerate(text):
        rest = text[i + 1:]
        needs = (c in MD_ALWAYS or (line_start and c in "#>-+=")
                 or (c == "<" and rest[:1] and (rest[0].isalpha() or rest[0] in "/!?"))
                 or (c == "&" and re.match(r"[#A-Za-z0-9]+;", rest)))
        if needs:
            out.append("\\")
        out.append(c)
        if c == "\n":
            line_start = True
        elif not c.isspace():
            line_start = False
    return "".join(out)


# ---------------------------------------------------------------- calendar


def nth_weekday(year, month, weekday, n):
    if n == 5:
        d = dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)
        while d.weekday() != weekday:
            d -= dt.timedelta(days=1)
        return d
    d = dt.date(year, month, 1)
    return d + dt.timedelta(days=(weekday - d.weekday()) % 7 + 7 * (n - 1))


def observed(d):
    return d - dt.timedelta(days=1) if d.weekday() == 5 else d + dt.timedelta(days=1) if d.weekday() == 6 else d


def holidays(year):
    days = {observed(dt.date(year, 1, 1)), nth_weekday(year, 1, 0, 3), nth_weekday(year, 2, 0, 3),
            nth_weekday(year, 5, 0, 5), observed(dt.date(year, 7, 4)), nth_weekday(year, 9, 0, 1),
            nth_weekday(year, 10, 0, 2), observed(dt.date(year, 11, 11)), nth_weekday(year, 11, 3, 4),
            observed(dt.date(year, 12, 25))}
    if year >= 2021:
        days.add(observed(dt.date(year, 6, 19)))
    if dt.date(year + 1, 1, 1).weekday() == 5:
        days.add(dt.date(year, 12, 31))
    return {d for d in days if d.year == year} | {dt.date(2018, 12, 5), dt.date(2020, 12, 24), dt.date(2025, 1, 9)}


def business(d):
    return d.weekday() < 5 and d not in holidays(d.year)


def period_end(start, n):
    d = start
    while not business(d):
        d += dt.timedelta(days=1)
    count = 1
    while count < n:
        d += dt.timedelta(days=1)
        if business(d):
            count += 1
    return d


def next_business(d):
    d += dt.timedelta(days=1)
    while not business(d):
        d += dt.timedelta(days=1)
    return d


# ---------------------------------------------------------------- figures


def stage_of(t):
    form = t["filing"]["form"]
    if form == "SC TO-C":
        return "intent"
    if form in ("SC TO-I", "SC TO-T"):
        return "commencement"
    return "results" if "final_amendment" in t["filing"].get("cover_boxes", []) else "amendment"


def kind_of(t):
    offer = t["offer"]
    return "dutch_auction" if offer.get("auction") else "cash" if offer.get("cash_price") else "exchange"


def amended(t, through):
    import copy
    t = nodes(copy.deepcopy(t))
    for a in t.get("amendments", []):
        if a["number"] > through:
            continue
        ch = a.get("changes", {})
        for key in ("max_shares", "min_shares", "cash_price"):
            if key in ch:
                t["offer"][key] = ch[key]
        if "aggregate_liquidation_preference" in ch:
            t["offer"]["consideration"]["aggregate_liquidation_preference"] = ch["aggregate_liquidation_preference"]
            t["offer"]["consideration"].pop("block", None)
        if "block" in ch:
            t["offer"]["consideration"]["block"] = ch["block"]
            t["offer"]["consideration"].pop("aggregate_liquidation_preference", None)
        for key in ("min_price", "max_price"):
            if key in ch:
                t["offer"]["auction"][key] = ch[key]
        if "expiration" in ch:
            t["dates"]["expiration"] = ch["expiration"]
        if "conditions" in ch:
            t["offer"]["conditions"] = ch["conditions"]
    return t


RATES = [(2022, dt.date(2021, 10, 1), Decimal("92.70")), (2023, dt.date(2022, 10, 1), Decimal("110.20")),
         (2024, dt.date(2023, 10, 1), Decimal("147.60")), (2025, dt.date(2024, 10, 1), Decimal("153.10")),
         (2026, dt.date(2025, 10, 1), Decimal("138.10"))]


def rate_on(day):
    return [r for r in RATES if r[1] <= day][-1][2]


def cents(v):
    return v.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def compute(whole, t):
    f = {}
    kind = kind_of(t)
    closing = t["security"]["closing_price"]["price"]
    offer = t["offer"]
    if kind == "exchange":
        c = offer["consideration"]
        lp = c["security"]["liquidation_preference"]
        m = offer["max_shares"]
        if c.get("aggregate_liquidation_preference"):
            agg = c["aggregate_liquidation_preference"]
            new = agg / lp
            r = m / new
        else:
            n, k = c["block"]["shares"], c["block"]["new_shares"]
            new = m / n * k
            r = n / k
            agg = new * lp
        eff = lp / r
        div = c["security"]["dividend_rate"] * eff
        f.update(effective_price=eff, premium=eff / closing - 1, annual_dividend=div, dividend_yield=div / closing,
                 total_premium=(eff + div) / closing - 1, exchange_ratio=r, max_new_shares=new,
                 aggregate_liquidation_preference=agg)
        sought = m
    elif kind == "cash":
        p = offer["cash_price"]
        f.update(purchase_price=p, premium=p / closing - 1, aggregate_purchase_price=p * offer["max_shares"])
        sought = offer["max_shares"]
    else:
        a = offer["auction"]
        f.update(price_points=(a["max_price"] - a["min_price"]) / a["increment"] + 1,
                 premium_at_min_price=a["min_price"] / closing - 1, premium_at_max_price=a["max_price"] / closing - 1)
        if offer.get("max_shares"):
            sought = offer["max_shares"]
            f.update(aggregate_at_max_price=sought * a["max_price"], aggregate_at_min_price=sought * a["min_price"])
        else:
            sought = (a["max_dollars"] / a["min_price"]).to_integral_value(ROUND_FLOOR)
            f.update(shares_at_min_price=sought,
                     shares_at_max_price=(a["max_dollars"] / a["max_price"]).to_integral_value(ROUND_FLOOR))
    out = t["security"].get("shares_outstanding")
    if out:
        f.update(two_percent_allowance=(out * Decimal("0.02")).to_integral_value(ROUND_FLOOR),
                 percent_of_outstanding=Decimal(sought) / out)
    stage = stage_of(whole)
    if stage == "results":
        r = t["results"]
        price = offer.get("cash_price")
        eligible = r["tendered"]
        capacity = offer.get("max_shares", 0)
        if kind == "dutch_auction":
            a = offer["auction"]
            points = [a["min_price"] + a["increment"] * i for i in range(int(f["price_points"]))]
            tenders = [(x.get("price"), x["shares"]) for x in r["tenders_by_price"]]
            price = next((p for p in points if sum(s for q, s in tenders if q is None or q <= p) >= capacity),
                         max(q for q, _ in tenders if q is not None))
            eligible = sum(s for q, s in tenders if q is None or q <= price)
            f.update(purchase_price=price, tendered_at_or_below_price=eligible)
        capacity += r.get("additional_accepted", 0)
        odd = min(r.get("odd_lots", 0), eligible)
        lot = 1
        if kind == "exchange":
            lot = int(f["exchange_ratio"]) if f["exchange_ratio"] == f["exchange_ratio"].to_integral() else 1
        if eligible <= capacity:
            accepted, factor = eligible, Decimal(1)
        else:
            factor = Decimal(capacity - odd) / Decimal(eligible - odd)
            rest = (eligible - odd) * (capacity - odd) // (eligible - odd)
            accepted = odd + rest - rest % lot
        f.update(shares_purchasable=capacity, shares_accepted=accepted, proration_factor=factor)
        if kind == "exchange":
            f["new_shares_issued"] = accepted // lot
        else:
            f["aggregate_paid"] = accepted * price
        if out:
            f["shares_outstanding_after"] = out - accepted
    if stage != "intent":
        if kind == "exchange":
            mv = t["fee"]["market_value"]
            valuation = (mv["high"] + mv["low"]) / 2 * offer["max_shares"]
        elif kind == "cash":
            valuation = offer["cash_price"] * offer["max_shares"]
        else:
            valuation = offer["auction"]["max_price"] * offer["max_shares"]
        rate = rate_on(dt.date.fromisoformat(whole["filing"]["date"]))
        fee = cents(valuation * rate / 1000000)
        previous = Decimal(0)
        if whole["filing"]["form"].endswith("/A"):
            previous = fee
        f.update(transaction_valuation=valuation, fee_rate=rate / 1000000, filing_fee=fee,
                 fees_previously_paid=previous, fee_offsets=Decimal(0), net_fee_due=max(Decimal(0), fee - previous))
    return {k: str(v) for k, v in f.items()}


# ---------------------------------------------------------------- context

SECTIONS = [
    ("number_of_shares", "Number of Shares; Proration"), ("purpose", "Purpose of the Offer; Certain Effects of the Offer"),
    ("procedures", "Procedures for Tendering Shares"), ("withdrawal", "Withdrawal Rights"), ("acceptance", None),
    ("conditional_tender", "Conditional Tender of Shares"), ("conditions", "Conditions of the Offer"), ("price_range", None),
    ("source_of_funds", None), ("company_information", "Information Concerning the Company"),
    ("interests", "Interests of Directors and Executive Officers; Transactions and Arrangements Concerning the Shares"),
    ("effects", "Effects of the Offer on the Market for Shares; Registration under the Exchange Act"),
    ("legal_matters", "Legal Matters; Regulatory Approvals"), ("tax", "Material U.S. Federal Income Tax Consequences"),
    ("extension", "Extension of the Offer; Termination; Amendment"), ("fees", "Fees and Expenses"), ("miscellaneous", "Miscellaneous"),
]


def sections(t, kind):
    exchange = kind == "exchange"
    out = [dict(key="summary", number="", title="Summary Term Sheet", anchor="summary-term-sheet"),
           dict(key="forward_looking", number="", title="Forward-Looking Statements", anchor="forward-looking-statements")]
    if exchange or t.get("disclosure", {}).get("risk_factors"):
        out.append(dict(key="risk_factors", number="", title="Risk Factors", anchor="risk-factors"))
    titles = dict(acceptance="Acceptance for Exchange of Shares and Delivery of Consideration" if exchange
                  else "Purchase of Shares and Payment of Purchase Price",
                  price_range=f"Price Range of the {t['security']['title']}; Dividends",
                  source_of_funds="Source and Amount of Consideration" if exchange else "Source and Amount of Funds")
    items = [(k, v or titles[k]) for k, v in SECTIONS]
    if exchange:
        new = t["offer"]["consideration"]["security"]["short_name"]
        items += [("description", f"Description of the {new}"),
                  ("comparison", f"Comparison of Rights Between the {t['security']['title']} and the {new}"),
                  ("accounting", "Accounting Treatment"), ("exemption", "Registration Exemption under the Securities Act")]
    for i, (k, title) in enumerate(items):
        out.append(dict(key=k, number=str(i + 1), title=title, anchor=f"section-{i + 1}"))
    return out


def context(t):
    stage = stage_of(t)
    n = t["filing"].get("amendment", 0) or 0
    force = amended(t, n)
    kind = kind_of(force)
    figures = compute(t, force)
    boxes = t["filing"].get("cover_boxes", [])
    checked = {b: b in boxes for b in ("third_party_tender_offer", "issuer_tender_offer", "going_private_transaction",
                                       "amendment_to_schedule_13d", "final_amendment", "cross_border_issuer_tender_offer",
                                       "cross_border_third_party_tender_offer")}
    checked["preliminary_communication"] = stage == "intent"
    persons = t["filing_persons"]
    names = {"offeror": "Offeror", "issuer": "Issuer", "other_person": "Other Person"}
    sole = None
    if len(persons) == 1 and persons[0]["name"] == t["issuer"]["name"]:
        roles = [names[r] for r in persons[0]["roles"] if r != "issuer"]
        sole = " and ".join(roles) or "Offeror"
    stem = "offer-to-exchange" if kind == "exchange" else "offer-to-purchase"
    docs = ["schedule-to", stem, "press-release"] if stage == "commencement" else ["schedule-to", "press-release"]
    secs = sections(force, kind)
    offer_dates = None
    if stage != "intent":
        start = dt.date.fromisoformat(t["dates"]["commencement"])
        expiration = dt.date.fromisoformat(force["dates"]["expiration"])
        offer_dates = dict(commencement=str(start), withdrawal_after=str(period_end(start, 40)),
                           extension_notice_by=str(next_business(expiration)))
    amendment = next((a for a in t.get("amendments", []) if a["number"] == n), None) if stage == "amendment" else None
    previous = amended(t, n - 1) if amendment else None
    changes = []
    if amendment:
        before = compute(t, previous)
        changes = [dict(what=k, before=v, after=figures.get(k)) for k, v in before.items() if figures.get(k) != v]
    exhibits = [dict(number="99.1", description="Press release", file="press-release.md", in_set=True)]
    if stage != "intent":
        exhibits = [dict(number="(a)(1)(A)", description="Offer", file=f"{stem}.md", in_set=stage == "commencement"),
                    dict(number="(a)(5)(A)", description="Press release", file="press-release.md", in_set=True),
                    dict(number="107", description="Filing Fee Table", file="filing-fees.htm", in_set=True)]
    return dict(
        terms=force, stage=stage, kind=kind, figures=figures, previous_figures={},
        previous_terms=previous, form=dict(name=t["filing"]["form"], amendment=t["filing"].get("amendment"),
                                           pre_commencement=stage == "intent"),
        cover=dict(checked=checked, sole_filer_status=sole,
                   filing_persons=[dict(name=p["name"], status=" and ".join(names[r] for r in p["roles"])) for p in persons]),
        offeror=dict(name=persons[0]["name"], is_issuer=persons[0]["name"] == t["issuer"]["name"]),
        documents={d.replace("-", "_"): d + ".md" for d in docs},
        offer_doc=dict(title="Offer to Exchange" if kind == "exchange" else "Offer to Purchase", file=f"{stem}.md",
                       verb="exchange" if kind == "exchange" else "purchase", sections=secs,
                       section=Node({s["key"]: s for s in secs})),
        agent_title="Exchange Agent" if kind == "exchange" else "Depositary", exhibits=exhibits,
        new_exhibits=exhibits[1:2] if stage in ("amendment", "results") else [], amendment=amendment, changes=changes,
        signature=t.get("signature") or dict(name=t["notices"]["name"], title=t["notices"]["title"]),
        offer_dates=offer_dates,
        premium_direction="increase" if Decimal(figures.get("premium", figures.get("premium_at_max_price", "0"))) >= 0 else "decrease",
    ), docs


def environment():
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(os.path.join(HERE, "templates")), finalize=md_escape,
                             undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    env.filters.update(money=money, shares=shares, percent=percent, ratio=ratio, words=words, date=date,
                       with_article=with_article, checkbox=lambda b: "\u2612" if b else "\u2610",
                       anchor=lambda a: jinja2.utils.markupsafe.Markup("{#" + a + "}"))
    env.tests["ending_with"] = lambda s, pat: str(s).endswith(pat)
    return env


def tidy(text):
    out, blank = [], True
    for line in text.splitlines():
        line = line.rstrip()
        if not line:
            if not blank:
                out.append("")
            blank = True
        else:
            out.append(line)
            blank = False
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"


def render(env, terms_path, out_dir):
    t = load(terms_path)
    ctx, docs = context(t)
    os.makedirs(out_dir, exist_ok=True)
    template_of = {"schedule-to": "schedule-to.md", "press-release": "press-release.md",
                   "offer-to-exchange": "offer.md", "offer-to-purchase": "offer.md"}
    for doc in docs:
        md = tidy(env.get_template(template_of[doc]).render(**ctx))
        html = markdown.markdown(md, extensions=["tables", "attr_list"])
        with open(os.path.join(out_dir, doc + ".md"), "w", encoding="utf-8") as f:
            f.write(md)
        with open(os.path.join(out_dir, doc + ".htm"), "w", encoding="ascii", errors="xmlcharrefreplace") as f:
            f.write(f"<html><head><title>{doc}</title></head><body>{html}</body></html>\n")


if __name__ == "__main__":
    env = environment()
    args = sys.argv[1:]
    for i in range(0, len(args), 2):
        render(env, args[i], args[i + 1])
