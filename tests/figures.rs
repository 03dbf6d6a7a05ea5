//! The figure engine: the seed's figures exactly, the errors it must give, and properties
//! that hold for any terms.

use std::path::Path;
use std::str::FromStr;

use proptest::prelude::*;
use rust_decimal::Decimal;
use secdraft::figures::{self, Source};
use secdraft::format;
use secdraft::terms::{self, BlockRatio, Positive, Shares, Terms};

fn example() -> Terms {
    terms::load(Path::new("data/ault-alliance-2023-12-13.yaml")).unwrap().terms
}

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

#[test]
fn the_seed_figures_exactly() {
    let f = figures::compute(&example()).unwrap();
    assert_eq!(f.effective_price.value, d("0.25"));
    assert_eq!(format::money(f.effective_price.value), "$0.25");
    assert_eq!(format::percent(f.premium.value, 0).unwrap(), "201%");
    assert_eq!(f.annual_dividend.value, d("0.0325"));
    assert_eq!(format::money(f.annual_dividend.value), "$0.0325");
    assert_eq!(format::percent(f.dividend_yield.value, 0).unwrap(), "39%");
    assert_eq!(format::percent(f.total_premium.value, 0).unwrap(), "240%");
    assert_eq!(format::ratio(f.exchange_ratio.value), "100 to 1");
    assert_eq!(format::shares(f.max_new_shares.value).unwrap(), "600,000");
    assert_eq!(format::money(f.aggregate_liquidation_preference.value), "$15,000,000");
    // The exact values behind the rounded ones: 0.25 / 0.083 - 1 and (0.25 + 0.0325) / 0.083 - 1.
    assert_eq!(f.premium.value.round_dp(6), d("2.012048"));
    assert_eq!(f.total_premium.value.round_dp(6), d("2.403614"));
}

#[test]
fn every_figure_names_its_formula_and_inputs() {
    let f = figures::compute(&example()).unwrap();
    let names: Vec<&str> = f.all().iter().map(|x| x.name).collect();
    assert_eq!(
        names,
        [
            "effective_price",
            "premium",
            "annual_dividend",
            "dividend_yield",
            "total_premium",
            "exchange_ratio",
            "max_new_shares",
            "aggregate_liquidation_preference"
        ]
    );
    for figure in f.all() {
        assert!(!figure.formula.is_empty());
        assert!(!figure.inputs.is_empty(), "{} has no inputs", figure.name);
    }
    assert!(f.premium.inputs.iter().any(|i| i.source == Source::Terms("security.closing_price.price")));
    assert!(f.premium.inputs.iter().any(|i| i.source == Source::Figure("effective_price")));
}

#[test]
fn block_ratio_consideration() {
    let mut t = example();
    t.offer.consideration.aggregate_liquidation_preference = None;
    t.offer.consideration.block = Some(BlockRatio { shares: Shares(100), new_shares: Shares(1) });
    let f = figures::compute(&t).unwrap();
    assert_eq!(f.effective_price.value, d("0.25"));
    assert_eq!(f.max_new_shares.value, d("600000"));
    assert_eq!(f.aggregate_liquidation_preference.value, d("15000000"));
}

#[test]
fn fractional_blocks_are_refused() {
    let mut t = example();
    t.offer.max_shares = Shares(60_000_050);
    let err = figures::compute(&t).unwrap_err();
    assert_eq!(err.field, "offer.consideration.aggregate_liquidation_preference");
    assert!(err.message.contains("fractional block"), "{}", err.message);

    t.offer.consideration.aggregate_liquidation_preference = None;
    t.offer.consideration.block = Some(BlockRatio { shares: Shares(100), new_shares: Shares(1) });
    let err = figures::compute(&t).unwrap_err();
    assert_eq!(err.field, "offer.max_shares");
    assert!(err.message.contains("not a whole number of blocks of 100"), "{}", err.message);

    let mut t = example();
    t.offer.consideration.aggregate_liquidation_preference = Some(Positive(d("15000010")));
    let err = figures::compute(&t).unwrap_err();
    assert!(err.message.contains("600000.4 new shares"), "{}", err.message);
}

/// Terms with a given closing price, liquidation preference, exchange ratio and number of
/// new shares; the maximum sought and the aggregate follow from them.
fn terms_with(closing_cents: u64, lp_cents: u64, ratio: u64, new_shares: u64) -> Terms {
    let mut t = example();
    let lp = Decimal::new(lp_cents as i64, 2);
    t.security.closing_price.price = Positive(Decimal::new(closing_cents as i64, 4));
    t.offer.consideration.security.liquidation_preference = Positive(lp);
    t.offer.max_shares = Shares(ratio * new_shares);
    t.offer.consideration.aggregate_liquidation_preference = Some(Positive(lp * Decimal::from(new_shares)));
    t
}

proptest! {
    #[test]
    fn effective_price_times_maximum_is_the_aggregate(
        closing in 1u64..10_000_000, lp in 1u64..100_000, ratio in 1u64..5_000, new_shares in 1u64..10_000_000,
    ) {
        let t = terms_with(closing, lp, ratio, new_shares);
        let f = figures::compute(&t).unwrap();
        let product = f.effective_price.value * t.offer.max_shares.decimal();
        let aggregate = f.aggregate_liquidation_preference.value;
        // Exact whenever the price per share terminates; never off by more than 10^-12 dollars.
        prop_assert!((product - aggregate).abs() <= Decimal::new(1, 12), "{product} vs {aggregate}");
        prop_assert_eq!(f.max_new_shares.value * f.exchange_ratio.value, t.offer.max_shares.decimal());
    }

    #[test]
    fn the_premium_grows_with_the_price_and_falls_with_the_closing_price(
        closing in 1u64..1_000_000, lp in 1u64..100_000, ratio in 2u64..5_000, new_shares in 1u64..1_000_000,
    ) {
        let base = figures::compute(&terms_with(closing, lp, ratio, new_shares)).unwrap();
        let richer = figures::compute(&terms_with(closing, lp + 1, ratio, new_shares)).unwrap();
        let dearer_stock = figures::compute(&terms_with(closing + 1, lp, ratio, new_shares)).unwrap();
        prop_assert!(richer.premium.value > base.premium.value);
        prop_assert!(richer.total_premium.value > base.total_premium.value);
        prop_assert!(dearer_stock.premium.value < base.premium.value);
        // Price plus a year of dividends always beats the price alone.
        prop_assert!(base.total_premium.value > base.premium.value);
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
