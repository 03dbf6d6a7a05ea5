//! Filing fees (Rule 0-11): the fee-rate table, the transaction valuation, the fee, fees
//! previously paid and offsets, and the filing fee exhibit in Inline XBRL.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use crate::terms::{Date, Positive};

/// One SEC fiscal year's fee rate.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct FeeRate {
    pub fiscal_year: i32,
    pub effective: Date,
    pub rate_per_million: Positive,
}

const TABLE_SOURCE: &str = include_str!("../data/fee-rates.yaml");

/// The fee-rate table, from data/fee-rates.yaml (built into the binary).
pub static RATES: LazyLock<Vec<FeeRate>> = LazyLock::new(|| {
    let mut rates: Vec<FeeRate> = serde_saphyr::from_str(TABLE_SOURCE).unwrap_or_default();
    rates.sort_by_key(|r| r.effective);
    rates
});

/// The rate in force on a filing date: the fiscal year that began on or before it. A date
/// after the last fiscal year in the table (or before the first) has no rate.
pub fn rate_on(date: NaiveDate) -> Result<&'static FeeRate, String> {
    let rates = &*RATES;
    let (Some(first), Some(last)) = (rates.first(), rates.last()) else {
        return Err("the fee-rate table data/fee-rates.yaml is empty".into());
    };
    let year_end = NaiveDate::from_ymd_opt(last.effective.0.year() + 1, 9, 30).unwrap_or(last.effective.0);
    if date > year_end {
        return Err(format!(
            "{} is after the last fiscal year with a known fee rate (FY{} ends {}): add the FY{} rate to data/fee-rates.yaml, or give `fee.rate_per_million`",
            crate::format::date(date),
            last.fiscal_year,
            crate::format::date(year_end),
            last.fiscal_year + 1
        ));
    }
    if date < first.effective.0 {
        return Err(format!(
            "{} is before FY{}, the first fiscal year in data/fee-rates.yaml: give `fee.rate_per_million`",
            crate::format::date(date),
            first.fiscal_year
        ));
    }
    rates.iter().rev().find(|r| r.effective.0 <= date).ok_or_else(|| "no fee rate".into())
}

/// Fee = valuation x rate per million / 1,000,000, to the cent, half up.
pub fn fee(valuation: Decimal, rate_per_million: Decimal) -> Option<Decimal> {
    let raw = valuation.checked_mul(rate_per_million)?.checked_div(Decimal::from(1_000_000))?;
    Some(raw.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero))
}

/// The fee rate as the exhibit prints and tags it: a pure number per dollar (138.10 per
/// million is 0.0001381).
pub fn rate_as_fraction(rate_per_million: Decimal) -> Decimal {
    (rate_per_million / Decimal::from(1_000_000)).normalize()
}

/// Warnings about the fee's inputs: the market value of an exchange offer's shares should be
/// taken within 5 business days before the filing (Rule 0-11(a)(4)).
pub fn warnings(terms: &crate::terms::Terms) -> Vec<String> {
    let mut out = Vec::new();
    let Some(mv) = terms.fee.as_ref().and_then(|f| f.market_value.as_ref()) else { return out };
    if terms.filing.form.is_amendment() || terms.stage() == crate::terms::Stage::Intent {
        return out;
    }
    let calendar = crate::calendar::Calendar::new(&terms.calendar);
    let filed = terms.filing.date.0;
    let business_days_before = mv
        .date
        .0
        .iter_days()
        .skip(1)
        .take_while(|d| *d <= filed)
        .filter(|d| calendar.is_business_day(*d))
        .count();
    if business_days_before > 5 {
        out.push(format!(
            "fee.market_value.date: the prices are from {}, {business_days_before} business days before the filing date {}; Rule 0-11(a)(4) values the shares on a date within 5 business days before filing",
            crate::format::date(mv.date.0),
            crate::format::date(filed)
        ));
    }
    out
}

/// The name of the filing fee exhibit in a rendered set.
pub const EXHIBIT_FILE: &str = "filing-fees.htm";

