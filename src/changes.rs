//! What changed between two versions of an offer: the terms fields and the figures. One
//! computation for both places that print changes: an amendment's table of what it changed
//! and `secdraft diff`'s changelog.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::figures::{Figure, FigureId, Figures};
use crate::format;
use crate::terms::{ClosingPrice, Date, Positive, Shares, Terms};

/// A figure whose printed form differs, or that only one side has.
#[derive(Debug, Clone, Copy)]
pub struct FigureChange<'a> {
    pub id: FigureId,
    pub before: Option<&'a Figure>,
    pub after: Option<&'a Figure>,
}

/// Each figure printed differently on the two sides, or on one side only: in the order of
/// `before`, then those only `after` has.
pub fn figures<'a>(before: &'a Figures, after: &'a Figures) -> Vec<FigureChange<'a>> {
    let mut ids: Vec<FigureId> = before.all().iter().map(|f| f.id).collect();
    ids.extend(after.all().iter().map(|f| f.id).filter(|id| before.of(*id).is_none()));
    ids.into_iter()
        .map(|id| FigureChange { id, before: before.of(id), after: after.of(id) })
        .filter(|c| c.before.map(Figure::display) != c.after.map(Figure::display))
        .collect()
}

/// A field of the terms whose value differs: its path, and its value on each side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermChange {
    pub path: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// The terms field by field: path -> value as written.
pub fn fields(terms: &Terms) -> Result<BTreeMap<String, String>, serde_json::Error> {
    let mut out = BTreeMap::new();
    flatten("", &serde_json::to_value(terms)?, &mut out);
    Ok(out)
}

/// Each field whose value differs between two sets of [`fields`], by path, in path order.
pub fn terms(old: &BTreeMap<String, String>, new: &BTreeMap<String, String>) -> Vec<TermChange> {
    let paths: BTreeSet<&String> = old.keys().chain(new.keys()).collect();
    paths
        .into_iter()
        .filter(|path| old.get(*path) != new.get(*path))
        .map(|path| TermChange {
            path: path.clone(),
            before: old.get(path).cloned(),
            after: new.get(path).cloned(),
        })
        .collect()
}

/// A term of the offer as an amendment's table of changes prints it: what it is, and its
/// printed value before and after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TermRow {
    pub what: String,
    pub before: String,
    pub after: String,
    /// Whether the term is one class's own (its maximum, minimum, price, closing price) rather
    /// than the offer's: an offer for several classes names the class beside it.
    #[serde(skip)]
    pub of_class: bool,
    /// What part of the offer the term belongs to, for the amendment that states its changes
    /// part by part.
    pub topic: Topic,
}

/// The part of the offer a changed term belongs to: each part is stated in the Offer's own
/// sections, and an amendment amends those sections.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    /// What is sought, what is paid or issued for it, and the figures that follow from them.
    Consideration,
    /// The minimum condition.
    Minimum,
    /// The other conditions of the Offer.
    Conditions,
    /// The expiration date and time.
    Expiration,
}

impl Topic {
    /// The topic of a changed term of `offer_terms`, by what the row names.
    fn of(what: &str) -> Topic {
        if what.starts_with("Minimum condition") {
            Topic::Minimum
        } else if what.starts_with("Expiration") {
            Topic::Expiration
        } else if what.starts_with("Conditions of the Offer") {
            Topic::Conditions
        } else {
            Topic::Consideration
        }
    }
}

