//! How figures and values are printed in filing text. The Tera filters and the figure
//! engine's printed forms both call these, so a figure prints the same way everywhere.

use chrono::{Datelike, NaiveDate};
use rust_decimal::{Decimal, RoundingStrategy};

/// Per-share amounts are printed to at most this many decimal places.
pub const MAX_MONEY_PLACES: u32 = 4;

/// Groups the digits of a whole number with commas: 60000000 -> 60,000,000.
fn group_thousands(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The most decimal places a caller may ask for: rust_decimal holds at most 28, so a place
/// past the 28th is always zero, and a bound keeps a caller's `places` from sizing a string.
pub const MAX_PLACES: u32 = 28;

/// Why a value cannot be printed as asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormatError {
    /// More decimal places than [`MAX_PLACES`].
    TooManyPlaces(u32),
    /// The printed quantity (a fraction times one hundred) is beyond what a decimal holds.
    TooLarge(Decimal),
}

impl std::fmt::Display for FormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FormatError::TooManyPlaces(places) => {
                write!(f, "{places} decimal places: at most {MAX_PLACES} can be printed")
            }
            FormatError::TooLarge(value) => write!(f, "{value} is too large to print as a percentage"),
        }
    }
}

impl std::error::Error for FormatError {}

/// A decimal with grouped integer digits and exactly `places` decimals, rounded half away
/// from zero. The digits are those of the rounded value's own text, padded with zeros here:
/// rust_decimal writes a value formatted with a precision into a fixed buffer of 32
/// characters and panics when its digits plus the places pass it. Callers bound `places`.
pub(crate) fn grouped(value: Decimal, places: u32) -> String {
    let rounded = value.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero);
    let text = rounded.abs().to_string();
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let sign = if rounded.is_sign_negative() && !rounded.is_zero() { "-" } else { "" };
    let mut out = format!("{sign}{}", group_thousands(int));
    if places > 0 {
        out.push('.');
        out.push_str(frac);
        // `rounded` has at most `places` decimals, so this pads and never truncates.
        out.extend(std::iter::repeat_n('0', (places as usize).saturating_sub(frac.len())));
    }
    out
}

fn checked_places(places: u32) -> Result<u32, FormatError> {
    if places > MAX_PLACES { Err(FormatError::TooManyPlaces(places)) } else { Ok(places) }
}

/// A price or amount per share with the decimals it needs: at least two places and at most
/// [`MAX_MONEY_PLACES`] ($22.00, $0.25, $0.0325, $0.083). Aggregates print to the dollar with
/// [`dollars`].
pub fn money(value: Decimal) -> String {
    let places = value.normalize().scale().clamp(2, MAX_MONEY_PLACES);
    format!("${}", grouped(value, places))
}

/// Dollars at the `places` a caller chooses ($25.00); at most [`MAX_PLACES`].
pub fn money_places(value: Decimal, places: u32) -> Result<String, FormatError> {
    Ok(format!("${}", grouped(value, checked_places(places)?)))
}

/// Dollars to the dollar, as aggregates print ($15,000,000).
pub fn dollars(value: Decimal) -> String {
    format!("${}", grouped(value, 0))
}

/// Dollars to the cent, as fee tables print them ($3,452.50).
pub fn cents(value: Decimal) -> String {
    format!("${}", grouped(value, 2))
}

/// A whole number of shares, grouped: 60,000,000. `None` when the number is not whole.
pub fn shares(value: Decimal) -> Option<String> {
    value.fract().is_zero().then(|| grouped(value, 0))
}

/// A fraction as a percentage at `places` decimals, half away from zero: 2.01204 -> 201%.
pub fn percent(fraction: Decimal, places: u32) -> Result<String, FormatError> {
    let mut places = checked_places(places)?;
    let hundredfold = fraction.checked_mul(Decimal::ONE_HUNDRED).ok_or(FormatError::TooLarge(fraction))?;
    // A percentage short of 100 never prints as 100: a price of $0.01 against $8.40 is a
    // 99.88% decrease, not "a 100% decrease" (which would make it nothing), and a proration
    // factor of 99.96% is not all. It takes the fewest further places that show it short; at
    // its own scale it prints exactly, so this ends.
    let whole = |p: u32| hundredfold.round_dp_with_strategy(p, RoundingStrategy::MidpointAwayFromZero).abs();
    while places < MAX_PLACES
        && hundredfold.abs() < Decimal::ONE_HUNDRED
        && whole(places) == Decimal::ONE_HUNDRED
    {
        places += 1;
    }
    Ok(format!("{}%", grouped(hundredfold, places)))
}

