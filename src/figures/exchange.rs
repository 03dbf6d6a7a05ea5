//! Exchange offers: new securities for the shares, in an aggregate liquidation preference or
//! a block ratio ("each N shares for K new shares"). The ratio is held exactly ([`Ratio`]);
//! where the maximum sought is not a whole number of blocks, the terms say what a fraction
//! of a new share earns ([`FractionalShares`]).

use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use super::{Computed, FigureError, FigureId, Figures, Input, Sources, div, floor, mul, premium};
use crate::format;
use crate::terms::{Consideration, DesignatedValues, FractionalShares, Stage, Terms};

const CLOSING_PRICE: &str = "security.closing_price.price";
const MAX_SHARES: &str = "offer.max_shares";
const AGGREGATE: &str = "offer.consideration.aggregate_liquidation_preference";
const BLOCK_SHARES: &str = "offer.consideration.block.shares";
const BLOCK_NEW_SHARES: &str = "offer.consideration.block.new_shares";
const VALUE_SHARE_SOUGHT: &str = "offer.consideration.designated_values.share_sought";
const VALUE_NEW_SHARE: &str = "offer.consideration.designated_values.new_share";
const FRACTIONAL_SHARES: &str = "offer.consideration.fractional_shares";
const CASH_PER_SHARE: &str = "offer.consideration.cash_per_share";
const COMMON_PRICE: &str = "offer.consideration.security.closing_price.price";

/// An exchange ratio held exactly: `new_shares` new shares for each `shares` shares sought,
/// both whole: a block as the terms write it, or an aggregate's ratio in lowest terms.
/// Decimal division would turn 3 for each 200 into 66.666666666666666666666666667 shares per
/// new share; the two whole terms never lose a digit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Ratio {
    pub new_shares: Decimal,
    pub shares: Decimal,
}

impl Ratio {
    /// `new_shares` new shares for each `shares` shares, each any positive decimal (0.012 for
    /// 1 is 3 for each 250); `None` when either is not positive or the terms outgrow a decimal.
    pub fn new(new_shares: Decimal, shares: Decimal) -> Option<Ratio> {
        if new_shares <= Decimal::ZERO || shares <= Decimal::ZERO {
            return None;
        }
        // Scaled by the same power of ten, both terms are whole and the ratio unchanged.
        let scale = new_shares.scale().max(shares.scale());
        let factor = Decimal::from_i128_with_scale(10i128.checked_pow(scale)?, 0);
        let a = new_shares.checked_mul(factor)?.trunc();
        let b = shares.checked_mul(factor)?.trunc();
        let divisor = gcd(a, b)?;
        Some(Ratio { new_shares: (a / divisor).normalize(), shares: (b / divisor).normalize() })
    }

    /// A block as the terms write it, not reduced: 2 for each 150 stays 2 for each 150,
    /// since tenders are accepted in whole blocks of 150.
    pub fn block(new_shares: u64, shares: u64) -> Option<Ratio> {
        (new_shares > 0 && shares > 0)
            .then(|| Ratio { new_shares: Decimal::from(new_shares), shares: Decimal::from(shares) })
    }

    /// Shares sought given for one new share: the value `exchange_ratio` has always had
    /// (100 for 1 for each 100), rounded at the 28th digit when it does not terminate.
    pub fn shares_per_new_share(self) -> Option<Decimal> {
        self.shares.checked_div(self.new_shares)
    }

    /// New shares for one share sought, when that is a decimal that ends (0.012); `None`
    /// for a ratio such as 2 for each 150, whose per-share decimal never ends. Decided on the
    /// prime factors of the shares, not by dividing: a quotient rounded at the 28th digit
    /// can multiply back to the new shares and pass for exact.
    pub fn new_shares_per_share(self) -> Option<Decimal> {
        let shares = self.shares.normalize();
        let new_shares = self.new_shares.normalize();
        if shares.scale() != 0 || new_shares.scale() != 0 {
            return None;
        }
        let (mut rest, mut twos, mut fives) = (shares, 0u32, 0u32);
        while rest.checked_rem(Decimal::TWO)?.is_zero() {
            rest /= Decimal::TWO;
            twos += 1;
        }
        let five = Decimal::from(5);
        while rest.checked_rem(five)?.is_zero() {
            rest /= five;
            fives += 1;
        }
        if rest != Decimal::ONE {
            return None;
        }
        // shares divides 10^places, so new_shares x (10^places / shares) is the quotient's
        // digits, exactly.
        let places = twos.max(fives);
        let power = Decimal::try_from_i128_with_scale(10i128.checked_pow(places)?, 0).ok()?;
        let digits = new_shares.checked_mul(power.checked_div(shares)?)?.normalize();
        if digits.scale() != 0 {
            return None;
        }
        Decimal::try_from_i128_with_scale(digits.mantissa(), places).ok().map(|d| d.normalize())
    }

