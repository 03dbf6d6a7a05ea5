//! The identity of every figure secdraft computes: its name (as JSON, the tie-out and the
//! templates spell it), its label in words, and how it prints: unit and precision. One table,
//! so that a figure is named, labelled and printed the same way in every document and report.

use serde::{Serialize, Serializer};

use super::Unit;
use crate::terms::PercentPlaces;

macro_rules! figure_table {
    ($($id:ident $name:literal $label:literal $unit:ident;)*) => {
        /// A figure's identity. Each variant is one row of the table below.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum FigureId { $($id),* }

        impl FigureId {
            /// Every figure, in the order of the table.
            pub const ALL: &'static [FigureId] = &[$(FigureId::$id),*];

            /// The figure's place in [`FigureId::ALL`]: the variants are declared in the
            /// table's order, so a variant's discriminant is its place.
            pub fn index(self) -> usize {
                self as usize
            }

            /// The name the templates (`figures.premium`), JSON and the tie-out use.
            pub fn name(self) -> &'static str {
                match self { $(FigureId::$id => $name),* }
            }

            /// The figure in words, for changelogs and tie-out sheets.
            pub fn label(self) -> &'static str {
                match self { $(FigureId::$id => $label),* }
            }

            /// What the figure measures and at what precision it prints.
            pub fn kind(self) -> UnitKind {
                match self { $(FigureId::$id => UnitKind::$unit),* }
            }
        }
    };
}

/// What a figure measures, and so how it prints: a percentage kind names the field of
/// `presentation.percent_places` that gives its places.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitKind {
    Money,
    Aggregate,
    Shares,
    Count,
    ExchangeRatio,
    Cents,
    Rate,
    PremiumPercent,
    DividendYieldPercent,
    TotalPremiumPercent,
    ProrationPercent,
    OfOutstandingPercent,
    OversubscriptionPercent,
}

figure_table! {
    EffectivePrice "effective_price" "Effective price per share" Money;
    Premium "premium" "Premium over the closing price" PremiumPercent;
    AnnualDividend "annual_dividend" "Annual dividend per common share equivalent" Money;
    DividendYield "dividend_yield" "Annual dividend as a percentage of the closing price" DividendYieldPercent;
    TotalPremium "total_premium" "First-year premium (price plus dividends)" TotalPremiumPercent;
    ExchangeRatio "exchange_ratio" "Exchange ratio" ExchangeRatio;
    MaxNewShares "max_new_shares" "Maximum new shares issuable" Shares;
    AggregateLiquidationPreference "aggregate_liquidation_preference" "Aggregate liquidation preference" Aggregate;
    AnnualInterest "annual_interest" "Annual interest per common share equivalent" Money;
    InterestPerNote "interest_per_note" "Annual interest per note" Money;
    InterestYield "interest_yield" "Annual interest as a percentage of the closing price" DividendYieldPercent;
    PrincipalPerBlock "principal_per_block" "Principal amount of notes for each block of shares" Money;
    MaxNewNotes "max_new_notes" "Maximum notes issuable" Shares;
    AggregatePrincipalAmount "aggregate_principal_amount" "Aggregate principal amount" Aggregate;
    MaxNewPrincipalAmount "max_new_principal_amount" "Aggregate principal amount of the maximum notes issuable" Aggregate;
    DesignatedRatio "designated_ratio" "New shares for each share sought, from designated values" Rate;
    BlockShares "block_shares" "Shares sought for each block of new shares" Shares;
    BlockNewShares "block_new_shares" "New shares for each block of shares sought" Shares;
    NewSharesPerShare "new_shares_per_share" "New shares for each share sought" Rate;
    MaxNewLiquidationPreference "max_new_liquidation_preference" "Aggregate liquidation preference of the maximum new shares issuable" Aggregate;
    MaxSharesInWholeBlocks "max_shares_in_whole_blocks" "Most shares acceptable in whole blocks" Shares;
    PurchasePrice "purchase_price" "Purchase price per share" Money;
    AggregatePurchasePrice "aggregate_purchase_price" "Aggregate purchase price" Aggregate;
    PricePoints "price_points" "Prices in the range" Count;
    PremiumAtMinPrice "premium_at_min_price" "Premium at the minimum price" PremiumPercent;
    PremiumAtMaxPrice "premium_at_max_price" "Premium at the maximum price" PremiumPercent;
    AggregateAtMaxPrice "aggregate_at_max_price" "Aggregate cost at the maximum price" Aggregate;
    AggregateAtMinPrice "aggregate_at_min_price" "Aggregate cost at the minimum price" Aggregate;
    SharesAtMinPrice "shares_at_min_price" "Shares purchasable at the minimum price" Shares;
    SharesAtMaxPrice "shares_at_max_price" "Shares purchasable at the maximum price" Shares;
    TwoPercentAllowance "two_percent_allowance" "2% allowance" Shares;
    PercentOfOutstanding "percent_of_outstanding" "Shares sought as a percentage of those outstanding" OfOutstandingPercent;
    MinimumShares "minimum_shares" "Shares the minimum condition requires" Shares;
    TenderedAtOrBelowPrice "tendered_at_or_below_price" "Shares tendered at or below the purchase price" Shares;
    SharesPurchasable "shares_purchasable" "Shares purchasable" Shares;
    SharesAccepted "shares_accepted" "Shares accepted" Shares;
    ProrationFactor "proration_factor" "Proration factor" ProrationPercent;
    Oversubscription "oversubscription" "Shares tendered and not accepted" Shares;
    OversubscriptionPercent "oversubscription_percent" "Shares not accepted as a percentage of those tendered" OversubscriptionPercent;
    NewSharesIssued "new_shares_issued" "New shares issued" Shares;
    AggregatePaid "aggregate_paid" "Aggregate paid" Aggregate;
    SharesOutstandingAfter "shares_outstanding_after" "Shares outstanding after the offer" Shares;
    TransactionValuation "transaction_valuation" "Transaction valuation" Cents;
    FeeRate "fee_rate" "Fee rate" Rate;
    FilingFee "filing_fee" "Amount of filing fee" Cents;
    FeesPreviouslyPaid "fees_previously_paid" "Fees previously paid" Cents;
    FeeOffsets "fee_offsets" "Fee offsets" Cents;
    NetFeeDue "net_fee_due" "Net fee due" Cents;
    AggregateCash "aggregate_cash" "Aggregate cash paid with the new securities" Aggregate;
    DividendPerNewShare "dividend_per_new_share" "Annual dividend per new share" Money;
    DividendPerPayment "dividend_per_payment" "Dividend per new share for each dividend period" Money;
    InterestPerPayment "interest_per_payment" "Interest per note for each interest period" Money;
    PricePerDenomination "price_per_denomination" "Purchase price for each denomination of principal amount" Money;
    PercentOfPrincipalOutstanding "percent_of_principal_outstanding" "Principal amount sought as a percentage of that outstanding" OfOutstandingPercent;
    PrincipalAccepted "principal_accepted" "Principal amount accepted" Aggregate;
    PrincipalNotAccepted "principal_not_accepted" "Principal amount tendered and not accepted" Aggregate;
    PrincipalNotAcceptedPercent "principal_not_accepted_percent" "Principal amount not accepted as a percentage of that tendered" OversubscriptionPercent;
    PrincipalOutstandingAfter "principal_outstanding_after" "Principal amount outstanding after the offer" Aggregate;
}