/// An exchange ratio of common shares per new share: "100 to 1".
pub fn ratio(per_new_share: Decimal) -> String {
    let normal = per_new_share.normalize();
    if normal.fract().is_zero() { format!("{} to 1", grouped(normal, 0)) } else { format!("{} to 1", normal) }
}

/// An exact exchange ratio of `new_shares` new shares for each `shares` shares, both whole:
/// "100 to 1" when one new share is given, "2 for each 150" otherwise.
pub fn ratio_of(new_shares: Decimal, shares: Decimal) -> String {
    if new_shares == Decimal::ONE {
        return ratio(shares);
    }
    // New shares for each single share sought: "7 for each share", not "7 for each 1".
    if shares == Decimal::ONE {
        return format!("{} for each share", grouped(new_shares, 0));
    }
    format!("{} for each {}", grouped(new_shares, 0), grouped(shares, 0))
}

/// "a Delaware", "an Ohio", "an 82%", "a 1%", "an $8,000,000": the indefinite article the
/// text takes as it is read aloud. A number is read as counsel say it, by its leading group of
/// thousands ("800,000" is "eight hundred thousand", "11,250" is "eleven thousand ..."), so
/// it takes "an" when that group is read beginning with "eight" or "eleven"/"eighteen".
pub fn with_article(word: &str) -> String {
    let vowel_sound = match number_reads_with_vowel(word) {
        Some(reads) => reads,
        None => word_reads_with_vowel(word),
    };
    format!("{} {word}", if vowel_sound { "an" } else { "a" })
}

fn word_reads_with_vowel(word: &str) -> bool {
    let lower = word.to_lowercase();
    // "one" and "once" read "won"; an initial silent "h" reads as the vowel after it.
    if lower.starts_with("one") || lower.starts_with("once") {
        return false;
    }
    if ["hour", "honest", "honor", "honour", "heir"].iter().any(|w| lower.starts_with(w)) {
        return true;
    }
    // "U" reads as "you" in the words that follow an article here (Utah, United, unique).
    matches!(lower.chars().next(), Some('a' | 'e' | 'i' | 'o'))
}

/// Whether a number (optionally after a dollar sign) is read beginning with a vowel sound;
/// `None` when the text does not begin with a number.
fn number_reads_with_vowel(text: &str) -> Option<bool> {
    let digits_from = text.strip_prefix('$').unwrap_or(text);
    let whole: String = digits_from.chars().take_while(|c| c.is_ascii_digit() || *c == ',').collect();
    if !whole.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let leading_group = match whole.split_once(',') {
        Some((group, _)) => group.to_owned(),
        None => {
            let digits = whole.trim_start_matches('0');
            let width = match digits.len() % 3 {
                0 => 3.min(digits.len()),
                w => w,
            };
            digits[..width].to_owned()
        }
    };
    let group: u32 = leading_group.parse().unwrap_or(0);
    // 8, 80-89, 800-899 ("eight", "eighty", "eight hundred"); 11 and 18 ("eleven", "eighteen").
    Some(leading_group.starts_with('8') || group == 11 || group == 18)
}

/// Class names that are descriptions rather than names: filings write them in lower case in
/// running text ("shares of its common stock", "its Class A common stock").
const GENERIC_CLASSES: [&str; 7] = [
    "common stock",
    "common shares",
    "capital stock",
    "ordinary shares",
    "preferred stock",
    "common units",
    "shares of beneficial interest",
];

/// A class of securities as running text names it: a generic class (optionally after its
/// "Class A" letter) in lower case, as filings write it; any other title, such as "8% Series A
/// Cumulative Preferred Stock", as the terms give it, capitals and all.
pub fn class_in_text(title: &str) -> String {
    let (letter, rest) = match title.split_once(' ') {
        Some((class, rest)) if class.eq_ignore_ascii_case("class") => match rest.split_once(' ') {
            Some((letter, rest)) if letter.chars().count() <= 2 => (format!("Class {letter} "), rest),
            _ => (String::new(), title),
        },
        _ => (String::new(), title),
    };
    let lower = rest.to_lowercase();
    if GENERIC_CLASSES.contains(&lower.as_str()) { format!("{letter}{lower}") } else { title.to_owned() }
}

