//! The figure engine: the seed's figures exactly, the errors it must give, and properties
//! that hold for any terms.

use std::path::Path;
use std::str::FromStr;

use proptest::prelude::*;
use rust_decimal::Decimal;
use secdraft::figures::Ratio;
use secdraft::figures::{self, FigureId, Figures, Source};
use secdraft::filing::Filing;
use secdraft::format;
use secdraft::terms::{
    self, BlockRatio, DesignatedValues, FractionalShares, Places, Positive, Shares, Terms,
};

use crate::common::EXAMPLE;

fn example() -> Terms {
    terms::load(Path::new(EXAMPLE)).unwrap().terms
}

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn v(f: &Figures, name: &str) -> Decimal {
    f.value(name).unwrap_or_else(|| panic!("no figure {name}"))
}

#[test]
fn the_seed_figures_exactly() {
    let f = Filing::figures_of(&example()).unwrap();
    assert_eq!(v(&f, "effective_price"), d("0.25"));
    assert_eq!(format::money(v(&f, "effective_price")), "$0.25");
    assert_eq!(format::percent(v(&f, "premium"), 0).unwrap(), "201%");
    assert_eq!(v(&f, "annual_dividend"), d("0.0325"));
    assert_eq!(format::money(v(&f, "annual_dividend")), "$0.0325");
    assert_eq!(format::percent(v(&f, "dividend_yield"), 0).unwrap(), "39%");
    assert_eq!(format::percent(v(&f, "total_premium"), 0).unwrap(), "240%");
    assert_eq!(format::ratio(v(&f, "exchange_ratio")), "100 to 1");
    assert_eq!(format::shares(v(&f, "max_new_shares")).unwrap(), "600,000");
    assert_eq!(format::dollars(v(&f, "aggregate_liquidation_preference")), "$15,000,000");
    assert_eq!(f.get("aggregate_liquidation_preference").unwrap().display(), "$15,000,000");
    // The exact values behind the rounded ones: 0.25 / 0.083 - 1 and (0.25 + 0.0325) / 0.083 - 1.
    assert_eq!(v(&f, "premium").round_dp(6), d("2.012048"));
    assert_eq!(v(&f, "total_premium").round_dp(6), d("2.403614"));
}

#[test]
fn every_figure_names_its_formula_and_inputs() {
    let f = Filing::figures_of(&example()).unwrap();
    let names: Vec<&str> = f.all().iter().map(|x| x.name()).collect();
    assert_eq!(names, crate::common::SEED_FIGURES);
    for figure in f.all() {
        assert!(!figure.formula.is_empty());
        assert!(!figure.inputs.is_empty(), "{} has no inputs", figure.name());
    }
    let premium = f.get("premium").unwrap();
    assert!(premium.inputs.iter().any(|i| i.source == Source::Terms("security.closing_price.price".into())));
    assert!(premium.inputs.iter().any(|i| i.source == Source::Figure(FigureId::EffectivePrice)));
}

#[test]
fn block_ratio_consideration() {
    let mut t = example();
    t.offer.consideration.as_mut().unwrap().aggregate_liquidation_preference = None;
    t.offer.consideration.as_mut().unwrap().block =
        Some(BlockRatio { shares: Shares(100), new_shares: Shares(1) });
    let f = Filing::figures_of(&t).unwrap();
    assert_eq!(v(&f, "effective_price"), d("0.25"));
    assert_eq!(v(&f, "max_new_shares"), d("600000"));
    assert_eq!(v(&f, "aggregate_liquidation_preference"), d("15000000"));
}

/// The seed with a block ratio in place of its aggregate.
fn with_block(
    mut t: Terms,
    shares: u64,
    new_shares: u64,
    max: u64,
    fractions: Option<FractionalShares>,
) -> Terms {
    let consideration = t.offer.consideration.as_mut().unwrap();
    consideration.aggregate_liquidation_preference = None;
    consideration.block = Some(BlockRatio { shares: Shares(shares), new_shares: Shares(new_shares) });
    consideration.fractional_shares = fractions;
    t.offer.max_shares = Some(Shares(max));
    t
}

