//! The terms file: the typed model, its loading from YAML and its validation.
//!
//! Every field is documented in `docs/terms.md`; keep the two in step.

mod load;
mod scalars;
mod source_map;
mod validate;

pub use load::{LoadedTerms, closest_name, load, load_str};
pub use scalars::{Cusip, Date, Percent, Positive, Shares, Text, cusip_check_digit, parse_decimal};
pub use source_map::SourceMap;

use serde::{Deserialize, Serialize};

/// The terms of one offer, as counsel write them.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Terms {
    pub filing: Filing,
    pub issuer: Issuer,
    pub filing_persons: Vec<FilingPerson>,
    pub notices: NoticePerson,
    pub counsel: Vec<Counsel>,
    pub security: SubjectSecurity,
    pub offer: Offer,
    pub dates: KeyDates,
    pub investor_contact: InvestorContact,
    pub press_release: PressRelease,
    #[serde(default)]
    pub presentation: Presentation,
}

/// The EDGAR submission type of the Schedule TO.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
pub enum FormType {
    #[serde(rename = "SC TO-C")]
    PreCommencement,
    #[serde(rename = "SC TO-I")]
    Issuer,
    #[serde(rename = "SC TO-I/A")]
    IssuerAmendment,
    #[serde(rename = "SC TO-T")]
    ThirdParty,
    #[serde(rename = "SC TO-T/A")]
    ThirdPartyAmendment,
}

impl FormType {
    pub fn edgar_name(self) -> &'static str {
        match self {
            FormType::PreCommencement => "SC TO-C",
            FormType::Issuer => "SC TO-I",
            FormType::IssuerAmendment => "SC TO-I/A",
            FormType::ThirdParty => "SC TO-T",
            FormType::ThirdPartyAmendment => "SC TO-T/A",
        }
    }
    pub fn is_amendment(self) -> bool {
        matches!(self, FormType::IssuerAmendment | FormType::ThirdPartyAmendment)
    }
}

/// The boxes of the Schedule TO cover page that a filing may check (reference section 1).
/// The preliminary-communications box is not listed: it is checked exactly when the form is
/// SC TO-C.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CoverBox {
    ThirdPartyTenderOffer,
    IssuerTenderOffer,
    GoingPrivateTransaction,
    AmendmentToSchedule13d,
    FinalAmendment,
    CrossBorderIssuerTenderOffer,
    CrossBorderThirdPartyTenderOffer,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Filing {
    pub form: FormType,
    /// Required on amendments (SC TO-I/A, SC TO-T/A), refused otherwise.
    #[serde(default)]
    pub amendment: Option<u32>,
    #[serde(default)]
    pub cover_boxes: Vec<CoverBox>,
    pub date: Date,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Issuer {
    pub name: Text,
    /// The name the documents use after defining it, e.g. "Ault Alliance".
    pub short_name: Text,
    /// State of incorporation.
    pub state: Text,
    pub exchange: Text,
    pub ticker: Text,
    pub address: Vec<Text>,
    pub phone: Text,
    pub website: Text,
    /// What the company is, as the release's first sentence puts it after the name:
    /// "a diversified holding company".
    pub description: Text,
    /// The "About" paragraph(s) of the press release, verbatim from the company.
    pub about: Text,
}

/// What a filing person is for the purposes of the cover page caption.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FilingRole {
    Offeror,
    Issuer,
    OtherPerson,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FilingPerson {
    pub name: Text,
    pub roles: Vec<FilingRole>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct NoticePerson {
    pub name: Text,
    pub title: Text,
    pub company: Text,
    pub address: Vec<Text>,
    pub phone: Text,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Counsel {
    pub name: Text,
    pub firm: Text,
    pub address: Vec<Text>,
    pub phone: Text,
}

/// The class of securities the offer seeks.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SubjectSecurity {
    /// As on the cover page: "Common Stock".
    pub title: Text,
    pub cusip: Cusip,
    pub closing_price: ClosingPrice,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ClosingPrice {
    pub price: Positive,
    pub date: Date,
    pub market: Text,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Offer {
    pub max_shares: Shares,
    #[serde(default)]
    pub min_shares: Option<Shares>,
    pub consideration: Consideration,
    /// The offer's conditions as the announcement summarises them.
    pub conditions_summary: Text,
    #[serde(default)]
    pub exemption: Option<Exemption>,
}

/// The registration exemption the new securities are issued under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Exemption {
    /// Section 3(a)(9) of the Securities Act: an exchange with existing holders, no
    /// commission paid for soliciting it.
    #[serde(rename = "section_3a9")]
    Section3a9,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Consideration {
    pub security: NewSecurity,
    /// Exactly one of `aggregate_liquidation_preference` and `block` is given.
    #[serde(default)]
    pub aggregate_liquidation_preference: Option<Positive>,
    #[serde(default)]
    pub block: Option<BlockRatio>,
}

/// "Each N shares of common for K new shares".
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct BlockRatio {
    pub shares: Shares,
    pub new_shares: Shares,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct NewSecurity {
    /// "Series D Cumulative Redeemable Perpetual Preferred Stock"; the documents print the
    /// dividend rate before it.
    pub title: Text,
    /// The defined term: "Series D Preferred Stock".
    pub short_name: Text,
    /// How a headline names it, e.g. "Series D Preferred Shares"; defaults to `short_name`.
    #[serde(default)]
    pub headline_name: Option<Text>,
    pub dividend_rate: Percent,
    pub liquidation_preference: Positive,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct KeyDates {
    /// The day the announcement is first used (the press release's date).
    pub announcement: Date,
    /// The day the company promises further details, if it does.
    #[serde(default)]
    pub next_announcement: Option<Date>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct InvestorContact {
    pub email: Text,
    pub phone: Text,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PressRelease {
    pub dateline_city: Text,
    pub wire_service: Text,
    /// True when the company announced the offer before and this release repeats it.
    #[serde(default)]
    pub reiterates_prior_announcement: bool,
}

/// The decimal places at which each kind of percentage is printed; half away from zero.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Presentation {
    #[serde(default)]
    pub percent_places: PercentPlaces,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PercentPlaces {
    /// Premium of the effective price over the closing price.
    #[serde(default)]
    pub premium: Places,
    /// The annual dividend as a percentage of the closing price.
    #[serde(default)]
    pub dividend_yield: Places,
    /// First-year total premium (price plus one year of dividends).
    #[serde(default)]
    pub total_premium: Places,
    /// The new security's dividend rate ("13.00%").
    #[serde(default)]
    pub dividend_rate: Places,
}

/// A number of decimal places, 0 to 4.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Places(pub u32);

impl<'de> Deserialize<'de> for Places {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let n = u32::deserialize(d)?;
        if n > 4 {
            return Err(serde::de::Error::invalid_value(
                serde::de::Unexpected::Unsigned(n.into()),
                &"a number of decimal places from 0 to 4",
            ));
        }
        Ok(Places(n))
    }
}
