//! Scalar types of the terms file. Each one reads the YAML scalar as text and parses it
//! itself, so that numbers never pass through `f64` and a bad value is reported at its own
//! line and column by the YAML loader.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::de::{self, Deserializer, Unexpected, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// Reads any scalar as its source text. Integers reach us as text too (serde-saphyr hands a
/// plain scalar to `deserialize_str` verbatim); the integer arms only matter for other
/// deserializers.
struct ScalarText(&'static str);

impl Visitor<'_> for ScalarText {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.0)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
        Ok(v.to_owned())
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<String, E> {
        Ok(v.to_string())
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<String, E> {
        Ok(v.to_string())
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<String, E> {
        Err(E::invalid_type(Unexpected::Float(v), &self))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<String, E> {
        Err(E::invalid_type(Unexpected::Bool(v), &self))
    }
}

pub(super) fn scalar_text<'de, D: Deserializer<'de>>(
    d: D,
    expecting: &'static str,
) -> Result<String, D::Error> {
    d.deserialize_str(ScalarText(expecting))
}

/// "expected ..., found `...`", naming the value as it was written.
fn expected<E: de::Error>(expecting: &str, found: &str) -> E {
    E::custom(format!("expected {expecting}, found `{}`", found.trim()))
}

/// Parses a decimal written in the terms file exactly: `0.083`, `15000000`, `15_000_000`.
pub fn parse_decimal(text: &str) -> Result<Decimal, String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err("the value is empty".into());
    }
    if in_exponent_notation(trimmed) {
        return Err(format!("`{trimmed}` is in exponent notation; write the number out in full"));
    }
    if trimmed.starts_with('$') || trimmed.contains(',') {
        return Err(format!(
            "`{trimmed}` contains `$` or `,`; write a plain number such as 15000000 or 15_000_000"
        ));
    }
    let digits: String = trimmed.chars().filter(|c| *c != '_').collect();
    if !digits
        .chars()
        .enumerate()
        .all(|(i, c)| c.is_ascii_digit() || c == '.' || (i == 0 && (c == '-' || c == '+')))
    {
        return Err(format!("`{trimmed}` is not a number"));
    }
    Decimal::from_str_exact(&digits).map_err(|_| {
        format!("`{trimmed}` cannot be held exactly: secdraft keeps at most 28 digits after the point and 28 in all")
    })
}

/// `1e6`, `-2.5E-3`: a number in exponent notation. Words such as `none` or `TBE` hold an
/// `e` too, and are simply not numbers.
fn in_exponent_notation(text: &str) -> bool {
    let Some((mantissa, exponent)) = text.split_once(['e', 'E']) else { return false };
    let mantissa = mantissa.strip_prefix(['+', '-']).unwrap_or(mantissa);
    let exponent = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
    mantissa.chars().any(|c| c.is_ascii_digit())
        && mantissa.chars().all(|c| c.is_ascii_digit() || c == '.' || c == '_')
        && !exponent.is_empty()
        && exponent.chars().all(|c| c.is_ascii_digit())
}

/// A strictly positive exact decimal: prices, amounts, liquidation preferences.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Positive(pub Decimal);

impl<'de> Deserialize<'de> for Positive {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        const EXPECTING: &str = "a positive number written exactly, such as 0.083 or 15000000";
        let text = scalar_text(d, EXPECTING)?;
        let value = parse_decimal(&text).map_err(de::Error::custom)?;
        if value <= Decimal::ZERO {
            return Err(expected(EXPECTING, &text));
        }
        Ok(Positive(value))
    }
}

/// A whole, strictly positive number of shares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Shares(pub u64);

impl Shares {
    pub fn decimal(self) -> Decimal {
        Decimal::from(self.0)
    }
}

/// `value` as a whole number of zero or more, if it is one a u64 holds. The callers refuse
/// anything else as not a count ("expected a whole number ..."), except a whole number past
/// what a count can be, which [`too_many`] names as such.
fn whole_number(value: Decimal) -> Option<u64> {
    if value.fract().is_zero() && value >= Decimal::ZERO { u64::try_from(value).ok() } else { None }
}

/// The error of a count that is whole but larger than any count of shares can be.
fn too_many<E: de::Error>(value: Decimal, text: &str) -> Option<E> {
    (value.fract().is_zero() && value > Decimal::from(u64::MAX)).then(|| {
        E::custom(format!(
            "`{}` is too large: a number of shares is at most {}",
            text.trim(),
            crate::format::shares(Decimal::from(u64::MAX)).unwrap_or_default()
        ))
    })
}