#[test]
fn a_maximum_that_is_not_whole_blocks_needs_the_terms_to_say_what_a_fraction_earns() {
    let t = with_block(example(), 100, 1, 60_000_050, None);
    let err = Filing::figures_of(&t).unwrap_err();
    assert_eq!(err.field, "offer.max_shares");
    assert!(err.message.contains("not a whole number of blocks of 100"), "{}", err.message);
    assert!(err.message.contains("`offer.consideration.fractional_shares`"), "{}", err.message);

    let mut t = example();
    t.offer.consideration.as_mut().unwrap().aggregate_liquidation_preference = Some(Positive(d("15000010")));
    let err = Filing::figures_of(&t).unwrap_err();
    assert_eq!(err.field, "offer.consideration.aggregate_liquidation_preference");
    assert!(err.message.contains("600000.4 new shares"), "{}", err.message);

    // Stated, the same aggregate is computed: the ratio in lowest terms, whole new shares,
    // the fraction in cash.
    t.offer.consideration.as_mut().unwrap().fractional_shares =
        Some(FractionalShares::CashInLieu(Positive(d("25"))));
    let f = Filing::figures_of(&t).unwrap();
    assert_eq!(f.of(FigureId::ExchangeRatio).unwrap().display(), "1,500,001 for each 150,000,000");
    assert_eq!(v(&f, "max_new_shares"), d("600000"));
    assert_eq!(v(&f, "aggregate_liquidation_preference"), d("15000010"));
}

#[test]
fn a_maximum_of_100_000_001_at_2_for_each_150() {
    let t = with_block(example(), 150, 2, 100_000_001, Some(FractionalShares::WholeBlocks));
    let f = Filing::figures_of(&t).unwrap();
    assert_eq!(f.of(FigureId::ExchangeRatio).unwrap().display(), "2 for each 150");
    assert_eq!(v(&f, "exchange_ratio"), d("75"));
    // The release states the maximum at the effective price, half-up to the dollar.
    assert_eq!(f.of(FigureId::AggregateLiquidationPreference).unwrap().display(), "$33,333,334");
    // Whole blocks: 666,666 of them.
    assert_eq!(v(&f, "max_new_shares"), d("1333332"));
    assert_eq!(v(&f, "max_shares_in_whole_blocks"), d("99999900"));
    assert_eq!(v(&f, "max_new_liquidation_preference"), d("33333300"));
    assert!(f.get("new_shares_per_share").is_none(), "2/150 has no ending decimal");

    let t = with_block(example(), 150, 2, 100_000_001, Some(FractionalShares::CashInLieu(Positive(d("25")))));
    let f = Filing::figures_of(&t).unwrap();
    assert_eq!(v(&f, "max_new_shares"), d("1333333"));
    assert_eq!(v(&f, "max_new_liquidation_preference"), d("33333325"));
    assert!(f.get("max_shares_in_whole_blocks").is_none());
    assert_eq!(v(&f, "aggregate_liquidation_preference"), d("33333334"));

    // A whole number of blocks needs no rule and adds no figure.
    let f = Filing::figures_of(&with_block(example(), 150, 2, 99_999_900, None)).unwrap();
    assert_eq!(v(&f, "max_new_shares"), d("1333332"));
    assert!(f.get("max_new_liquidation_preference").is_none());
}

#[test]
fn an_aggregate_of_18_000_000_is_0_012_of_a_share_for_each_share() {
    let mut t = example();
    t.offer.consideration.as_mut().unwrap().aggregate_liquidation_preference = Some(Positive(d("18000000")));
    let f = Filing::figures_of(&t).unwrap();
    assert_eq!(v(&f, "effective_price"), d("0.30"));
    assert_eq!(v(&f, "max_new_shares"), d("720000"));
    assert_eq!(f.of(FigureId::ExchangeRatio).unwrap().display(), "3 for each 250");
    assert_eq!(f.of(FigureId::NewSharesPerShare).unwrap().display(), "0.012");
    assert_eq!(v(&f, "block_shares"), d("250"));
    assert_eq!(v(&f, "block_new_shares"), d("3"));
    assert_eq!(v(&f, "aggregate_liquidation_preference"), d("18000000"));
}

/// Terms with a given closing price, liquidation preference, exchange ratio and number of
/// new shares; the maximum sought and the aggregate follow from them.
fn terms_with(closing_cents: u64, lp_cents: u64, ratio: u64, new_shares: u64) -> Terms {
    let mut t = example();
    let lp = Decimal::new(lp_cents as i64, 2);
    t.security.closing_price.as_mut().unwrap().price = Positive(Decimal::new(closing_cents as i64, 4));
    t.offer.consideration.as_mut().unwrap().security.liquidation_preference = Some(Positive(lp));
    t.offer.max_shares = Some(Shares(ratio * new_shares));
    t.offer.consideration.as_mut().unwrap().aggregate_liquidation_preference =
        Some(Positive(lp * Decimal::from(new_shares)));
    t
}