    /// The whole new shares `count` shares earn, and the fraction of one left over as its
    /// numerator over `self.shares`: exact, where a decimal quotient could round across a
    /// whole number.
    pub fn whole_new_shares_for(self, count: Decimal) -> Option<(Decimal, Decimal)> {
        let earned = count.checked_mul(self.new_shares)?;
        let left = earned.checked_rem(self.shares)?;
        Some(((earned - left).checked_div(self.shares)?, left))
    }

    /// Whether `count` shares are a whole number of blocks of the ratio.
    pub fn whole_blocks_in(self, count: Decimal) -> bool {
        count.checked_rem(self.shares).is_some_and(|r| r.is_zero())
    }

    /// The ratio as counsel state it: "100 to 1" when one new share is given for a whole
    /// number of shares, "2 for each 150" otherwise.
    pub fn display(self) -> String {
        format::ratio_of(self.new_shares, self.shares)
    }
}

/// The greatest common divisor of two positive whole decimals.
fn gcd(mut a: Decimal, mut b: Decimal) -> Option<Decimal> {
    while !b.is_zero() {
        let r = a.checked_rem(b)?;
        a = b;
        b = r;
    }
    Some(a)
}

/// Pushes the exchange figures; returns the maximum shares sought as an input.
pub(super) fn compute(t: &Terms, sources: &Sources, figures: &mut Figures) -> Result<Input, FigureError> {
    let Some(consideration) = &t.offer.consideration else {
        return Err(FigureError::new("offer.consideration", "the consideration is not stated"));
    };
    let Some(max_shares_given) = t.offer.max_shares else {
        return Err(FigureError::new("offer", "an exchange offer needs `max_shares`"));
    };
    if consideration.security.is_common_stock() {
        return common_stock(t, consideration, max_shares_given.decimal(), sources, figures);
    }
    let closing = t.security.closing_price.as_ref().map(|c| c.price.0);
    let max_shares = max_shares_given.decimal();
    let max_input = sources.input(MAX_SHARES, Some("max_shares"), max_shares);
    let max_field = sources.path(MAX_SHARES, Some("max_shares"));
    // Preferred stock is worth its liquidation preference and pays dividends on it; notes
    // their principal amount, and pay interest. The figures are the same sums, named apart.
    let debt = consideration.security.is_debt();
    let (Some((face, face_field)), Some((rate_given, rate_field))) =
        (consideration.security.face(), consideration.security.rate())
    else {
        return Err(FigureError::new(
            "offer.consideration.security",
            "the new security's rate and its liquidation preference or principal amount are not stated",
        ));
    };
    let lp = face.0;
    let rate = rate_given.fraction();
    let lp_input = sources.input(face_field, face_field.rsplit('.').next(), lp);
    let max_new_id = if debt { FigureId::MaxNewNotes } else { FigureId::MaxNewShares };
    let aggregate_id =
        if debt { FigureId::AggregatePrincipalAmount } else { FigureId::AggregateLiquidationPreference };
    let issued_id =
        if debt { FigureId::MaxNewPrincipalAmount } else { FigureId::MaxNewLiquidationPreference };

    // A ratio derived from designated values, rounded as the terms state: a figure of its own,
    // printed with its derivation.
    let designated = match &consideration.designated_values {
        Some(values)
            if consideration.aggregate_liquidation_preference.is_none() && consideration.block.is_none() =>
        {
            Some(designated_ratio(values, sources)?)
        }
        _ => None,
    };

    // The ratio, exactly, and the inputs that state it.
    let (ratio, stated_aggregate, ratio_inputs) =
        match (&consideration.aggregate_liquidation_preference, &consideration.block, &designated) {
            (Some(aggregate), _, _) => {
                let field = sources.path(AGGREGATE, Some("aggregate_liquidation_preference"));
                let aggregate_input =
                    sources.input(AGGREGATE, Some("aggregate_liquidation_preference"), aggregate.0);
                // The aggregate buys aggregate / preference new shares for the maximum sought.
                let ratio = mul(lp, max_shares, &field)
                    .ok()
                    .and_then(|given_up| Ratio::new(aggregate.0, given_up))
                    .ok_or_else(|| super::too_large(&field))?;
                (ratio, Some((aggregate.0, aggregate_input.clone())), vec![aggregate_input])
            }
            (None, Some(block), _) => {
                let (n, k) = (block.shares.decimal(), block.new_shares.decimal());
                let ratio = Ratio::block(block.new_shares.0, block.shares.0)
                    .ok_or_else(|| super::too_large(BLOCK_SHARES))?;
                let inputs = vec![
                    sources.input(BLOCK_SHARES, Some("block"), n),
                    sources.input(BLOCK_NEW_SHARES, Some("block"), k),
                ];
                (ratio, None, inputs)
            }
            (None, None, Some(designated)) => {
                let ratio = Ratio::new(designated.value, Decimal::ONE)
                    .ok_or_else(|| super::too_large(VALUE_NEW_SHARE))?;
                (ratio, None, vec![designated.as_input()])
            }
            (None, None, None) => {
                return Err(FigureError::new("offer.consideration", "the consideration is not stated"));
            }
        };
    // The results count tenders in whole blocks of the terms' block or aggregate (results.rs);
    // a designated ratio or cash in lieu would be miscounted there, so it is refused until the
    // count knows them.
    if t.stage() == Stage::Results {
        let field = match (&consideration.designated_values, consideration.fractional_shares) {
            _ if consideration.security.is_debt() => Some("offer.consideration.security"),
            (Some(_), _) => Some("offer.consideration.designated_values"),
            (None, Some(FractionalShares::CashInLieu(_))) => Some(FRACTIONAL_SHARES),
            _ => None,
        };
        if let Some(field) = field {
            return Err(FigureError::new(
                field,
                "the results of an exchange are counted in new shares, in whole blocks of `block` or of the aggregate's ratio; \
                 notes, a ratio from designated values or cash in lieu of fractional shares are not counted yet",
            ));
        }
    }
    let whole_blocks = ratio.whole_blocks_in(max_shares);
    let fractions = match (whole_blocks, consideration.fractional_shares) {
        (_, Some(rule)) => rule,
        (true, None) => FractionalShares::WholeBlocks,
        (false, None) => {
            if let Some(aggregate) = &consideration.aggregate_liquidation_preference {
                let new_shares = div(aggregate.0, lp, face_field)?;
                let shown = new_shares.round_dp(2);
                let about = if shown == new_shares { "" } else { "about " };
                return Err(FigureError::new(
                    sources.path(AGGREGATE, Some("aggregate_liquidation_preference")),
                    format!(
                        "{} of liquidation preference at {} per share is {about}{} new shares for {} shares: \
                         not a whole number of new shares; say what a tender that earns a fraction \
                         of a new share receives, in `{FRACTIONAL_SHARES}` (`whole_blocks` or \
                         `cash_in_lieu: PRICE`)",
                        format::money(aggregate.0),
                        format::money(lp),
                        shown.normalize(),
                        format::shares(max_shares).unwrap_or_default(),
                    ),
                ));
            }
            return Err(FigureError::new(
                max_field,
                format!(
                    "{} shares is not a whole number of blocks of {} ({} new shares for each {} shares): \
                     say what a tender that earns a fraction of a new share receives, in \
                     `{FRACTIONAL_SHARES}` (`whole_blocks` or `cash_in_lieu: PRICE`)",
                    format::shares(max_shares).unwrap_or_default(),
                    format::shares(ratio.shares).unwrap_or_default(),
                    format::shares(ratio.new_shares).unwrap_or_default(),
                    format::shares(ratio.shares).unwrap_or_default(),
                ),
            ));
        }
    };

    // The numerator of the fraction of a new share the maximum earns beyond whole ones.
    let (_, earned_left) =
        ratio.whole_new_shares_for(max_shares).ok_or_else(|| super::too_large(&max_field))?;
    let stated_new_shares = match &stated_aggregate {
        Some((aggregate, _)) => Some(div(*aggregate, lp, face_field)?),
        None => None,
    };
    let sought = Sought {
        shares: max_shares,
        field: &max_field,
        inputs: [vec![max_input.clone()], ratio_inputs.clone()].concat(),
    };
    let max_new = match (&stated_aggregate, stated_new_shares, fractions) {
        // As the terms have always stated it: the aggregate in whole new shares.
        (Some((_, aggregate_input)), Some(new_shares), _) if new_shares.fract().is_zero() => Computed {
            id: max_new_id,
            formula: "aggregate liquidation preference / liquidation preference per new share",
            inputs: vec![aggregate_input.clone(), lp_input.clone()],
            value: new_shares,
        },
        _ => by_ratio(max_new_id, if debt { "note" } else { "share" }, &sought, ratio, fractions)?,
    };
    let exchange_ratio = match stated_new_shares {
        Some(new_shares) if new_shares.fract().is_zero() => Computed {
            id: FigureId::ExchangeRatio,
            formula: "maximum shares sought / maximum new shares issuable",
            inputs: vec![max_input.clone(), max_new.as_input()],
            value: div(max_shares, new_shares, AGGREGATE)?,
        },
        Some(_) => Computed {
            id: FigureId::ExchangeRatio,
            formula: "maximum shares sought x liquidation preference per new share / aggregate liquidation preference, held exactly as new shares for each block of shares",
            inputs: [vec![max_input.clone(), lp_input.clone()], ratio_inputs.clone()].concat(),
            value: ratio.shares_per_new_share().ok_or_else(|| super::too_large(AGGREGATE))?,
        },
        None if designated.is_some() => Computed {
            id: FigureId::ExchangeRatio,
            formula: "1 / new shares for each share sought (from designated values)",
            inputs: ratio_inputs.clone(),
            value: ratio.shares_per_new_share().ok_or_else(|| super::too_large(VALUE_NEW_SHARE))?,
        },
        None => Computed {
            id: FigureId::ExchangeRatio,
            formula: "shares per block / new shares per block",
            inputs: ratio_inputs.clone(),
            value: ratio.shares_per_new_share().ok_or_else(|| super::too_large(BLOCK_NEW_SHARES))?,
        },
    };

    // What the new securities are worth for each Share, at their face; cash paid with them
    // is added to make the effective price.
    let securities_value = div(mul(lp, ratio.new_shares, face_field)?, ratio.shares, face_field)?;
    let cash = consideration.cash_per_share.map(|c| (c.0, sources.input(CASH_PER_SHARE, None, c.0)));
    let effective_price = match &cash {
        None => Computed {
            id: FigureId::EffectivePrice,
            formula: if debt {
                "principal amount per note / exchange ratio (shares per note)"
            } else {
                "liquidation preference per new share / exchange ratio (shares per new share)"
            },
            inputs: vec![lp_input.clone(), exchange_ratio.as_input()],
            value: securities_value,
        },
        Some((cash, cash_input)) => Computed {
            id: FigureId::EffectivePrice,
            formula: if debt {
                "principal amount per note / exchange ratio (shares per note) + cash per share"
            } else {
                "liquidation preference per new share / exchange ratio (shares per new share) + cash per share"
            },
            inputs: vec![lp_input.clone(), exchange_ratio.as_input(), cash_input.clone()],
            value: securities_value.checked_add(*cash).ok_or_else(|| super::too_large(CASH_PER_SHARE))?,
        },
    };
    let aggregate_cash = cash
        .as_ref()
        .map(|(cash, cash_input)| -> Result<Computed, FigureError> {
            Ok(Computed {
                id: FigureId::AggregateCash,
                formula: "maximum shares sought x cash per share",
                inputs: vec![max_input.clone(), cash_input.clone()],
                value: mul(max_shares, *cash, CASH_PER_SHARE)?,
            })
        })
        .transpose()?;
    let aggregate = match &stated_aggregate {
        Some((value, aggregate_input)) => Computed {
            id: aggregate_id,
            formula: "as stated in the terms",
            inputs: vec![aggregate_input.clone()],
            value: *value,
        },
        // The maximum at the effective price: what a release states, whether or not the last
        // block is whole ($33,333,334 for 100,000,001 shares at 2 for each 150 and $25.00).
        None => Computed {
            id: aggregate_id,
            formula: "maximum shares sought x liquidation preference per new share x new shares per block / shares per block, rounded half-up to the dollar",
            inputs: [vec![max_input.clone(), lp_input.clone()], ratio_inputs.clone()].concat(),
            value: div(
                mul(mul(max_shares, lp, &max_field)?, ratio.new_shares, &max_field)?,
                ratio.shares,
                &max_field,
            )?
            .round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero),
        },
    };
    let annual_dividend = Computed {
        id: if debt { FigureId::AnnualInterest } else { FigureId::AnnualDividend },
        formula: match (debt, cash.is_some()) {
            (true, false) => "interest rate x effective price",
            (false, false) => "dividend rate x effective price",
            (true, true) => "interest rate x (effective price - cash per share)",
            (false, true) => "dividend rate x (effective price - cash per share)",
        },
        inputs: [
            vec![sources.input(rate_field, rate_field.rsplit('.').next(), rate), effective_price.as_input()],
            cash.iter().map(|(_, input)| input.clone()).collect(),
        ]
        .concat(),
        value: mul(rate, securities_value, rate_field)?,
    };
    // The principal amount of notes a block earns: how the documents state a notes ratio.
    let principal_per_block = match (&consideration.block, debt) {
        (Some(block), true) => Some(Computed {
            id: FigureId::PrincipalPerBlock,
            formula: "principal amount per note x notes per block",
            inputs: [vec![lp_input.clone()], ratio_inputs.clone()].concat(),
            value: mul(lp, block.new_shares.decimal(), face_field)?,
        }),
        _ => None,
    };
    // A note's own interest, which the documents state beside the per-share figure.
    let interest_per_note = debt
        .then(|| -> Result<Computed, FigureError> {
            Ok(Computed {
                id: FigureId::InterestPerNote,
                formula: "interest rate x principal amount per note",
                inputs: vec![
                    sources.input(rate_field, rate_field.rsplit('.').next(), rate),
                    lp_input.clone(),
                ],
                value: mul(rate, lp, rate_field)?,
            })
        })
        .transpose()?;
    // What is measured against the closing price, when the terms give one.
    let against_closing = match closing {
        Some(closing) => {
            let closing_input = sources.input(CLOSING_PRICE, Some("closing_price.price"), closing);
            let first_year = effective_price
                .value
                .checked_add(annual_dividend.value)
                .ok_or_else(|| super::too_large(face_field))?;
            Some([
                Computed {
                    id: FigureId::Premium,
                    formula: "effective price / closing price - 1",
                    inputs: vec![effective_price.as_input(), closing_input.clone()],
                    value: premium(effective_price.value, closing, CLOSING_PRICE)?,
                },
                Computed {
                    id: if debt { FigureId::InterestYield } else { FigureId::DividendYield },
                    formula: if debt {
                        "annual interest per common share equivalent / closing price"
                    } else {
                        "annual dividend per common share equivalent / closing price"
                    },
                    inputs: vec![annual_dividend.as_input(), closing_input.clone()],
                    value: div(annual_dividend.value, closing, CLOSING_PRICE)?,
                },
                Computed {
                    id: FigureId::TotalPremium,
                    formula: "(effective price + annual dividend per common share equivalent) / closing price - 1",
                    inputs: vec![effective_price.as_input(), annual_dividend.as_input(), closing_input],
                    value: premium(first_year, closing, CLOSING_PRICE)?,
                },
            ])
        }
        None => None,
    };

    // The block an aggregate implies, when it is not one new share for a whole number of
    // shares: the documents then state it (3 for each 250) and its per-share form (0.012).
    let implied_block = ((stated_aggregate.is_some() || designated.is_some()) && ratio.new_shares != Decimal::ONE).then(|| {
        let (inputs, formula) = if designated.is_some() {
            (ratio_inputs.clone(), "the shares sought for which whole new shares are given: the designated ratio in lowest whole terms")
        } else {
            (
                [vec![max_input.clone(), lp_input.clone()], ratio_inputs.clone()].concat(),
                "the shares sought for which whole new shares are given: maximum shares sought x liquidation preference per new share / aggregate liquidation preference, in lowest whole terms",
            )
        };
        [
            Computed {
                id: FigureId::BlockShares,
                formula,
                inputs: inputs.clone(),
                value: ratio.shares,
            },
            Computed {
                id: FigureId::BlockNewShares,
                formula: "the new shares given for each block of shares sought, in lowest whole terms",
                inputs,
                value: ratio.new_shares,
            },
        ]
    });
    // A designated ratio is itself the per-share ratio, and prints as such.
    let per_share = ratio
        .new_shares_per_share()
        .filter(|_| ratio.new_shares != Decimal::ONE && designated.is_none())
        .map(|value| Computed {
            id: FigureId::NewSharesPerShare,
            formula: "new shares per block / shares per block (stated where the decimal ends)",
            inputs: vec![exchange_ratio.as_input()],
            value,
        });
    let whole_block_cap = whole_block_cap(&sought, ratio, fractions)?;
    // Where the maximum does not earn whole new shares, the aggregate at the effective price
    // is not the liquidation preference issued; that is the whole new shares' own.
    let issued_preference = (!earned_left.is_zero() || !whole_blocks)
        .then(|| -> Result<Computed, FigureError> {
            Ok(Computed {
                id: issued_id,
                formula: "maximum new shares issuable x liquidation preference per new share",
                inputs: vec![max_new.as_input(), lp_input.clone()],
                value: mul(max_new.value, lp, face_field)?,
            })
        })
        .transpose()?;
    let income = super::income::compute(
        &consideration.security,
        (rate, sources.input(rate_field, rate_field.rsplit('.').next(), rate)),
        (lp, lp_input.clone()),
        interest_per_note.as_ref(),
        sources,
    )?;
    // In the order the figures have always been listed: the effective price, the premium,
    // the annual dividend, then its yield and the first-year premium.
    // Notes have no first-year premium of price plus dividends.
    let [premium_figure, dividend_yield, total_premium] = match against_closing {
        Some([p, y, t]) => [Some(p), Some(y), (!debt).then_some(t)],
        None => [None, None, None],
    };
    let in_order = [
        Some(effective_price),
        premium_figure,
        Some(annual_dividend),
        interest_per_note,
        dividend_yield,
        total_premium,
    ];
    for figure in in_order.into_iter().flatten() {
        figures.push(figure);
    }
    if let Some(designated) = designated {
        figures.push(designated);
    }
    figures.push_ratio(exchange_ratio, ratio);
    if let Some(figure) = principal_per_block {
        figures.push(figure);
    }
    figures.push(max_new);
    figures.push(aggregate);
    for figure in implied_block
        .into_iter()
        .flatten()
        .chain(per_share)
        .chain(issued_preference)
        .chain(whole_block_cap)
        .chain(aggregate_cash)
        .chain(income)
    {
        figures.push(figure);
    }
    Ok(max_input)
}