/// "December 12, 2023".
pub fn date(d: NaiveDate) -> String {
    d.format("%B %-d, %Y").to_string()
}

/// "Tuesday, December 12, 2023".
pub fn date_with_weekday(d: NaiveDate) -> String {
    format!("{}, {}", d.format("%A"), date(d))
}

/// Parses an ISO date as the templates receive it.
pub fn parse_iso_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok().filter(|d| d.year() > 0)
}

const ONES: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 10] =
    ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

fn word_value(word: &str) -> Option<u64> {
    if let Some(i) = ONES.iter().position(|w| *w == word) {
        return Some(i as u64);
    }
    TENS.iter().position(|w| !w.is_empty() && *w == word).map(|i| i as u64 * 10)
}

/// Parses words such as "sixty million" or "one thousand two hundred fifty" (up to the
/// trillions); `None` when they are not a number.
pub fn parse_number_words(words: &[&str]) -> Option<u64> {
    // Checked throughout: words such as "trillion trillion" must not wrap into a number the
    // text does not state.
    let (mut total, mut group) = (0u64, 0u64);
    let mut seen = false;
    for raw in words {
        let word = raw.to_lowercase();
        if word == "and" {
            continue;
        }
        let parts: Vec<&str> = word.split('-').collect();
        if parts.len() == 2 {
            group = group.checked_add(word_value(parts[0])? + word_value(parts[1])?)?;
            seen = true;
            continue;
        }
        match word.as_str() {
            "hundred" => group = group.max(1).checked_mul(100)?,
            "thousand" | "million" | "billion" | "trillion" => {
                let scale = match word.as_str() {
                    "thousand" => 1_000,
                    "million" => 1_000_000,
                    "billion" => 1_000_000_000,
                    _ => 1_000_000_000_000,
                };
                total = total.checked_add(group.max(1).checked_mul(scale)?)?;
                group = 0;
            }
            other => group = group.checked_add(word_value(other)?)?,
        }
        seen = true;
    }
    seen.then_some(total.checked_add(group)).flatten()
}
const SCALES: [(u64, &str); 4] = [
    (1_000_000_000_000, "trillion"),
    (1_000_000_000, "billion"),
    (1_000_000, "million"),
    (1_000, "thousand"),
];

fn below_thousand(n: u64, out: &mut Vec<String>) {
    let (hundreds, rest) = (n / 100, n % 100);
    if hundreds > 0 {
        out.push(format!("{} hundred", ONES[hundreds as usize]));
    }
    if rest >= 20 {
        let tens = TENS[(rest / 10) as usize];
        out.push(match rest % 10 {
            0 => tens.to_owned(),
            ones => format!("{tens}-{}", ONES[ones as usize]),
        });
    } else if rest > 0 {
        out.push(ONES[rest as usize].to_owned());
    }
}

/// A whole number in words, as legal drafting writes it: 60000000 -> "sixty million",
/// 1250 -> "one thousand two hundred fifty". Up to the trillions; `None` beyond or when the
/// number is not whole and non-negative.
pub fn words(value: Decimal) -> Option<String> {
    if !value.fract().is_zero() || value.is_sign_negative() {
        return None;
    }
    let mut n = u64::try_from(value).ok()?;
    if n >= 1_000_000_000_000_000 {
        return None;
    }
    if n == 0 {
        return Some(ONES[0].to_owned());
    }
    let mut out = Vec::new();
    for (scale, name) in SCALES {
        if n >= scale {
            below_thousand(n / scale, &mut out);
            out.push(name.to_owned());
            n %= scale;
        }
    }
    below_thousand(n, &mut out);
    Some(out.join(" "))
}