proptest! {
    #[test]
    fn effective_price_times_maximum_is_the_aggregate(
        closing in 1u64..10_000_000, lp in 1u64..100_000, ratio in 1u64..5_000, new_shares in 1u64..10_000_000,
    ) {
        let t = terms_with(closing, lp, ratio, new_shares);
        let f = Filing::figures_of(&t).unwrap();
        let product = v(&f, "effective_price") * t.offer.max_shares.unwrap().decimal();
        let aggregate = v(&f, "aggregate_liquidation_preference");
        // Exact whenever the price per share terminates; never off by more than 10^-12 dollars.
        prop_assert!((product - aggregate).abs() <= Decimal::new(1, 12), "{product} vs {aggregate}");
        prop_assert_eq!(v(&f, "max_new_shares") * v(&f, "exchange_ratio"), t.offer.max_shares.unwrap().decimal());
    }

    #[test]
    fn block_figures_follow_the_ratio_and_the_fraction_rule(
        shares in 1u64..1_000, new_shares in 1u64..50, max in 1_000u64..1_000_000_000,
        lp_cents in 1u64..1_000_000, cash_in_lieu in any::<bool>(),
    ) {
        let rule = if cash_in_lieu {
            FractionalShares::CashInLieu(Positive(Decimal::new(lp_cents as i64, 2)))
        } else {
            FractionalShares::WholeBlocks
        };
        let mut t = with_block(example(), shares, new_shares, max, Some(rule));
        t.offer.consideration.as_mut().unwrap().security.liquidation_preference = Some(Positive(Decimal::new(lp_cents as i64, 2)));
        let f = Filing::figures_of(&t).unwrap();
        let (m, n, k, lp) = (max as u128, shares as u128, new_shares as u128, lp_cents as u128);
        // Aggregate: the maximum at the effective price, half-up to the dollar, in whole numbers.
        let half_up = (2 * m * k * lp + 100 * n) / (200 * n);
        prop_assert_eq!(v(&f, "aggregate_liquidation_preference"), Decimal::from(half_up));
        let max_new = if cash_in_lieu { m * k / n } else { m / n * k };
        prop_assert_eq!(v(&f, "max_new_shares"), Decimal::from(max_new));
        prop_assert_eq!(f.get("max_shares_in_whole_blocks").map(|x| x.value),
            (!cash_in_lieu && m % n != 0).then(|| Decimal::from(m / n * n)));
        prop_assert_eq!(f.get("max_new_liquidation_preference").map(|x| x.value),
            (m % n != 0).then(|| Decimal::from(max_new * lp) / Decimal::ONE_HUNDRED));
        prop_assert_eq!(f.of(FigureId::ExchangeRatio).unwrap().display(),
            if k == 1 { format!("{} to 1", format::shares(Decimal::from(n)).unwrap()) }
            else if n == 1 { format!("{} for each share", format::shares(Decimal::from(k)).unwrap()) }
            else { format!("{} for each {}", format::shares(Decimal::from(k)).unwrap(), format::shares(Decimal::from(n)).unwrap()) });
    }

    #[test]
    fn a_designated_ratio_is_the_quotient_rounded_half_away_at_the_stated_places(
        sought_cents in 1u64..10_000_000, new_cents in 1u64..10_000_000, places in 0u32..5,
    ) {
        let mut t = with_block(example(), 1, 1, 60_000_000, Some(FractionalShares::CashInLieu(Positive(d("1")))));
        let consideration = t.offer.consideration.as_mut().unwrap();
        consideration.block = None;
        consideration.designated_values = Some(DesignatedValues {
            share_sought: Positive(Decimal::new(sought_cents as i64, 2)),
            new_share: Positive(Decimal::new(new_cents as i64, 2)),
            places: Places(places),
        });
        // In whole numbers: sought / new at 10^places, half away from zero.
        let scale = 10u128.pow(places);
        let (a, b) = (sought_cents as u128 * scale, new_cents as u128);
        let rounded = (2 * a + b) / (2 * b);
        match Filing::figures_of(&t) {
            Ok(f) => {
                let ratio = v(&f, "designated_ratio");
                prop_assert_eq!(ratio * Decimal::from(scale), Decimal::from(rounded));
                // Whole new shares for the maximum, the fraction in cash.
                prop_assert_eq!(v(&f, "max_new_shares"), (ratio * Decimal::from(60_000_000u64)).floor());
            }
            Err(e) => {
                prop_assert_eq!(rounded, 0, "{}", e);
                prop_assert_eq!(e.field.as_str(), "offer.consideration.designated_values.places");
            }
        }
    }

    #[test]
    fn an_aggregate_ratio_is_exact_in_lowest_terms(
        aggregate_cents in 1u64..1_000_000_000_000, lp_cents in 1u64..10_000_000, max in 1u64..1_000_000_000,
    ) {
        let aggregate = Decimal::new(aggregate_cents as i64, 2);
        let given_up = Decimal::new(lp_cents as i64, 2) * Decimal::from(max);
        let r = Ratio::new(aggregate, given_up).unwrap();
        // The same ratio: a/b == k/n, both whole, no common factor.
        prop_assert_eq!(r.new_shares * given_up, aggregate * r.shares);
        prop_assert!(r.new_shares.fract().is_zero() && r.shares.fract().is_zero());
        let (mut a, mut b) = (r.new_shares, r.shares);
        while !b.is_zero() { let x = a % b; a = b; b = x; }
        prop_assert_eq!(a, Decimal::ONE);
        // The per-share form exists exactly when n has no prime factor but 2 and 5, and is exact.
        let mut rest = r.shares;
        for p in [Decimal::TWO, Decimal::from(5)] {
            while (rest % p).is_zero() { rest /= p; }
        }
        match r.new_shares_per_share() {
            Some(per_share) => {
                prop_assert_eq!(rest, Decimal::ONE);
                prop_assert_eq!(per_share * r.shares, r.new_shares);
            }
            None => prop_assert!(rest > Decimal::ONE),
        }
        // The whole new shares and the fraction left over make up what the maximum earns.
        let (whole, left) = r.whole_new_shares_for(r.shares * Decimal::from(3) + Decimal::ONE).unwrap();
        prop_assert_eq!(whole * r.shares + left, (r.shares * Decimal::from(3) + Decimal::ONE) * r.new_shares);
        prop_assert!(left < r.shares);
    }

    #[test]
    fn the_premium_grows_with_the_price_and_falls_with_the_closing_price(
        closing in 1u64..1_000_000, lp in 1u64..100_000, ratio in 2u64..5_000, new_shares in 1u64..1_000_000,
    ) {
        let base = Filing::figures_of(&terms_with(closing, lp, ratio, new_shares)).unwrap();
        let richer = Filing::figures_of(&terms_with(closing, lp + 1, ratio, new_shares)).unwrap();
        let dearer_stock = Filing::figures_of(&terms_with(closing + 1, lp, ratio, new_shares)).unwrap();
        prop_assert!(v(&richer, "premium") > v(&base, "premium"));
        prop_assert!(v(&richer, "total_premium") > v(&base, "total_premium"));
        prop_assert!(v(&dearer_stock, "premium") < v(&base, "premium"));
        // Price plus a year of dividends always beats the price alone.
        prop_assert!(v(&base, "total_premium") > v(&base, "premium"));
    }

    #[test]
    fn printed_percentages_round_half_away_from_zero(n in -10_000_000i64..10_000_000, places in 0u32..3) {
        // n / 10^(places + 3) as a fraction is n / 10^(places + 1) percent: one digit more
        // than printed, which decides the rounding.
        let fraction = Decimal::new(n, places + 3);
        let (kept, dropped) = (n / 10, n % 10);
        let rounded = if dropped.abs() >= 5 { kept + n.signum() } else { kept };
        let expected = Decimal::new(rounded, places);
        let printed = format::percent(fraction, places).unwrap();
        let digits: String = printed.trim_end_matches('%').replace(',', "");
        prop_assert_eq!(Decimal::from_str(&digits).unwrap(), expected, "{} printed as {}", fraction, printed);
        prop_assert_eq!(digits.split('.').nth(1).map_or(0, str::len), places as usize);
    }
}