/// The ratio a designated value per share sought and per new share give, rounded half away
/// from zero to the places the terms state.
fn designated_ratio(values: &DesignatedValues, sources: &Sources) -> Result<Computed, FigureError> {
    let exact = div(values.share_sought.0, values.new_share.0, VALUE_NEW_SHARE)?;
    let rounded = exact.round_dp_with_strategy(values.places.0, RoundingStrategy::MidpointAwayFromZero);
    if rounded.is_zero() {
        return Err(FigureError::new(
            "offer.consideration.designated_values.places",
            format!(
                "{} / {} rounded to {} places is zero new shares for each share: state more places",
                format::money(values.share_sought.0),
                format::money(values.new_share.0),
                values.places.0
            ),
        ));
    }
    Ok(Computed {
        id: FigureId::DesignatedRatio,
        formula: "designated value per share sought / designated value per new share, rounded half away from zero to the places the terms state",
        inputs: vec![
            sources.input(VALUE_SHARE_SOUGHT, Some("designated_values.share_sought"), values.share_sought.0),
            sources.input(VALUE_NEW_SHARE, Some("designated_values.new_share"), values.new_share.0),
            sources.input(
                "offer.consideration.designated_values.places",
                Some("designated_values.places"),
                Decimal::from(values.places.0),
            ),
        ],
        value: rounded.normalize(),
    })
}