impl<'de> Deserialize<'de> for Shares {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        const EXPECTING: &str = "a whole number of shares greater than zero, such as 60000000";
        let text = scalar_text(d, EXPECTING)?;
        let value = parse_decimal(&text).map_err(de::Error::custom)?;
        match whole_number(value) {
            Some(n) if n > 0 => Ok(Shares(n)),
            _ => Err(too_many(value, &text).unwrap_or_else(|| expected(EXPECTING, &text))),
        }
    }
}

/// A whole number of shares that may be zero: counts in the results.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Count(pub u64);

impl Count {
    pub fn decimal(self) -> Decimal {
        Decimal::from(self.0)
    }
}

impl<'de> Deserialize<'de> for Count {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        const EXPECTING: &str = "a whole number of shares, zero or more, such as 150000";
        let text = scalar_text(d, EXPECTING)?;
        let value = parse_decimal(&text).map_err(de::Error::custom)?;
        match whole_number(value) {
            Some(n) => Ok(Count(n)),
            None => Err(too_many(value, &text).unwrap_or_else(|| expected(EXPECTING, &text))),
        }
    }
}

/// A percentage written with its sign, `13.00%`; kept exactly as written (13.00) and used as
/// a fraction (0.13) in arithmetic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Percent(Decimal);

impl Percent {
    pub fn fraction(self) -> Decimal {
        self.0 / Decimal::ONE_HUNDRED
    }
    pub fn as_written(self) -> Decimal {
        self.0
    }
}

impl Serialize for Percent {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // Templates receive the fraction, the same unit as every computed percentage figure.
        Serialize::serialize(&self.fraction(), s)
    }
}

impl<'de> Deserialize<'de> for Percent {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        const EXPECTING: &str = "a percentage with its sign between 0% and 100%, such as 13.00%";
        let text = scalar_text(d, EXPECTING)?;
        let Some(number) = text.trim().strip_suffix('%') else {
            return Err(de::Error::custom(format!(
                "`{text}` has no percent sign; write the rate as a percentage, such as 13.00%"
            )));
        };
        let value = parse_decimal(number).map_err(de::Error::custom)?;
        if value <= Decimal::ZERO || value > Decimal::ONE_HUNDRED {
            return Err(expected(EXPECTING, &text));
        }
        Ok(Percent(value))
    }
}

/// A calendar date written `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date(pub NaiveDate);

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0.format("%Y-%m-%d"))
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        const EXPECTING: &str = "a calendar date written YYYY-MM-DD, such as 2023-12-12";
        let text = scalar_text(d, EXPECTING)?;
        let trimmed = text.trim();
        let shape_ok = trimmed.len() == 10
            && trimmed
                .char_indices()
                .all(|(i, c)| if i == 4 || i == 7 { c == '-' } else { c.is_ascii_digit() });
        if !shape_ok {
            return Err(expected(EXPECTING, &text));
        }
        NaiveDate::parse_from_str(trimmed, "%Y-%m-%d")
            .map(Date)
            .map_err(|_| de::Error::custom(format!("{trimmed} is not a date on the calendar")))
    }
}

/// A CUSIP, validated with its check digit (reference section 7).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Cusip(String);

impl Cusip {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The check digit of the first eight characters of a CUSIP, or `None` when one of them is
/// not a CUSIP character.
pub fn cusip_check_digit(first_eight: &str) -> Option<u32> {
    let mut sum = 0;
    for (i, c) in first_eight.chars().enumerate() {
        let mut v = match c.to_ascii_uppercase() {
            d @ '0'..='9' => d as u32 - '0' as u32,
            l @ 'A'..='Z' => l as u32 - 'A' as u32 + 10,
            '*' => 36,
            '@' => 37,
            '#' => 38,
            _ => return None,
        };
        if i % 2 == 1 {
            v *= 2;
        }
        sum += v / 10 + v % 10;
    }
    Some((10 - sum % 10) % 10)
}

impl FromStr for Cusip {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let compact: String = text.chars().filter(|c| *c != ' ').collect::<String>().to_ascii_uppercase();
        let chars: Vec<char> = compact.chars().collect();
        if chars.len() != 9 {
            return Err(format!("a CUSIP has nine characters; `{text}` has {}", chars.len()));
        }
        // By characters: a byte offset could fall inside a non-ASCII character (found by fuzzing).
        let first_eight: String = chars[..8].iter().collect();
        let expected = cusip_check_digit(&first_eight)
            .ok_or_else(|| format!("`{text}` contains a character that cannot appear in a CUSIP"))?;
        match chars[8].to_digit(10) {
            Some(d) if d == expected => Ok(Cusip(compact)),
            _ => Err(format!(
                "`{text}` fails the CUSIP check digit: for {first_eight} the ninth character must be {expected}"
            )),
        }
    }
}

