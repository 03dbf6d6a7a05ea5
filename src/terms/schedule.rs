//! What the calendar and the timetable read of the terms: the days the terms add to or remove
//! from the holidays, and the offer's dates and amendments as a [`Schedule`].

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Changes, Date, FilingRole, Shares, Stage, Terms};
use crate::calendar::{Calendar, ExecutiveOrders, Overrides};
use crate::timetable::{Materiality, Schedule, ScheduledAmendment};

/// Days a terms file adds to or removes from the holidays, for closures the built-in list
/// lacks or disputes, and whether the closures by executive order count as business days.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CalendarDays {
    /// Days that are not business days although the rules would count them.
    #[serde(default)]
    pub add: Vec<Date>,
    /// Holidays or closures that should count as business days.
    #[serde(default)]
    pub remove: Vec<Date>,
    /// Whether the closures by executive order count as business days (by default they do
    /// not; see [`ExecutiveOrders`]).
    #[serde(default, skip_serializing_if = "is_default")]
    pub executive_order_closures: ExecutiveOrders,
}

fn is_default(choice: &ExecutiveOrders) -> bool {
    *choice == ExecutiveOrders::default()
}

impl CalendarDays {
    pub fn overrides(&self) -> Overrides {
        Overrides {
            add: self.add.iter().map(|d| d.0).collect(),
            remove: self.remove.iter().map(|d| d.0).collect(),
            executive_orders: self.executive_order_closures,
        }
    }
}

impl Terms {
    /// The business-day calendar with the terms' own closures added and removed.
    pub fn business_calendar(&self) -> Calendar {
        Calendar::new(&self.calendar.overrides())
    }
}

impl From<&Terms> for Schedule {
    fn from(terms: &Terms) -> Schedule {
        let through = terms.filing.amendment.unwrap_or(0);
        // In an offer for several classes an amendment is as material as its change to any
        // class: a new ratio for one class runs the ten business days for the whole offer.
        let views: Vec<Terms> =
            (0..terms.offer.other_classes.len()).filter_map(|i| terms.class_view(i)).collect();
        let by_class: Vec<Vec<Materiality>> =
            std::iter::once(terms).chain(&views).map(|t| materialities(t, through)).collect();
        let amendments = terms
            .amendments
            .iter()
            .enumerate()
            .filter(|(_, a)| a.number <= through)
            .map(|(index, a)| ScheduledAmendment {
                index,
                number: a.number,
                announced: a.date.0,
                change: by_class
                    .iter()
                    .filter_map(|class| class.get(index).copied())
                    .min_by_key(|m| m.rank())
                    .unwrap_or(Materiality::ExtensionOnly),
                expiration: a.changes.expiration.map(|d| d.0),
                expiration_time: a.changes.expiration_time,
            })
            .collect();
        Schedule {
            announcement: terms.dates.announcement.0,
            commencement: terms.dates.commencement.map(|d| d.0),
            commenced: terms.stage() != Stage::Intent,
            expiration: terms.dates.expiration.map(|d| d.0),
            expiration_time: terms.dates.expiration_time,
            third_party: !terms
                .filing_persons
                .iter()
                .any(|p| p.name == terms.issuer.name && p.roles.contains(&FilingRole::Offeror)),
            amendments,
            results: terms.results.as_ref().map(|r| r.date.0),
        }
    }
}

/// How far each amendment through `through` changes the offer for the class `terms` state
/// first, in order (validation has checked that they are numbered from 1, oldest first).
fn materialities(terms: &Terms, through: u32) -> Vec<Materiality> {
    let mut sought = terms.offer.max_shares;
    terms
        .amendments
        .iter()
        .filter(|a| a.number <= through)
        .map(|a| {
            let before = sought;
            sought = a.changes.max_shares.or(sought);
            materiality(&a.changes, before, sought)
        })
        .collect()
}

/// How far an amendment changes the offer: the consideration or the number sought (any change
/// of it: Rule 14e-1(b)'s allowance of 2% of the class covers only accepting more shares at
/// the end of an offer, not an amendment, and never a decrease); else the minimum condition or
/// the conditions; else only the expiration.
fn materiality(changes: &Changes, before: Option<Shares>, after: Option<Shares>) -> Materiality {
    let price = changes.changes_consideration();
    // In an offer for notes the amount sought is a principal amount.
    let amount = before != after || changes.max_principal.is_some();
    if price || amount {
        Materiality::PriceOrAmount
    } else if changes.changes_conditions() {
        Materiality::OtherMaterial
    } else {
        Materiality::ExtensionOnly
    }
}