impl FigureId {
    /// Whether the figure is the whole offer's rather than one class's: the filing fee is paid
    /// once, on the valuation of every class sought.
    pub fn is_offer_wide(self) -> bool {
        matches!(
            self,
            FigureId::TransactionValuation
                | FigureId::FeeRate
                | FigureId::FilingFee
                | FigureId::FeesPreviouslyPaid
                | FigureId::FeeOffsets
                | FigureId::NetFeeDue
        )
    }

    /// The unit the figure prints in, at the places the terms' presentation gives.
    pub fn unit(self, places: &PercentPlaces) -> Unit {
        match self.kind() {
            UnitKind::Money => Unit::Money,
            UnitKind::Aggregate => Unit::Aggregate,
            UnitKind::Shares => Unit::Shares,
            UnitKind::Count => Unit::Count,
            UnitKind::ExchangeRatio => Unit::ExchangeRatio,
            UnitKind::Cents => Unit::Cents,
            UnitKind::Rate => Unit::Rate,
            UnitKind::PremiumPercent => Unit::Percent { places: places.premium.0 },
            UnitKind::DividendYieldPercent => Unit::Percent { places: places.dividend_yield.0 },
            UnitKind::TotalPremiumPercent => Unit::Percent { places: places.total_premium.0 },
            UnitKind::ProrationPercent => Unit::Percent { places: places.proration.0 },
            UnitKind::OfOutstandingPercent => Unit::Percent { places: places.of_outstanding.0 },
            UnitKind::OversubscriptionPercent => {
                Unit::Percent { places: places.oversubscription.unwrap_or(places.proration).0 }
            }
        }
    }

    /// The figure of a name, as templates and `--format json` spell it.
    pub fn named(name: &str) -> Option<FigureId> {
        FigureId::ALL.iter().copied().find(|id| id.name() == name)
    }
}

impl Serialize for FigureId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

impl std::fmt::Display for FigureId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_round_trip() {
        for id in FigureId::ALL {
            assert_eq!(FigureId::named(id.name()), Some(*id));
            assert_eq!(FigureId::ALL[id.index()], *id);
            assert!(!id.label().is_empty());
        }
        let mut names: Vec<&str> = FigureId::ALL.iter().map(|id| id.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), FigureId::ALL.len());
    }

    #[test]
    fn percentages_print_at_the_places_the_terms_give() {
        let mut places = PercentPlaces::default();
        places.proration.0 = 3;
        assert_eq!(FigureId::ProrationFactor.unit(&places), Unit::Percent { places: 3 });
        assert_eq!(FigureId::Premium.unit(&places), Unit::Percent { places: 0 });
        assert_eq!(FigureId::NetFeeDue.unit(&places), Unit::Cents);
    }
}