/// A value quoted in a message, on one line and at most 80 characters: the rest is "...".
pub fn shortened(value: &str) -> String {
    let flat: String = value.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() > 80 { format!("{}...", flat.chars().take(77).collect::<String>()) } else { flat }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn number_words_parse_back() {
        assert_eq!(parse_number_words(&["sixty", "million"]), Some(60_000_000));
        assert_eq!(parse_number_words(&["twenty-one"]), Some(21));
        assert_eq!(parse_number_words(&["one", "thousand", "two", "hundred", "fifty"]), Some(1250));
        assert_eq!(
            parse_number_words(&["two", "trillion", "five", "hundred", "million"]),
            Some(2_000_500_000_000)
        );
        assert_eq!(parse_number_words(&["one", "hundred", "and", "one"]), Some(101));
        assert_eq!(parse_number_words(&["shares"]), None);
        let too_many = ["hundred"; 10];
        assert_eq!(parse_number_words(&too_many), None, "overflow is not a number");
        // The check reads back what the templates write.
        for n in [0u64, 7, 19, 20, 21, 99, 100, 101, 999, 1_000, 60_000_000, 123_456_789] {
            let written = words(Decimal::from(n)).unwrap();
            let parts: Vec<&str> = written.split(' ').collect();
            assert_eq!(parse_number_words(&parts), Some(n), "{written}");
        }
    }

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn a_percentage_short_of_100_never_prints_as_100() {
        // $0.01 against $8.40: a 99.88% decrease, not "100%".
        let premium = d("0.01") / d("8.40") - Decimal::ONE;
        assert_eq!(percent(premium, 0).unwrap(), "-99.9%");
        assert_eq!(percent(premium, 2).unwrap(), "-99.88%");
        assert_eq!(percent(d("-0.99996"), 2).unwrap(), "-99.996%");
        assert_eq!(percent(d("0.9996"), 0).unwrap(), "99.96%");
        // Exactly 100%, and whatever does not round to it, print as before.
        assert_eq!(percent(d("-1"), 0).unwrap(), "-100%");
        assert_eq!(percent(d("1.004"), 0).unwrap(), "100%");
        assert_eq!(percent(d("-0.994"), 0).unwrap(), "-99%");
        assert_eq!(percent(d("2.01"), 0).unwrap(), "201%");
    }

    #[test]
    fn money_prints_the_decimals_a_figure_needs() {
        assert_eq!(money(d("22")), "$22.00");
        assert_eq!(money_places(d("15000000.00"), 0).unwrap(), "$15,000,000");
        assert_eq!(dollars(d("15000000.00")), "$15,000,000");
        assert_eq!(cents(d("3452.5")), "$3,452.50");
        assert_eq!(money(d("0.25")), "$0.25");
        assert_eq!(money(d("0.0325")), "$0.0325");
        assert_eq!(money(d("0.083")), "$0.083");
        assert_eq!(money(d("0.5")), "$0.50");
        assert_eq!(money(d("1234.5")), "$1,234.50");
        assert_eq!(money(d("0.333333333")), "$0.3333");
        assert_eq!(money(d("0.00005")), "$0.0001");
        assert_eq!(money_places(d("25"), 2).unwrap(), "$25.00");
    }

    #[test]
    fn shares_are_grouped_and_whole() {
        assert_eq!(shares(d("60000000")).unwrap(), "60,000,000");
        assert_eq!(shares(d("600000")).unwrap(), "600,000");
        assert_eq!(shares(d("999")).unwrap(), "999");
        assert_eq!(shares(d("1000")).unwrap(), "1,000");
        assert!(shares(d("10.5")).is_none());
    }

    #[test]
    fn percentages_round_half_away_from_zero() {
        assert_eq!(percent(d("2.0120481927710843373493975904"), 0).unwrap(), "201%");
        assert_eq!(percent(d("0.3915662650602409638554216867"), 0).unwrap(), "39%");
        assert_eq!(percent(d("2.4036144578313253012048192771"), 0).unwrap(), "240%");
        assert_eq!(percent(d("0.13"), 2).unwrap(), "13.00%");
        assert_eq!(percent(d("0.005"), 0).unwrap(), "1%");
        assert_eq!(percent(d("0.125"), 1).unwrap(), "12.5%");
        assert_eq!(percent(d("0.0125"), 1).unwrap(), "1.3%");
        assert_eq!(percent(d("-0.005"), 0).unwrap(), "-1%");
        assert_eq!(percent(d("12.345"), 0).unwrap(), "1,235%");
    }

    #[test]
    fn articles() {
        assert_eq!(with_article("Delaware"), "a Delaware");
        assert_eq!(with_article("Ohio"), "an Ohio");
        assert_eq!(with_article("Utah"), "a Utah");
        assert_eq!(with_article("Indiana"), "an Indiana");
        assert_eq!(with_article("one-time"), "a one-time");
        assert_eq!(with_article("hour"), "an hour");
    }

    #[test]
    fn a_class_keeps_its_capitals_unless_it_is_a_generic_class() {
        assert_eq!(class_in_text("Common Stock"), "common stock");
        assert_eq!(class_in_text("Class A Common Stock"), "Class A common stock");
        assert_eq!(class_in_text("Ordinary Shares"), "ordinary shares");
        assert_eq!(
            class_in_text("8% Series A Cumulative Preferred Stock"),
            "8% Series A Cumulative Preferred Stock"
        );
        assert_eq!(class_in_text("Series D Preferred Stock"), "Series D Preferred Stock");
        assert_eq!(class_in_text("7.25% Senior Notes due 2030"), "7.25% Senior Notes due 2030");
        assert_eq!(class_in_text("Class B Units"), "Class B Units");
        assert_eq!(class_in_text("Classic Common Stock"), "Classic Common Stock");
    }

    #[test]
    fn the_article_follows_the_number_as_read() {
        for (text, article) in [
            ("82%", "an"),
            ("8%", "an"),
            ("11%", "an"),
            ("18%", "an"),
            ("80%", "an"),
            ("800,000", "an"),
            ("1%", "a"),
            ("201%", "a"),
            ("8.5%", "an"),
            ("11.25%", "an"),
            ("0.5%", "a"),
            ("110%", "a"),
            ("118%", "a"),
            ("180%", "a"),
            ("18,000,000", "an"),
            ("1,800", "a"),
            ("8000", "an"),
            ("11000", "an"),
            ("1100", "a"),
            ("$8.00", "an"),
            ("$11,000,000", "an"),
            ("$1.70", "a"),
            ("$", "a"),
            ("100%", "a"),
            ("81.9%", "an"),
        ] {
            assert_eq!(with_article(text), format!("{article} {text}"), "{text}");
        }
    }

    #[test]
    fn ratios_dates_and_words() {
        assert_eq!(ratio(d("100")), "100 to 1");
        assert_eq!(ratio(d("1.5")), "1.5 to 1");
        assert_eq!(ratio_of(d("1"), d("100")), "100 to 1");
        assert_eq!(ratio_of(d("2"), d("150")), "2 for each 150");
        assert_eq!(ratio_of(d("3"), d("1000")), "3 for each 1,000");
        assert_eq!(ratio_of(d("7"), d("1")), "7 for each share");
        assert_eq!(ratio_of(d("10000"), d("1")), "10,000 for each share");
        assert_eq!(ratio_of(d("26"), d("25")), "26 for each 25");
        let day = NaiveDate::from_ymd_opt(2023, 12, 12).unwrap();
        assert_eq!(date(day), "December 12, 2023");
        assert_eq!(date_with_weekday(day), "Tuesday, December 12, 2023");
        assert_eq!(date(NaiveDate::from_ymd_opt(2023, 4, 3).unwrap()), "April 3, 2023");
        assert_eq!(words(d("60000000")).unwrap(), "sixty million");
        assert_eq!(words(d("20")).unwrap(), "twenty");
        assert_eq!(words(d("21")).unwrap(), "twenty-one");
        assert_eq!(words(d("1250")).unwrap(), "one thousand two hundred fifty");
        assert_eq!(words(d("15000000")).unwrap(), "fifteen million");
        assert_eq!(words(d("2000000000000")).unwrap(), "two trillion");
        assert_eq!(words(d("0")).unwrap(), "zero");
        assert_eq!(words(d("101")).unwrap(), "one hundred one");
        assert!(words(d("1.5")).is_none());
        assert!(words(d("1000000000000000")).is_none());
    }

    #[test]
    fn places_past_what_a_decimal_holds_are_refused_not_a_panic() {
        assert_eq!(money_places(d("1"), 29), Err(FormatError::TooManyPlaces(29)));
        assert_eq!(percent(d("1"), u32::MAX), Err(FormatError::TooManyPlaces(u32::MAX)));
        assert_eq!(percent(Decimal::MAX, 0), Err(FormatError::TooLarge(Decimal::MAX)));
        // 26 digits and two places: 28 digits, past what formatting with a precision holds.
        assert_eq!(
            money_places(d("12345678901234567890123456"), 4).unwrap(),
            "$12,345,678,901,234,567,890,123,456.0000"
        );
        assert_eq!(money_places(d("0.25"), 10).unwrap(), "$0.2500000000");
        assert_eq!(
            percent(d("0.0000000000000000000000000001"), 28).unwrap(),
            "0.0000000000000000000000000100%"
        );
    }

    fn arbitrary_decimal() -> impl proptest::strategy::Strategy<Value = Decimal> {
        use proptest::prelude::*;
        (any::<u32>(), any::<u32>(), any::<u32>(), any::<bool>(), 0u32..=28)
            .prop_map(|(lo, mid, hi, negative, scale)| Decimal::from_parts(lo, mid, hi, negative, scale))
    }

    /// The digits a formatter printed, as an exact decimal string: sign, grouping and the
    /// unit taken off, trailing zeros of the fraction dropped.
    fn digits_of(printed: &str) -> String {
        let bare: String = printed.chars().filter(|c| !matches!(c, '$' | ',' | '%')).collect();
        match bare.split_once('.') {
            Some((int, frac)) if !frac.trim_end_matches('0').is_empty() => {
                format!("{int}.{}", frac.trim_end_matches('0'))
            }
            Some((int, _)) => int.to_owned(),
            None => bare,
        }
    }

    proptest::proptest! {
        /// Against the number spelled out: "an" exactly when the words begin with "e" ("eight",
        /// "eleven", "eighteen", "eighty"), whatever the unit or the decimals printed.
        #[test]
        fn the_article_of_a_number_agrees_with_its_words(whole in 0u64..999_999_999_999_000, cents in 0u32..100, places in 0u32..3) {
            let exact = Decimal::from(whole) + Decimal::new(i64::from(cents), 2);
            let expected = |printed_whole: Decimal| {
                if words(printed_whole).unwrap().starts_with('e') { "an" } else { "a" }
            };
            // Printed to `places`, the number may round up into the next whole number: the
            // article follows what is printed.
            let rounded = exact.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero).trunc();
            for (printed, whole_printed) in [
                (grouped(Decimal::from(whole), 0), Decimal::from(whole)),
                (Decimal::from(whole).to_string(), Decimal::from(whole)),
                (format!("{}%", grouped(exact, places)), rounded),
                (format!("${}", grouped(exact, places)), rounded),
            ] {
                let with = with_article(&printed);
                proptest::prop_assert_eq!(with.split(' ').next(), Some(expected(whole_printed)), "{}", printed);
            }
        }

        #[test]
        fn formatters_never_panic_and_print_the_rounded_digits(value in arbitrary_decimal(), places in 0u32..=30) {
            let rounded = |v: Decimal| {
                let r = v.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero).normalize();
                if r.is_zero() { "0".to_owned() } else { r.to_string() }
            };
            match money_places(value, places) {
                Ok(printed) => {
                    proptest::prop_assert_eq!(digits_of(&printed), rounded(value));
                    let decimals = printed.split_once('.').map_or(0, |(_, f)| f.len());
                    proptest::prop_assert_eq!(decimals, places as usize);
                }
                Err(e) => proptest::prop_assert_eq!(e, FormatError::TooManyPlaces(places)),
            }
            match percent(value, places) {
                Ok(printed) => {
                    let hundredfold = value * Decimal::ONE_HUNDRED;
                    proptest::prop_assert_eq!(digits_of(&printed), rounded(hundredfold));
                }
                Err(FormatError::TooManyPlaces(p)) => proptest::prop_assert!(p > MAX_PLACES),
                Err(FormatError::TooLarge(_)) => {
                    proptest::prop_assert!(value.checked_mul(Decimal::ONE_HUNDRED).is_none())
                }
            }
            let printed = money(value);
            proptest::prop_assert!(printed.starts_with('$') || printed.starts_with("-$") || printed.starts_with("$-"));
            let money_places = value.normalize().scale().clamp(2, MAX_MONEY_PLACES);
            let expected = value
                .round_dp_with_strategy(money_places, RoundingStrategy::MidpointAwayFromZero)
                .normalize();
            let expected = if expected.is_zero() { "0".to_owned() } else { expected.to_string() };
            proptest::prop_assert_eq!(digits_of(&printed), expected);
            if let Some(printed) = shares(value) {
                proptest::prop_assert_eq!(digits_of(&printed), value.normalize().to_string());
            }
            let _ = ratio(value);
            let _ = words(value);
            let _ = dollars(value);
            let _ = cents(value);
        }
    }
}