/// The issuer's common stock for the Shares: the ratio is a block or designated values; the
/// consideration has a value only where the terms give the common stock's last sale price,
/// and then a premium over the Shares' own. Common stock has no dividend rate, yield or
/// liquidation preference, so no figure states one.
fn common_stock(
    t: &Terms,
    consideration: &Consideration,
    max_shares: Decimal,
    sources: &Sources,
    figures: &mut Figures,
) -> Result<Input, FigureError> {
    let max_input = sources.input(MAX_SHARES, Some("max_shares"), max_shares);
    let max_field = sources.path(MAX_SHARES, Some("max_shares"));
    let (designated, ratio, ratio_inputs) = match (&consideration.block, &consideration.designated_values) {
        (Some(block), _) => {
            let ratio = Ratio::block(block.new_shares.0, block.shares.0)
                .ok_or_else(|| super::too_large(BLOCK_SHARES))?;
            let inputs = vec![
                sources.input(BLOCK_SHARES, Some("block"), block.shares.decimal()),
                sources.input(BLOCK_NEW_SHARES, Some("block"), block.new_shares.decimal()),
            ];
            (None, ratio, inputs)
        }
        (None, Some(values)) => {
            let designated = designated_ratio(values, sources)?;
            let ratio = Ratio::new(designated.value, Decimal::ONE)
                .ok_or_else(|| super::too_large(VALUE_NEW_SHARE))?;
            let inputs = vec![designated.as_input()];
            (Some(designated), ratio, inputs)
        }
        (None, None) => {
            return Err(FigureError::new(
                "offer.consideration",
                "give the ratio of common stock as a `block` or as `designated_values`",
            ));
        }
    };
    let whole_blocks = ratio.whole_blocks_in(max_shares);
    let fractions = match (whole_blocks, consideration.fractional_shares) {
        (_, Some(rule)) => rule,
        (true, None) => FractionalShares::WholeBlocks,
        (false, None) => {
            return Err(FigureError::new(
                max_field,
                format!(
                    "{} shares is not a whole number of blocks of {} ({} shares of common stock for each {} shares): \
                     say what a tender that earns a fraction of a share receives, in \
                     `{FRACTIONAL_SHARES}` (`whole_blocks` or `cash_in_lieu: PRICE`)",
                    format::shares(max_shares).unwrap_or_default(),
                    format::shares(ratio.shares).unwrap_or_default(),
                    format::shares(ratio.new_shares).unwrap_or_default(),
                    format::shares(ratio.shares).unwrap_or_default(),
                ),
            ));
        }
    };
    let sought = Sought {
        shares: max_shares,
        field: &max_field,
        inputs: [vec![max_input.clone()], ratio_inputs.clone()].concat(),
    };
    let max_new = by_ratio(FigureId::MaxNewShares, "share of common stock", &sought, ratio, fractions)?;
    let exchange_ratio = Computed {
        id: FigureId::ExchangeRatio,
        formula: if designated.is_some() {
            "1 / new shares for each share sought (from designated values)"
        } else {
            "shares per block / new shares per block"
        },
        inputs: ratio_inputs.clone(),
        value: ratio.shares_per_new_share().ok_or_else(|| super::too_large(&max_field))?,
    };
    // The value of the consideration for each Share, at the common stock's last sale price,
    // and its premium over the Shares' own.
    let value = match &consideration.security.closing_price {
        Some(common) => {
            let price_input =
                sources.input(COMMON_PRICE, Some("common_stock_closing_price.price"), common.price.0);
            let value =
                div(mul(common.price.0, ratio.new_shares, COMMON_PRICE)?, ratio.shares, COMMON_PRICE)?;
            Some(Computed {
                id: FigureId::EffectivePrice,
                formula: "last sale price of the common stock x new shares per block / shares per block",
                inputs: [vec![price_input], ratio_inputs.clone()].concat(),
                value,
            })
        }
        None => None,
    };
    let premium_figure = match (&value, &t.security.closing_price) {
        (Some(value), Some(closing)) => Some(Computed {
            id: FigureId::Premium,
            formula: "effective price / closing price - 1",
            inputs: vec![
                value.as_input(),
                sources.input(CLOSING_PRICE, Some("closing_price.price"), closing.price.0),
            ],
            value: premium(value.value, closing.price.0, CLOSING_PRICE)?,
        }),
        _ => None,
    };
    let implied_block = (designated.is_some() && ratio.new_shares != Decimal::ONE).then(|| {
        [
            Computed {
                id: FigureId::BlockShares,
                formula: "the shares sought for which whole new shares are given: the designated ratio in lowest whole terms",
                inputs: ratio_inputs.clone(),
                value: ratio.shares,
            },
            Computed {
                id: FigureId::BlockNewShares,
                formula: "the new shares given for each block of shares sought, in lowest whole terms",
                inputs: ratio_inputs.clone(),
                value: ratio.new_shares,
            },
        ]
    });
    let whole_block_cap = whole_block_cap(&sought, ratio, fractions)?;
    for figure in [value, premium_figure, designated].into_iter().flatten() {
        figures.push(figure);
    }
    figures.push_ratio(exchange_ratio, ratio);
    figures.push(max_new);
    for figure in implied_block.into_iter().flatten().chain(whole_block_cap) {
        figures.push(figure);
    }
    Ok(max_input)
}