impl<'de> Deserialize<'de> for Cusip {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = scalar_text(d, "a nine-character CUSIP such as 09175M408")?;
        text.parse().map_err(de::Error::custom)
    }
}

/// Free text from the terms: any string without control characters, which have no place in a
/// filing and which EDGAR rejects, and without bidirectional overrides and isolates, which
/// make text display in an order other than the one it is read and checked in.
/// Zero-width characters are allowed within text, but not as all of it: text of only those
/// prints as nothing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Text(pub String);

impl Text {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        if let Some(c) = text.chars().find(|c| c.is_control() && *c != '\n' && *c != '\t') {
            return Err(de::Error::custom(format!(
                "the text contains the control character U+{:04X}, which a filing cannot carry",
                c as u32
            )));
        }
        if let Some(c) = text.chars().find(|c| is_bidi_control(*c)) {
            return Err(de::Error::custom(format!(
                "the text contains the bidirectional control character U+{:04X}, which can make a filing read differently from how it displays",
                c as u32
            )));
        }
        if let Some(c) = text.chars().find(|c| RESERVED.contains(c)) {
            return Err(de::Error::custom(format!(
                "the text contains U+{:04X}, a private-use character secdraft reserves to mark the figures it prints",
                c as u32
            )));
        }
        if text.chars().all(|c| c.is_whitespace() || is_zero_width(c)) {
            return Err(de::Error::custom(if text.chars().any(is_zero_width) {
                "the text is empty: it holds only zero-width characters"
            } else {
                "the text is empty"
            }));
        }
        Ok(Text(text))
    }
}

/// Private-use characters secdraft marks printed figures with while it renders; no text of
/// the terms may hold them, so no value can pass for a figure.
pub const RESERVED: std::ops::RangeInclusive<char> = '\u{E000}'..='\u{E003}';