/// The ffd and dei taxonomy year for a filing date: the filing's year, within the versions
/// secdraft knows (2022 to 2026).
fn taxonomy_year(date: NaiveDate) -> i32 {
    date.year().clamp(2022, 2026)
}

fn text(s: &str) -> String {
    let mut out = String::new();
    crate::html::escape_text(&mut out, s);
    out
}

/// An amount tagged as an ffd fact: printed as the figure prints, tagged with the exact value
/// that print shows.
fn money_fact(name: &str, context: &str, value: Decimal) -> String {
    let shown = crate::format::cents(value);
    let number = shown.trim_start_matches('$');
    format!(
        "$<ix:nonFraction name=\"{name}\" contextRef=\"{context}\" unitRef=\"USD\" decimals=\"2\" format=\"ixt:num-dot-decimal\">{number}</ix:nonFraction>"
    )
}

const CELL: &str = "border: 1px solid #000000; padding: 3pt 6pt; vertical-align: top";

fn row(cells: &[String]) -> String {
    let mut out = String::from("<tr>");
    for (i, c) in cells.iter().enumerate() {
        let align = if i == 0 { "left" } else { "right" };
        out.push_str(&format!("<td align=\"{align}\" style=\"{CELL}\">{c}</td>"));
    }
    out.push_str("</tr>\n");
    out
}