/// The maximum sought: its number, the field that states it, and the inputs a figure drawn
/// from it and the ratio names.
struct Sought<'a> {
    shares: Decimal,
    field: &'a str,
    inputs: Vec<Input>,
}

/// The new securities the maximum sought earns by the ratio under the rule for fractions:
/// whole blocks where the maximum is whole blocks; else the whole blocks in it, or (cash in
/// lieu) the whole new securities it earns. Refused when it earns none: such an offer could
/// accept nothing.
fn by_ratio(
    id: FigureId,
    noun: &str,
    sought: &Sought,
    ratio: Ratio,
    fractions: FractionalShares,
) -> Result<Computed, FigureError> {
    let field = sought.field;
    let (earned_whole, _) =
        ratio.whole_new_shares_for(sought.shares).ok_or_else(|| super::too_large(field))?;
    let (formula, value) = if ratio.whole_blocks_in(sought.shares) {
        ("maximum shares sought / shares per block x new shares per block", earned_whole)
    } else if let FractionalShares::CashInLieu(_) = fractions {
        (
            "maximum shares sought x new shares per block / shares per block, rounded down to whole new shares (the fraction is paid in cash)",
            earned_whole,
        )
    } else {
        (
            "whole blocks in the maximum shares sought (rounded down) x new shares per block",
            mul(floor(div(sought.shares, ratio.shares, field)?), ratio.new_shares, field)?,
        )
    };
    if value.is_zero() {
        return Err(FigureError::new(
            field,
            format!(
                "{} shares at {} for each {} shares earn no whole new {noun}: raise the maximum{}",
                format::shares(sought.shares).unwrap_or_default(),
                format::shares(ratio.new_shares).unwrap_or_default(),
                format::shares(ratio.shares).unwrap_or_default(),
                if matches!(fractions, FractionalShares::CashInLieu(_)) {
                    ""
                } else {
                    ", or pay cash in lieu of fractions (`offer.consideration.fractional_shares: {cash_in_lieu: PRICE}`)"
                }
            ),
        ));
    }
    Ok(Computed { id, formula, inputs: sought.inputs.clone(), value })
}

/// Tenders accepted only in whole blocks cannot reach a maximum that is not one: the most
/// Shares that can be accepted, where that is fewer than the maximum.
fn whole_block_cap(
    sought: &Sought,
    ratio: Ratio,
    fractions: FractionalShares,
) -> Result<Option<Computed>, FigureError> {
    if fractions != FractionalShares::WholeBlocks || ratio.whole_blocks_in(sought.shares) {
        return Ok(None);
    }
    Ok(Some(Computed {
        id: FigureId::MaxSharesInWholeBlocks,
        formula: "whole blocks in the maximum shares sought (rounded down) x shares per block",
        inputs: sought.inputs.clone(),
        value: mul(floor(div(sought.shares, ratio.shares, sought.field)?), ratio.shares, sought.field)?,
    }))
}