/// The embedding and override controls (U+202A to U+202E) and the isolates (U+2066 to U+2069).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Zero width space, non-joiner and joiner, word joiner, and the byte order mark.
fn is_zero_width(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What the loader accepts for each scalar type, for the JSON Schema of the terms
/// (`secdraft schema`): a plain YAML number or a string in the same form, since every number is
/// read from its source text ([`parse_decimal`]), and the text forms of the others.
pub(crate) mod schema {
    use std::borrow::Cow;

    use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

    /// A decimal written out in full: digits with an optional point, `_` between digits allowed,
    /// no exponent, no `$` or `,`.
    const UNSIGNED: &str = r"^\s*\+?(?:[0-9_]*[0-9][0-9_]*(?:\.[0-9_]*)?|[0-9_]*\.[0-9_]*[0-9][0-9_]*)\s*$";
    const SIGNED: &str = r"^\s*[+-]?(?:[0-9_]*[0-9][0-9_]*(?:\.[0-9_]*)?|[0-9_]*\.[0-9_]*[0-9][0-9_]*)\s*$";
    /// A whole number: digits, `_` between them, and at most zeros after a point.
    const WHOLE: &str = r"^\s*\+?[0-9_]*[0-9][0-9_]*(?:\.[0_]*)?\s*$";
    /// Some digit other than zero, before any point: a whole number above zero.
    const NONZERO_WHOLE: &str = r"^[^.]*[1-9]";
    /// Some digit other than zero anywhere: a decimal above zero.
    const NONZERO: &str = r"[1-9]";

    /// Each scalar type's schema, under its own name in the definitions.
    macro_rules! scalar_schemas {
        ($($type:ty => $name:literal, $schema:tt;)*) => {$(
            impl JsonSchema for $type {
                fn schema_name() -> Cow<'static, str> {
                    Cow::Borrowed($name)
                }
                fn json_schema(_: &mut SchemaGenerator) -> Schema {
                    json_schema!($schema)
                }
            }
        )*};
    }

    scalar_schemas! {
        super::Positive => "Positive", {
            "description": "amount: an exact number greater than zero, written out in full (`0.083`, `15000000`, `15_000_000`), as a YAML number or a string; no exponent (`1e6`), `$` or `,`",
            "anyOf": [
                { "type": "number", "exclusiveMinimum": 0 },
                { "type": "string", "allOf": [{ "pattern": UNSIGNED }, { "pattern": NONZERO }] }
            ]
        };
        super::Shares => "Shares", {
            "description": "shares: a whole number greater than zero (`60000000`, `60_000_000`), as a YAML number or a string",
            "anyOf": [
                { "type": "integer", "minimum": 1, "maximum": u64::MAX },
                { "type": "string", "allOf": [{ "pattern": WHOLE }, { "pattern": NONZERO_WHOLE }] }
            ]
        };
        super::Count => "Count", {
            "description": "count: a whole number of shares, zero or more (`150000`, `150_000`), as a YAML number or a string",
            "anyOf": [
                { "type": "integer", "minimum": 0, "maximum": u64::MAX },
                { "type": "string", "pattern": WHOLE }
            ]
        };
        crate::terms::Amount => "Amount", {
            "description": "a signed amount written exactly (`125400`, `-3_210`, `0.42`), as a YAML number or a string; no exponent, `$` or `,`",
            "anyOf": [{ "type": "number" }, { "type": "string", "pattern": SIGNED }]
        };
        super::Percent => "Percent", {
            "description": "percent: a percentage with its sign, above 0% and at most 100% (`13.00%`)",
            "type": "string",
            "allOf": [{ "pattern": UNSIGNED.replace(r")\s*$", r")\s*%\s*$") }, { "pattern": NONZERO }]
        };
        super::Date => "Date", {
            "description": "date: a calendar date written YYYY-MM-DD (`2023-12-13`) that exists on the calendar",
            "type": "string",
            "pattern": r"^\s*[0-9]{4}-[0-9]{2}-[0-9]{2}\s*$",
            "format": "date"
        };
        super::Cusip => "Cusip", {
            "description": "a CUSIP: nine characters (letters, digits, `*`, `@`, `#`; spaces ignored) whose ninth is the check digit of the first eight (`09175M408`); one of digits alone may be written as a YAML number (which drops a leading zero)",
            "anyOf": [
                { "type": "string", "pattern": r"^(?: *[0-9A-Za-z*@#]){9} *$" },
                { "type": "integer", "minimum": 10_000_000, "maximum": 999_999_999 }
            ]
        };
        super::Text => "Text", {
            "description": "text: a string that is not empty, without control characters (line breaks and tabs aside) or bidirectional controls; a plain YAML number or `true`/`false` is read as the text written",
            "anyOf": [
                { "type": "string", "pattern": r"[^\s\u200B-\u200D\u2060\uFEFF]" },
                { "type": ["number", "boolean"] }
            ]
        };
        crate::terms::FiscalYearEnd => "FiscalYearEnd", {
            "description": "the last day of the fiscal year written MM-DD (`12-31`, `06-30`); a year ending on the last day of February is `02-28`",
            "type": "string",
            "pattern": r"^\s*(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))\s*$"
        };
        crate::terms::Places => "Places", {
            "description": "a number of decimal places, 0 to 4, as a YAML number or a string",
            "anyOf": [
                { "type": "integer", "minimum": 0, "maximum": 4 },
                { "type": "string", "pattern": "^[0-4]$" }
            ]
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_whole_numbers_a_u64_holds_and_nothing_else() {
        let count = |text: &str| whole_number(parse_decimal(text).unwrap());
        assert_eq!(count("0"), Some(0));
        assert_eq!(count("60_000_000"), Some(60_000_000));
        assert_eq!(count("18446744073709551615"), Some(u64::MAX));
        assert_eq!(count("18446744073709551616"), None, "past u64 is refused, not wrapped");
        assert_eq!(count("1.5"), None);
        assert_eq!(count("-1"), None);
    }

    #[test]
    fn decimals_load_exactly() {
        assert_eq!(parse_decimal("0.083").unwrap().to_string(), "0.083");
        assert_eq!(parse_decimal("123456789012345678.91").unwrap().to_string(), "123456789012345678.91");
        assert_eq!(parse_decimal("15_000_000").unwrap().to_string(), "15000000");
        assert!(parse_decimal("1e6").is_err());
        assert!(parse_decimal("$1,000").is_err());
        assert!(parse_decimal("0.123456789012345678901234567890").is_err());
        assert!(parse_decimal("1E-3").unwrap_err().contains("exponent notation"));
        for word in ["none", "TBE", "e", "1e", "e5", "n/a"] {
            let why = parse_decimal(word).unwrap_err();
            assert!(why.contains("is not a number"), "{word}: {why}");
        }
    }

    #[test]
    fn cusip_check_digits_from_the_reference() {
        for valid in
            ["037833100", "17275R102", "38259P508", "594918104", "68389X105", "09175M408", "453440 30 7"]
        {
            assert!(valid.parse::<Cusip>().is_ok(), "{valid} should be valid");
        }
        let err = "68389X106".parse::<Cusip>().unwrap_err();
        assert!(err.contains("must be 5"), "{err}");
        assert!("0917".parse::<Cusip>().is_err());
        assert!("09175M40!".parse::<Cusip>().is_err());
        // Nine characters, some of them multi-byte: refused, not a panic.
        assert!("0917\u{fffd}\u{fffd}M408".parse::<Cusip>().is_err());
        assert!("\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}".parse::<Cusip>().is_err());
    }
}