/// The filing fee exhibit (EX-FILING FEES) of a Schedule TO filing: the fee table, its totals
/// and notes, as well-formed XHTML tagged in Inline XBRL with the SEC's ffd taxonomy. Every
/// tagged value is the figure printed beside it.
pub fn exhibit(terms: &crate::terms::Terms, figures: &crate::figures::Figures) -> String {
    use crate::terms::OfferKind;
    let value = |name: &str| figures.value(name).unwrap_or_default();
    let in_force = terms.in_force();
    let date = terms.filing.date.0;
    let year = taxonomy_year(date);
    let form = terms.filing.form.edgar_name();
    let cik_note = terms.issuer.cik.is_none();
    let cik = terms
        .issuer
        .cik
        .as_ref()
        .map(|c| format!("{:0>10}", c.as_str().trim()))
        .unwrap_or_else(|| "0000000000".to_owned());
    let period = format!(
        "<xbrli:period><xbrli:startDate>{date}</xbrli:startDate><xbrli:endDate>{date}</xbrli:endDate></xbrli:period>"
    );
    let entity = |segment: &str| {
        format!(
            "<xbrli:entity><xbrli:identifier scheme=\"http://www.sec.gov/CIK\">{cik}</xbrli:identifier>{segment}</xbrli:entity>"
        )
    };
    let line = |n: u32| {
        format!(
            "<xbrli:segment><xbrldi:typedMember dimension=\"ffd:OfferingAxis\"><dei:lineNo>{n}</dei:lineNo></xbrldi:typedMember></xbrli:segment>"
        )
    };
    let previously = value("fees_previously_paid");
    let offsets = value("fee_offsets");
    let has_previous = previously > Decimal::ZERO;

    let mut hidden = vec![
        format!("<ix:nonNumeric name=\"dei:EntityCentralIndexKey\" contextRef=\"c\">{cik}</ix:nonNumeric>"),
        format!("<ix:nonNumeric name=\"ffd:SubmissnTp\" contextRef=\"c\">{form}</ix:nonNumeric>"),
        "<ix:nonNumeric name=\"ffd:FeeExhibitTp\" contextRef=\"c\">EX-FILING FEES</ix:nonNumeric>".to_owned(),
        "<ix:nonNumeric name=\"ffd:PrevslyPdFlg\" contextRef=\"l1\">false</ix:nonNumeric>".to_owned(),
        "<ix:nonNumeric name=\"ffd:Rule011Flg\" contextRef=\"l1\">true</ix:nonNumeric>".to_owned(),
    ];
    let mut contexts = vec![
        format!("<xbrli:context id=\"c\">{}{period}</xbrli:context>", entity("")),
        format!("<xbrli:context id=\"l1\">{}{period}</xbrli:context>", entity(&line(1))),
    ];
    if has_previous {
        hidden.push(
            "<ix:nonNumeric name=\"ffd:PrevslyPdFlg\" contextRef=\"l2\">true</ix:nonNumeric>".to_owned(),
        );
        hidden
            .push("<ix:nonNumeric name=\"ffd:Rule011Flg\" contextRef=\"l2\">true</ix:nonNumeric>".to_owned());
        contexts.push(format!("<xbrli:context id=\"l2\">{}{period}</xbrli:context>", entity(&line(2))));
    }

    let mut out = String::from("<?xml version=\"1.0\" encoding=\"us-ascii\"?>\n");
    out.push_str(&format!(
        "<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:ix=\"http://www.xbrl.org/2013/inlineXBRL\" \
         xmlns:ixt=\"http://www.xbrl.org/inlineXBRL/transformation/2020-02-12\" xmlns:xbrli=\"http://www.xbrl.org/2003/instance\" \
         xmlns:xbrldi=\"http://xbrl.org/2006/xbrldi\" xmlns:link=\"http://www.xbrl.org/2003/linkbase\" \
         xmlns:xlink=\"http://www.w3.org/1999/xlink\" xmlns:iso4217=\"http://www.xbrl.org/2003/iso4217\" \
         xmlns:dei=\"http://xbrl.sec.gov/dei/{year}\" xmlns:ffd=\"http://xbrl.sec.gov/ffd/{year}\">\n"
    ));
    out.push_str("<head>\n<title>Filing Fee Exhibit</title>\n</head>\n");
    out.push_str("<body style=\"font-family: 'Times New Roman', Times, serif; font-size: 11pt; color: #000000; background-color: #ffffff; max-width: 8in; margin: 0.75in auto; padding: 0 0.25in\">\n");
    out.push_str("<div style=\"display: none\">\n<ix:header>\n<ix:hidden>\n");
    for h in &hidden {
        out.push_str(h);
        out.push('\n');
    }
    out.push_str("</ix:hidden>\n<ix:references>\n");
    out.push_str(&format!(
        "<link:schemaRef xlink:type=\"simple\" xlink:href=\"https://xbrl.sec.gov/ffd/{year}/ffd-{year}.xsd\"/>\n"
    ));
    out.push_str("</ix:references>\n<ix:resources>\n");
    for c in &contexts {
        out.push_str(c);
        out.push('\n');
    }
    out.push_str("<xbrli:unit id=\"USD\"><xbrli:measure>iso4217:USD</xbrli:measure></xbrli:unit>\n");
    out.push_str("<xbrli:unit id=\"pure\"><xbrli:measure>xbrli:pure</xbrli:measure></xbrli:unit>\n");
    out.push_str("</ix:resources>\n</ix:header>\n</div>\n");

    let p = |s: &str| format!("<p style=\"margin: 0 0 10pt 0; text-align: center\">{s}</p>\n");
    out.push_str(&p("<b>Calculation of Filing Fee Tables</b>"));
    out.push_str(&p(&format!("<b>{}</b><br/>(Form Type)", text(form))));
    out.push_str(&p(&format!(
        "<b>{}</b><br/>(Exact Name of Registrant as Specified in its Charter)",
        text(terms.issuer.name.as_str())
    )));
    if cik_note {
        out.push_str(&p("[Central Index Key of the filer: to draft (<tt>issuer.cik</tt>); the XBRL identifier reads 0000000000 until then.]"));
    }
    out.push_str(&p("<b>Table 1: Transaction Valuation</b>"));
    out.push_str("<table style=\"border-collapse: collapse; width: 100%; margin: 0 0 10pt 0\" cellspacing=\"0\" cellpadding=\"0\">\n");
    out.push_str(&row(&[
        "".into(),
        "<b>Transaction Valuation</b>".into(),
        "<b>Fee Rate</b>".into(),
        "<b>Amount of Filing Fee</b>".into(),
    ]));
    out.push_str(&row(&[
        "Fees to Be Paid".into(),
        format!("{} (1)", money_fact("ffd:TxValtn", "l1", value("transaction_valuation"))),
        format!(
            "<ix:nonFraction name=\"ffd:FeeRate\" contextRef=\"l1\" unitRef=\"pure\" decimals=\"INF\" format=\"ixt:num-dot-decimal\">{}</ix:nonFraction>",
            value("fee_rate").normalize()
        ),
        format!("{} (2)", money_fact("ffd:FeeAmt", "l1", value("filing_fee"))),
    ]));
    if has_previous {
        out.push_str(&row(&[
            "Fees Previously Paid".into(),
            String::new(),
            String::new(),
            format!("{} (3)", money_fact("ffd:FeeAmt", "l2", previously)),
        ]));
    } else {
        out.push_str(&row(&["Fees Previously Paid".into(), String::new(), String::new(), "$0.00".into()]));
    }
    out.push_str(&row(&[
        "Total Transaction Valuation".into(),
        money_fact("ffd:TtlTxValtn", "c", value("transaction_valuation")),
        String::new(),
        String::new(),
    ]));
    out.push_str(&row(&[
        "Total Fees Due for Filing".into(),
        String::new(),
        String::new(),
        money_fact("ffd:TtlFeeAmt", "c", value("filing_fee")),
    ]));
    out.push_str(&row(&[
        "Total Fees Previously Paid".into(),
        String::new(),
        String::new(),
        money_fact("ffd:TtlPrevslyPdAmt", "c", previously),
    ]));
    out.push_str(&row(&[
        "Total Fee Offsets".into(),
        String::new(),
        String::new(),
        money_fact("ffd:TtlOffsetAmt", "c", offsets),
    ]));
    out.push_str(&row(&[
        "Net Fee Due".into(),
        String::new(),
        String::new(),
        money_fact("ffd:NetFeeAmt", "c", value("net_fee_due")),
    ]));
    out.push_str("</table>\n");

    // Notes explaining the valuation with the computed figures.
    let shares = |n: Option<crate::terms::Shares>| {
        n.and_then(|s| crate::format::shares(s.decimal())).unwrap_or_default()
    };
    let valuation_note = match in_force.kind() {
        OfferKind::Exchange => match in_force.fee.as_ref().and_then(|f| f.market_value.as_ref()) {
            Some(mv) => format!(
                "Estimated solely for the purpose of calculating the filing fee. The transaction valuation is the market value of the {} shares of {} sought in the offer, based on the average of the high ({}) and low ({}) sales prices of the {} as reported on the {} on {}, in accordance with Rule 0-11(a)(4) under the Securities Exchange Act of 1934, as amended.",
                shares(in_force.offer.max_shares),
                in_force.security.title.as_str().to_lowercase(),
                crate::format::money(mv.high.0),
                crate::format::money(mv.low.0),
                in_force.security.title.as_str().to_lowercase(),
                in_force.security.closing_price.market.as_str(),
                crate::format::date(mv.date.0)
            ),
            None => format!(
                "Estimated solely for the purpose of calculating the filing fee. There being no market for the {}, the transaction valuation is their book value, {} per share, times the {} shares sought, in accordance with Rule 0-11(a)(4) under the Securities Exchange Act of 1934, as amended.",
                in_force.security.title.as_str().to_lowercase(),
                in_force.fee.as_ref().and_then(|f| f.book_value_per_share).map(|b| crate::format::money(b.0)).unwrap_or_default(),
                shares(in_force.offer.max_shares)
            ),
        },
        OfferKind::Cash => format!(
            "Estimated solely for the purpose of calculating the filing fee. The transaction valuation assumes the purchase of {} shares of {} at the purchase price of {} per share in cash.",
            shares(in_force.offer.max_shares),
            in_force.security.title.as_str().to_lowercase(),
            in_force.offer.cash_price.map(|p| crate::format::money(p.0)).unwrap_or_default()
        ),
        OfferKind::DutchAuction => match in_force.offer.auction.as_ref() {
            Some(a) if in_force.offer.max_shares.is_some() => format!(
                "Estimated solely for the purpose of calculating the filing fee. The transaction valuation assumes the purchase of {} shares of {} at the maximum purchase price of {} per share in cash.",
                shares(in_force.offer.max_shares),
                in_force.security.title.as_str().to_lowercase(),
                crate::format::money(a.max_price.0)
            ),
            _ => "Estimated solely for the purpose of calculating the filing fee. The transaction valuation is the maximum aggregate purchase price of the offer.".to_owned(),
        },
    };
    let rate_note = format!(
        "The amount of the filing fee is calculated in accordance with Rule 0-11 under the Securities Exchange Act of 1934, as amended, at {} per $1,000,000 of the transaction valuation, rounded to the cent.",
        crate::format::cents(value("fee_rate") * Decimal::from(1_000_000))
    );
    let mut notes = vec![valuation_note, rate_note];
    if has_previous {
        let filed = terms.dates.commencement.map(|d| crate::format::date(d.0)).unwrap_or_default();
        notes.push(format!("Paid in connection with the Schedule TO filed on {filed}."));
    }
    out.push_str(&p("<b>Table 1: Notes</b>"));
    for (i, note) in notes.iter().enumerate() {
        out.push_str(&format!(
            "<p style=\"margin: 0 0 10pt 0; text-align: justify\">({}) {}</p>\n",
            i + 1,
            text(note)
        ));
    }
    if let Some(f) = &terms.fee
        && !f.offsets.is_empty()
    {
        out.push_str(&p("<b>Table 2: Fee Offset Claims and Sources</b>"));
        out.push_str("<table style=\"border-collapse: collapse; width: 100%; margin: 0 0 10pt 0\" cellspacing=\"0\" cellpadding=\"0\">\n");
        out.push_str(&row(&[
            "<b>Form or Filing Type</b>".into(),
            "<b>File Number</b>".into(),
            "<b>Filing Date</b>".into(),
            "<b>Fee Offset Claimed</b>".into(),
        ]));
        for o in &f.offsets {
            out.push_str(&row(&[
                text(o.form.as_str()),
                text(o.file_number.as_str()),
                text(&crate::format::date(o.filed.0)),
                text(&crate::format::cents(o.amount.0)),
            ]));
        }
        out.push_str("</table>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn twenty_five_million_on_november_3_2025_pays_3452_50() {
        let rate = rate_on(date("2025-11-03")).unwrap();
        assert_eq!(rate.fiscal_year, 2026);
        assert_eq!(rate.rate_per_million.0, d("138.10"));
        assert_eq!(fee(d("25000000"), rate.rate_per_million.0).unwrap(), d("3452.50"));
        assert_eq!(rate_as_fraction(d("138.10")), d("0.0001381"));
    }

    #[test]
    fn the_fiscal_year_turns_on_october_1() {
        assert_eq!(rate_on(date("2025-09-30")).unwrap().fiscal_year, 2025);
        assert_eq!(rate_on(date("2025-10-01")).unwrap().fiscal_year, 2026);
        assert_eq!(rate_on(date("2023-09-30")).unwrap().rate_per_million.0, d("110.20"));
        assert_eq!(rate_on(date("2023-10-01")).unwrap().rate_per_million.0, d("147.60"));
        assert_eq!(rate_on(date("2026-09-30")).unwrap().fiscal_year, 2026);
        let err = rate_on(date("2026-10-01")).unwrap_err();
        assert!(err.contains("add the FY2027 rate"), "{err}");
        assert!(rate_on(date("2021-09-30")).is_err());
    }

    #[test]
    fn fees_round_half_up_to_the_cent() {
        // 1,234,567 x 138.10 / 1,000,000 = 170.4937027 -> 170.49
        assert_eq!(fee(d("1234567"), d("138.10")).unwrap(), d("170.49"));
        // 100,000 x 0.05 / 1,000,000 = 0.005 -> 0.01
        assert_eq!(fee(d("100000"), d("0.05")).unwrap(), d("0.01"));
    }

    #[test]
    fn the_table_matches_the_reference() {
        let years: Vec<(i32, String)> =
            RATES.iter().map(|r| (r.fiscal_year, r.rate_per_million.0.to_string())).collect();
        assert_eq!(
            years,
            [
                (2022, "92.70".into()),
                (2023, "110.20".into()),
                (2024, "147.60".into()),
                (2025, "153.10".into()),
                (2026, "138.10".into())
            ]
        );
    }
}
