//! What each new security pays its holder: the annual dividend on a new preferred share, and
//! the dividend or interest for each payment when the terms say how often it is paid.
//!
//! A payment that does not divide to a whole number of cents ($3.25 a year paid monthly is
//! $0.2708333...) is held exactly; it prints as every per-share amount does, to at most
//! four places ($0.2708), and the documents then say "approximately" (the filter
//! `approximately` compares the printed form with the value). Rounding the value itself to
//! the cent would make $0.27 x 12 read as the annual dividend, which it is not.

use rust_decimal::Decimal;

use super::{Computed, FigureError, FigureId, Input, div, mul};
use crate::terms::{NewSecurity, PaymentFrequency};

const DIVIDEND_FREQUENCY: &str = "offer.consideration.security.dividend_frequency";
const INTEREST_FREQUENCY: &str = "offer.consideration.security.interest_frequency";

/// The income figures of a new security: `rate` and `face` are its annual rate (as a fraction)
/// and its liquidation preference or principal amount, with the inputs that state them;
/// `interest_per_note` the figure notes already have.
pub(super) fn compute(
    security: &NewSecurity,
    rate: (Decimal, Input),
    face: (Decimal, Input),
    interest_per_note: Option<&Computed>,
    sources: &super::Sources,
) -> Result<Vec<Computed>, FigureError> {
    let mut out = Vec::new();
    if security.is_debt() {
        let (Some(note), Some(frequency)) = (interest_per_note, security.interest_frequency) else {
            return Ok(out);
        };
        if let Some(figure) = per_payment(
            FigureId::InterestPerPayment,
            "annual interest per note / interest payments a year",
            note.as_input(),
            frequency,
            sources.input(INTEREST_FREQUENCY, None, Decimal::from(frequency.payments_per_year())),
        )? {
            out.push(figure);
        }
        return Ok(out);
    }
    let annual = Computed {
        id: FigureId::DividendPerNewShare,
        formula: "dividend rate x liquidation preference per new share",
        value: mul(rate.0, face.0, "offer.consideration.security.dividend_rate")?,
        inputs: vec![rate.1, face.1],
    };
    let payment = match security.dividend_frequency {
        Some(frequency) => per_payment(
            FigureId::DividendPerPayment,
            "annual dividend per new share / dividend payments a year",
            annual.as_input(),
            frequency,
            sources.input(DIVIDEND_FREQUENCY, None, Decimal::from(frequency.payments_per_year())),
        )?,
        None => None,
    };
    out.push(annual);
    out.extend(payment);
    Ok(out)
}

/// The amount of one payment: the annual amount over the payments a year. None for a
/// security paid once a year, whose payment is the annual figure itself.
fn per_payment(
    id: FigureId,
    formula: &'static str,
    annual: Input,
    frequency: PaymentFrequency,
    frequency_input: Input,
) -> Result<Option<Computed>, FigureError> {
    let payments = frequency.payments_per_year();
    if payments == 1 {
        return Ok(None);
    }
    let value = div(annual.value, Decimal::from(payments), "offer.consideration.security")?;
    Ok(Some(Computed { id, formula, inputs: vec![annual, frequency_input], value }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figures::{Unit, print};
    use proptest::prelude::*;

    fn payment(annual: Decimal, frequency: PaymentFrequency) -> Decimal {
        let input = |v| Input { source: super::super::Source::Terms("x".into()), value: v };
        per_payment(FigureId::DividendPerPayment, "", input(annual), frequency, input(Decimal::ONE))
            .unwrap()
            .map_or(annual, |c| c.value)
    }

    #[test]
    fn a_quarterly_dividend_on_a_25_dollar_8_percent_share_is_50_cents() {
        let annual = Decimal::new(8, 2) * Decimal::new(25, 0);
        let quarter = payment(annual, PaymentFrequency::Quarterly);
        assert_eq!(print(Unit::Money, quarter).unwrap(), "$0.50");
        assert_eq!(quarter, Decimal::new(5, 1));
    }

    #[test]
    fn a_monthly_payment_that_does_not_end_prints_to_four_places() {
        let month = payment(Decimal::new(325, 2), PaymentFrequency::Monthly);
        assert_eq!(print(Unit::Money, month).unwrap(), "$0.2708");
        assert_ne!(month, Decimal::new(2708, 4), "the value is held exactly, not as printed");
    }

    #[test]
    fn an_annual_payment_is_the_annual_figure_itself() {
        let input = Input { source: super::super::Source::Terms("x".into()), value: Decimal::ONE };
        let none =
            per_payment(FigureId::DividendPerPayment, "", input.clone(), PaymentFrequency::Annual, input)
                .unwrap();
        assert!(none.is_none());
    }

    proptest! {
        /// Whatever the annual amount and frequency, a payment prints with two to four
        /// decimals, within half of the last printed place of its exact value, and the
        /// payments of a year add back to the annual amount within a cent's rounding.
        #[test]
        fn per_payment_amounts_print_at_most_four_places(
            cents in 1u64..10_000_000,
            frequency in prop::sample::select(vec![
                PaymentFrequency::Monthly,
                PaymentFrequency::Quarterly,
                PaymentFrequency::Semiannual,
            ]),
        ) {
            let annual = Decimal::new(cents as i64, 2);
            let value = payment(annual, frequency);
            let printed = print(Unit::Money, value).unwrap();
            let digits = printed.trim_start_matches('$').replace(',', "");
            let places = digits.split_once('.').map_or(0, |(_, f)| f.len());
            prop_assert!((2..=4).contains(&places), "{printed}");
            let shown: Decimal = digits.parse().unwrap();
            prop_assert!((shown - value).abs() <= Decimal::new(5, 5), "{printed} for {value}");
            let back = value * Decimal::from(frequency.payments_per_year());
            prop_assert!((back - annual).abs() < Decimal::new(1, 20), "{back} != {annual}");
        }
    }
}