fn tenders() -> impl Strategy<Value = Vec<figures::Tender>> {
    proptest::collection::vec(
        prop_oneof![
            (1u64..100).prop_map(|shares| figures::Tender { shares, odd_lot: true }),
            (1u64..2_000_000).prop_map(|shares| figures::Tender { shares, odd_lot: false }),
        ],
        1..40,
    )
}

proptest! {
    #[test]
    fn proration_never_exceeds_capacity_and_keeps_odd_lots_whole(
        tenders in tenders(),
        capacity in 1u64..20_000_000,
        lot in prop_oneof![Just(1u64), Just(100u64), Just(80u64)],
        odd_lot_priority in any::<bool>(),
    ) {
        let a = figures::allocate(&tenders, capacity, lot, odd_lot_priority);
        prop_assert!(a.total <= capacity, "accepted {} of a capacity of {}", a.total, capacity);
        prop_assert_eq!(a.total, a.accepted.iter().sum::<u64>());
        let total: u64 = tenders.iter().map(|t| t.shares).sum();
        let odd: u64 = tenders.iter().filter(|t| t.odd_lot).map(|t| t.shares).sum();
        for (tender, accepted) in tenders.iter().zip(&a.accepted) {
            prop_assert!(*accepted <= tender.shares);
            let whole_odd_lot = odd_lot_priority && tender.odd_lot && total > capacity && odd <= capacity;
            let odd_lots_only = odd_lot_priority && total > capacity && odd > capacity;
            if odd_lots_only && !tender.odd_lot {
                prop_assert_eq!(*accepted, 0, "odd lots alone fill the offer");
            }
            if whole_odd_lot {
                prop_assert_eq!(*accepted, tender.shares, "an odd lot was prorated");
            } else {
                prop_assert_eq!(accepted % lot, 0, "{} is not a whole number of lots of {}", accepted, lot);
            }
        }
        if total <= capacity {
            prop_assert_eq!(a.factor, Decimal::ONE);
        } else {
            prop_assert!(a.factor < Decimal::ONE && a.factor >= Decimal::ZERO);
        }
    }

    #[test]
    fn the_auction_price_is_in_the_range_and_fills_the_offer_when_it_can(
        named in proptest::collection::vec((proptest::option::of(0u32..9), 1u64..1_000_000), 1..30),
        capacity in 1u64..5_000_000,
    ) {
        let points: Vec<Decimal> = (0..9).map(|i| Decimal::new(2000 + 25 * i, 2)).collect();
        let tenders: Vec<(Option<Decimal>, u64)> =
            named.iter().map(|(p, s)| (p.map(|i| points[i as usize]), *s)).collect();
        let price = figures::clearing_price(&tenders, &points, |_| capacity).unwrap();
        prop_assert!(points.contains(&price));
        let supply = |p: Decimal| -> u64 { tenders.iter().filter(|(x, _)| x.is_none_or(|x| x <= p)).map(|(_, s)| s).sum() };
        let total: u64 = tenders.iter().map(|(_, s)| s).sum();
        if supply(price) >= capacity {
            // The lowest price that fills the offer: one increment lower does not.
            if let Some(lower) = points.iter().rev().find(|p| **p < price) {
                prop_assert!(supply(*lower) < capacity);
            }
        } else {
            // Undersubscribed: every tender is bought.
            prop_assert_eq!(supply(price), total);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Cash paid with the new shares adds to the effective price and to nothing else: the
    /// dividend is paid on the new shares alone, and the cash for the maximum is exact.
    #[test]
    fn cash_with_the_new_shares_adds_to_the_effective_price_only(
        shares in 1u64..1_000, new_shares in 1u64..50, blocks in 1u64..1_000_000, cash_cents in 1u64..100_000,
    ) {
        let max = shares * blocks;
        let plain = with_block(example(), shares, new_shares, max, None);
        let mut with_cash = plain.clone();
        let cash = Decimal::new(cash_cents as i64, 2);
        with_cash.offer.consideration.as_mut().unwrap().cash_per_share = Some(Positive(cash));
        let (f, g) = (Filing::figures_of(&plain).unwrap(), Filing::figures_of(&with_cash).unwrap());
        prop_assert_eq!(v(&g, "effective_price"), v(&f, "effective_price") + cash);
        prop_assert_eq!(v(&g, "annual_dividend"), v(&f, "annual_dividend"));
        prop_assert_eq!(v(&g, "aggregate_liquidation_preference"), v(&f, "aggregate_liquidation_preference"));
        prop_assert_eq!(v(&g, "aggregate_cash"), Decimal::from(max) * cash);
        prop_assert!(f.value("aggregate_cash").is_none());
    }
}
