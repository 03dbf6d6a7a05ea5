//! Who gets what when an offer is oversubscribed: odd lots first and whole, then every other
//! tender pro rata, rounded down (to whole shares, or to whole blocks in a block exchange);
//! and, for a Dutch auction, the purchase price the tenders set.

use rust_decimal::Decimal;

/// One tender: its shares, and whether it is an odd lot (a holder of fewer than 100 shares
/// tendering all of them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tender {
    pub shares: u64,
    pub odd_lot: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Allocation {
    /// Shares accepted from each tender, in order.
    pub accepted: Vec<u64>,
    pub total: u64,
    /// The fraction of each prorated tender accepted before rounding down; one when every
    /// tender is accepted in full.
    pub factor: Decimal,
}

/// Accepts `tenders` up to `capacity` shares. Odd lots come first and whole when
/// `odd_lot_priority`; the rest share what is left pro rata. Each acceptance is rounded down
/// to a multiple of `lot`, so nothing fractional is ever accepted and the total never passes
/// the capacity.
pub fn allocate(tenders: &[Tender], capacity: u64, lot: u64, odd_lot_priority: bool) -> Allocation {
    let lot = lot.max(1);
    // Every `n` is at most one tender's shares (a u64), so the conversion is exact; the
    // totals below are at most `capacity`, so their u64 sums cannot overflow.
    let whole_lots = |n: u128| -> u64 { u64::try_from(n - n % u128::from(lot)).unwrap_or(u64::MAX) };
    let total: u128 = tenders.iter().map(|t| u128::from(t.shares)).sum();
    let capacity_wide = u128::from(capacity);
    if total <= capacity_wide {
        let accepted: Vec<u64> = tenders.iter().map(|t| whole_lots(t.shares.into())).collect();
        let sum = accepted.iter().sum();
        return Allocation { accepted, total: sum, factor: Decimal::ONE };
    }
    let first = |t: &Tender| odd_lot_priority && t.odd_lot;
    let priority: u128 = tenders.iter().filter(|t| first(t)).map(|t| u128::from(t.shares)).sum();
    // Odd lots alone may exhaust the capacity; they are then the ones prorated.
    let (prorated_pool, room, whole) = if priority > capacity_wide {
        (priority, capacity_wide, false)
    } else {
        (total - priority, capacity_wide - priority, true)
    };
    let accepted: Vec<u64> = tenders
        .iter()
        .map(|t| match (first(t), whole) {
            (true, true) => t.shares,
            (false, false) => 0,
            _ => whole_lots(u128::from(t.shares) * room / prorated_pool),
        })
        .collect();
    let factor = Decimal::from_i128_with_scale(room as i128, 0)
        .checked_div(Decimal::from_i128_with_scale(prorated_pool as i128, 0))
        .unwrap_or(Decimal::ZERO);
    let sum = accepted.iter().sum();
    Allocation { accepted, total: sum, factor }
}

/// The purchase price of a modified Dutch auction: the lowest price of the range at which
/// the shares tendered at or below it fill what the offer may buy at that price; when no
/// price fills it, the lowest price at which every tender is bought. A tender without a price
/// is a tender at the purchase price, whatever it is.
pub fn clearing_price(
    tenders: &[(Option<Decimal>, u64)],
    points: &[Decimal],
    capacity_at: impl Fn(Decimal) -> u64,
) -> Option<Decimal> {
    let supply_at = |p: Decimal| -> u128 {
        tenders.iter().filter(|(price, _)| price.is_none_or(|x| x <= p)).map(|(_, s)| u128::from(*s)).sum()
    };
    if let Some(price) = points.iter().copied().find(|p| supply_at(*p) >= u128::from(capacity_at(*p))) {
        return Some(price);
    }
    let highest_named = tenders.iter().filter_map(|(p, _)| *p).max();
    highest_named.or_else(|| points.first().copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(shares: u64, odd_lot: bool) -> Tender {
        Tender { shares, odd_lot }
    }

    #[test]
    fn undersubscribed_offers_take_everything() {
        let a = allocate(&[t(50, true), t(1_000, false)], 10_000, 1, true);
        assert_eq!(a.accepted, [50, 1_000]);
        assert_eq!(a.factor, Decimal::ONE);
    }

    #[test]
    fn odd_lots_first_then_pro_rata_rounded_down() {
        let a = allocate(&[t(99, true), t(1_000, false), t(3_001, false)], 2_099, 1, true);
        assert_eq!(a.accepted[0], 99);
        // 2,000 left for 4,001 shares: 49.99% each, rounded down.
        assert_eq!(a.accepted[1], 499);
        assert_eq!(a.accepted[2], 1_500);
        assert!(a.total <= 2_099);
    }

    #[test]
    fn block_offers_accept_whole_blocks_only() {
        let a = allocate(&[t(1_000, false), t(550, false)], 1_000, 100, true);
        assert!(a.accepted.iter().all(|n| n % 100 == 0));
        assert_eq!(a.accepted, [600, 300]);
    }

    #[test]
    fn the_clearing_price_is_the_lowest_that_fills_the_offer() {
        let points: Vec<Decimal> = (0..=4).map(|i| Decimal::new(200 + 10 * i, 2)).collect();
        let tenders = [(None, 100), (Some(Decimal::new(210, 2)), 400), (Some(Decimal::new(230, 2)), 1_000)];
        assert_eq!(clearing_price(&tenders, &points, |_| 500), Some(Decimal::new(210, 2)));
        assert_eq!(clearing_price(&tenders, &points, |_| 10_000), Some(Decimal::new(230, 2)));
        assert_eq!(clearing_price(&[(None, 5)], &points, |_| 10), Some(Decimal::new(200, 2)));
    }
}