/// Each term of the offer printed differently in `new` than in `old`, in the order an
/// amendment states them: the amount sought, the consideration, the measure of the premiums,
/// the expiration, the conditions. The figures that move with them are [`figures`]. `term`
/// is what the documents call the class's shares ("Shares", "Series B Shares").
pub fn offer_terms(old: &Terms, new: &Terms, term: &str) -> Vec<TermRow> {
    let mut rows = Vec::new();
    let mut row = |what: String, before: String, after: String, of_class: bool| {
        if before != after {
            let topic = Topic::of(&what);
            rows.push(TermRow { what, before, after, of_class, topic });
        }
    };
    let shares =
        |n: Option<Shares>| n.and_then(|s| format::shares(s.decimal())).unwrap_or_else(|| "none".into());
    let money = |p: Option<Positive>| p.map(|p| format::money(p.0)).unwrap_or_default();
    row("Maximum shares sought".into(), shares(old.offer.max_shares), shares(new.offer.max_shares), true);
    // An offer for notes is stated in principal amount, its price per denomination.
    let principal = |p: Option<Positive>| p.map_or_else(|| "none".into(), |p| format::dollars(p.0));
    if let Some(notes) = &new.security.notes {
        row(
            "Aggregate principal amount of Notes sought".into(),
            principal(old.offer.max_principal),
            principal(new.offer.max_principal),
            true,
        );
        let minimum = |t: &Terms| {
            t.offer.min_principal.map_or_else(
                || "none".into(),
                |p| format!("at least {} aggregate principal amount of Notes", format::dollars(p.0)),
            )
        };
        row("Minimum condition".into(), minimum(old), minimum(new), true);
        row(
            format!("Purchase price per {} principal amount of Notes", format::dollars(notes.denomination.0)),
            money(old.offer.cash_price),
            money(new.offer.cash_price),
            true,
        );
    }
    let minimum = |t: &Terms| match (t.offer.min_shares, t.offer.min_percent) {
        (None, Some(p)) => format::percent(p.fraction(), p.as_written().scale())
            .map_or_else(|_| "none".into(), |p| format!("at least {p} of the outstanding {term}")),
        (Some(n), _) => format!("at least {} {term}", shares(Some(n))),
        (None, None) => "none".into(),
    };
    if new.security.notes.is_none() {
        row("Minimum condition".into(), minimum(old), minimum(new), true);
    }
    if let (Some(o), Some(n)) = (&old.offer.consideration, &new.offer.consideration) {
        let name = &n.security.short_name.0;
        let places = new.presentation.percent_places.dividend_rate.0;
        let rate = |c: &crate::terms::Consideration| {
            c.security.rate().map_or_else(String::new, |(r, _)| {
                format::percent(r.fraction(), places)
                    .unwrap_or_else(|_| r.as_written().normalize().to_string())
            })
        };
        let face = |c: &crate::terms::Consideration| {
            c.security.face().map(|(p, _)| format::money(p.0)).unwrap_or_default()
        };
        let (rate_name, face_name) = if n.security.is_debt() {
            ("Interest rate", "Principal amount of each")
        } else {
            ("Dividend rate", "Liquidation preference per share")
        };
        row(format!("{rate_name} of the {name}"), rate(o), rate(n), false);
        row(format!("{face_name} of the {name}"), face(o), face(n), false);
        let cash = |c: &crate::terms::Consideration| {
            c.cash_per_share.map_or_else(|| "none".into(), |p| format::money(p.0))
        };
        row("Cash paid for each Share with the new securities".into(), cash(o), cash(n), false);
        // A ratio derived from designated values is stated with them: the Offer divides one by
        // the other, so an amendment that changes a value states it.
        if let (Some(was), Some(now)) = (&o.designated_values, &n.designated_values) {
            let one = term.strip_suffix('s').unwrap_or(term);
            let value = |v: Positive| format::money(v.0);
            row(
                format!("Designated value per {one}"),
                value(was.share_sought),
                value(now.share_sought),
                true,
            );
            row(
                format!("Designated value per share of the {name}"),
                value(was.new_share),
                value(now.new_share),
                true,
            );
        }
    }
    if new.security.notes.is_none() {
        row("Cash price per share".into(), money(old.offer.cash_price), money(new.offer.cash_price), true);
    }
    if let (Some(o), Some(n)) = (&old.offer.auction, &new.offer.auction) {
        row("Minimum price".into(), format::money(o.min_price.0), format::money(n.min_price.0), true);
        row("Maximum price".into(), format::money(o.max_price.0), format::money(n.max_price.0), true);
    }
    let closing = |c: &Option<ClosingPrice>| {
        c.as_ref().map_or_else(
            || "none".into(),
            |c| format!("{} on {}", format::money(c.price.0), format::date(c.date.0)),
        )
    };
    row(
        "Closing price the premiums are measured against".into(),
        closing(&old.security.closing_price),
        closing(&new.security.closing_price),
        true,
    );
    // The common stock offered is valued at its own closing price.
    if let (Some(o), Some(n)) = (&old.offer.consideration, &new.offer.consideration)
        && n.security.is_common_stock()
    {
        row(
            format!("Closing price of the {} offered", n.security.short_name.0),
            closing(&o.security.closing_price),
            closing(&n.security.closing_price),
            false,
        );
    }
    let expiration = |d: Option<Date>| d.map(|d| format::date_with_weekday(d.0)).unwrap_or_default();
    row("Expiration date".into(), expiration(old.dates.expiration), expiration(new.dates.expiration), false);
    row(
        "Expiration time (New York City time)".into(),
        old.dates.expiration_time.words().into(),
        new.dates.expiration_time.words().into(),
        false,
    );
    if old.offer.conditions.iter().map(|c| &c.0).ne(new.offer.conditions.iter().map(|c| &c.0)) {
        rows.push(TermRow {
            what: "Conditions of the Offer".into(),
            before: format!("{} conditions", old.offer.conditions.len()),
            after: format!("{} conditions, as amended", new.offer.conditions.len()),
            of_class: false,
            topic: Topic::Conditions,
        });
    }
    rows
}

/// Flattens a value as JSON into field path -> value.
fn flatten(prefix: &str, value: &serde_json::Value, out: &mut BTreeMap<String, String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                let path = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
                flatten(&path, v, out);
            }
        }
        serde_json::Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                flatten(&format!("{prefix}[{i}]"), v, out);
            }
        }
        serde_json::Value::Null => {}
        serde_json::Value::String(s) => {
            out.insert(prefix.to_owned(), s.clone());
        }
        other => {
            out.insert(prefix.to_owned(), other.to_string());
        }
    }
}
