//! The template filters, registered in one place. Those for numbers take exact decimals (as
//! the strings or integers the context carries) and print through [`crate::format`]; a float
//! reaching one is refused, since it could only come from arithmetic done in a template.
//! Given a figure (as the context carries it, marked), they print its exact value the way
//! asked and keep it marked, so the ledger records the figure in the form it was printed.

use rust_decimal::Decimal;
use tera::{Error, Kwargs, State, StringInput, Tera, TeraResult, Value};

use super::ledger::{self, Marked};
use crate::format;

pub fn register(tera: &mut Tera) {
    tera.register_filter("money", money);
    tera.register_filter("shares", shares);
    tera.register_filter("percent", percent);
    tera.register_filter("ratio", ratio);
    tera.register_filter("words", words);
    tera.register_filter("unsigned", unsigned);
    tera.register_filter("date", date);
    tera.register_filter("checkbox", checkbox);
    tera.register_filter("anchor", anchor);
    tera.register_filter("with_article", with_article);
    tera.register_filter("class_title", class_title);
    tera.register_filter("paragraphs", paragraphs);
    tera.register_filter("length", length);
    tera.register_filter("capitalize", capitalize);
    tera.register_filter("title", title);
    tera.register_filter("approximately", approximately);
    tera.register_filter("rounded", rounded);
    tera.register_filter("share_noun", share_noun);
    tera.register_filter("by_count", by_count);
}

/// Tera's `capitalize`, on the text a reader sees: the first letter of a figure in words
/// (`{{ figures.max_new_shares | words | capitalize }}`, "Six hundred thousand") is the first
/// letter of its printed form, not the mark before it.
fn capitalize(value: StringInput, _: Kwargs, _: &State) -> Value {
    let mut first = true;
    value.inherit_safety(by_visible_char(value.as_str(), |c| {
        let cased: String = if first { c.to_uppercase().collect() } else { c.to_lowercase().collect() };
        first = false;
        cased
    }))
}

/// Tera's `title` (each word's first letter upper case, the rest lower case) on the text a
/// reader sees, the marks of printed figures left out of the words.
fn title(value: StringInput, _: Kwargs, _: &State) -> Value {
    let mut starts_word = true;
    value.inherit_safety(by_visible_char(value.as_str(), |c| {
        if c.is_ascii_punctuation() || c.is_whitespace() {
            // As Tera's: an apostrophe does not start a word (the English 's).
            starts_word |= c != '\'';
            return c.to_string();
        }
        let cased = if starts_word { c.to_uppercase().collect() } else { c.to_lowercase().collect() };
        starts_word = false;
        cased
    }))
}

/// `text` with each character a reader sees replaced by `case` of it, the marks of printed
/// figures kept where they stand.
fn by_visible_char(text: &str, mut case: impl FnMut(char) -> String) -> String {
    let (chars, marks) = ledger::visible(text);
    let mut marks = marks.into_iter().peekable();
    let mut out = String::with_capacity(text.len());
    for (i, c) in chars.into_iter().enumerate() {
        while let Some((_, mark)) = marks.next_if(|(at, _)| *at == i) {
            out.push_str(mark);
        }
        out.push_str(&case(c));
    }
    marks.for_each(|(_, mark)| out.push_str(mark));
    out
}

/// Tera's `length`, except that a figure's length is that of its printed form, not of the mark
/// that names it (`{{ figures.premium | length }}` is 4 for `201%`).
fn length(value: Value, _: Kwargs, _: &State) -> TeraResult<usize> {
    let value = match value.as_str().and_then(ledger::unmark) {
        Some((_, text)) => Value::from(text),
        None => value,
    };
    value.len().ok_or_else(|| Error::message(format!("Value of type {} has no length", value.name())))
}

/// `{{ d.tax | paragraphs }}`: a value written as several paragraphs, printed as paragraphs
/// (each escaped as any value is, so none opens a block). Marked safe so that the escaping
/// of every `{{ }}` does not escape the result again.
fn paragraphs(value: &str, _: Kwargs, _: &State) -> Value {
    Value::safe_string(&super::escape::markdown_paragraphs(value))
}

/// `{{ terms.issuer.state | with_article }}` -> `an Ohio`. The article is chosen by the text a
/// reader sees: a figure's mark does not begin its first word.
fn with_article(value: &str, _: Kwargs, _: &State) -> String {
    let readable = ledger::readable(value);
    let with_article = format::with_article(&readable);
    let article = &with_article[..with_article.len() - readable.len()];
    format!("{article}{value}")
}

/// `{{ terms.security.title | class_title }}` -> `common stock` for a generic class, the title
/// as written (`8% Series A Cumulative Preferred Stock`) for a named one.
fn class_title(value: &str, _: Kwargs, _: &State) -> String {
    format::class_in_text(value)
}

/// A number a filter prints: a figure's exact value (and which figure), or a number.
struct Number {
    value: Decimal,
    figure: Option<Marked>,
}

impl Number {
    /// What the filter printed, still naming the figure it printed.
    fn printed(&self, text: String) -> String {
        match self.figure {
            Some(figure) => ledger::mark(figure, &text),
            None => text,
        }
    }
}

fn number(value: &Value, filter: &str) -> TeraResult<Number> {
    if let Some((figure, _)) = value.as_str().and_then(ledger::unmark) {
        return Ok(Number { value: figure.value, figure: Some(figure) });
    }
    Ok(Number { value: decimal(value, filter)?, figure: None })
}

fn decimal(value: &Value, filter: &str) -> TeraResult<Decimal> {
    if let Some(text) = value.as_str() {
        return crate::terms::parse_decimal(text)
            .map_err(|why| Error::message(format!("`{filter}` needs a number: {why}")));
    }
    if let Some(n) = value.as_i128() {
        return Decimal::try_from_i128_with_scale(n, 0)
            .map_err(|_| Error::message(format!("`{filter}`: {n} is too large")));
    }
    if value.is_f64() {
        return Err(Error::message(format!(
            "`{filter}` received a floating-point number; print figures from `figures` or `terms`, never computed in a template"
        )));
    }
    Err(Error::message(format!("`{filter}` needs a number, not {:?}", value.kind())))
}

fn places(kwargs: &Kwargs) -> TeraResult<Option<u32>> {
    let places = kwargs.get::<u32>("places")?;
    match places {
        Some(p) if p > 10 => Err(Error::message(format!("places={p}: at most 10 decimal places"))),
        other => Ok(other),
    }
}

/// `{{ x | money }}` -> `$0.25`, `$0.0325`, `$22.00`; `money(places=0)` -> `$15,000,000`.
fn money(value: &Value, kwargs: Kwargs, _: &State) -> TeraResult<String> {
    let amount = number(value, "money")?;
    let text = match places(&kwargs)? {
        Some(p) => {
            format::money_places(amount.value, p).map_err(|why| Error::message(format!("`money`: {why}")))?
        }
        None => format::money(amount.value),
    };
    Ok(amount.printed(text))
}

/// `{{ n | shares }}` -> `60,000,000`.
fn shares(value: &Value, _: Kwargs, _: &State) -> TeraResult<String> {
    let n = number(value, "shares")?;
    let text = format::shares(n.value)
        .ok_or_else(|| Error::message(format!("`shares`: {} is not a whole number of shares", n.value)))?;
    Ok(n.printed(text))
}

/// `{{ fraction | percent(places=0) }}` -> `201%`; `abs=true` drops the sign.
fn percent(value: &Value, kwargs: Kwargs, _: &State) -> TeraResult<String> {
    let n = number(value, "percent")?;
    let fraction = if kwargs.get::<bool>("abs")?.unwrap_or(false) { n.value.abs() } else { n.value };
    let asked = places(&kwargs)?.unwrap_or(0);
    // A rate the terms state (6.875%) is a term, printed with every digit it was given; only a
    // computed figure is rounded to the places asked. Four places is the most a term may give.
    let written = fraction.normalize().scale().saturating_sub(2);
    let places = if n.figure.is_none() && written <= 4 { asked.max(written) } else { asked };
    let text =
        format::percent(fraction, places).map_err(|why| Error::message(format!("`percent`: {why}")))?;
    Ok(n.printed(text))
}

/// `{{ figures.premium | unsigned }}` -> `5%` for a premium of -5%: a figure as it prints,
/// without its sign, for sentences that say "increase" or "decrease" instead.
fn unsigned(value: &str, _: Kwargs, _: &State) -> String {
    match ledger::unmark(value) {
        Some((figure, text)) => ledger::mark(figure, text.trim_start_matches('-')),
        None => value.trim_start_matches('-').to_owned(),
    }
}

/// Whether a figure as printed is not its exact value ($0.3333 for 1/3): the printed text's
/// digits read back as a number differ from the value the mark carries. Text that is not a
/// figure is a term, printed as written, so never rounded.
fn printed_rounded(value: &str) -> bool {
    let Some((figure, text)) = ledger::unmark(value) else { return false };
    let digits: String = text.chars().filter(|c| c.is_ascii_digit() || matches!(c, '.' | '-')).collect();
    let shown = match digits.parse::<Decimal>() {
        Ok(shown) => shown,
        Err(_) => return false,
    };
    // A percentage prints a fraction times one hundred.
    let shown = if text.ends_with('%') { shown / Decimal::ONE_HUNDRED } else { shown };
    // `unsigned` prints a figure without its sign; that is not rounding.
    shown.abs() != figure.value.abs()
}

/// `{{ figures.effective_price | approximately }}` -> `approximately $0.3333` where the
/// printed figure is rounded, the figure alone (`$0.25`) where it is exact: counsel never
/// state a rounded amount as if it were exact.
fn approximately(value: &str, _: Kwargs, _: &State) -> String {
    // Money only: a percentage printed to whole points is read as rounded already.
    let money = ledger::unmark(value).is_some_and(|(_, text)| text.starts_with('$'));
    if money && printed_rounded(value) { format!("approximately {value}") } else { value.to_owned() }
}

/// `{% if figures.effective_price | rounded %}`: whether the figure as printed is rounded.
fn rounded(value: &str, _: Kwargs, _: &State) -> bool {
    printed_rounded(value)
}

/// `{{ lot }} {{ lot | share_noun(capital=true) }}` -> `1 Share`, `150 Shares`; a count below
/// one is a fraction of a share (`0.0001 of a share`). The count may be printed already
/// (`1,000`) or be a figure.
fn share_noun(value: &Value, kwargs: Kwargs, _: &State) -> TeraResult<&'static str> {
    let count = count(value, "share_noun")?;
    let capital = kwargs.get::<bool>("capital")?.unwrap_or(false);
    Ok(match (count.cmp(&Decimal::ONE), capital) {
        (std::cmp::Ordering::Less, false) => "of a share",
        (std::cmp::Ordering::Less, true) => "of a Share",
        (std::cmp::Ordering::Equal, false) => "share",
        (std::cmp::Ordering::Equal, true) => "Share",
        (std::cmp::Ordering::Greater, false) => "shares",
        (std::cmp::Ordering::Greater, true) => "Shares",
    })
}

/// `{{ n | by_count(one="was", many="were") }}`: the word that agrees with a count, for the
/// verbs and nouns beside it other than "share" ([`share_noun`]).
fn by_count(value: &Value, kwargs: Kwargs, _: &State) -> TeraResult<String> {
    let n = count(value, "by_count")?;
    let key = if n == Decimal::ONE { "one" } else { "many" };
    kwargs
        .get::<String>(key)?
        .ok_or_else(|| Error::message(format!("`by_count` needs `one` and `many`; `{key}` is missing")))
}

/// A count as a template holds it: a number, a figure, or a count printed with commas.
fn count(value: &Value, filter: &str) -> TeraResult<Decimal> {
    match value.as_str() {
        Some(text) => match ledger::unmark(text) {
            Some((figure, _)) => Ok(figure.value),
            None => decimal(&Value::from(text.replace(',', "")), filter),
        },
        None => decimal(value, filter),
    }
}

/// `{{ figures.exchange_ratio | ratio }}` -> `100 to 1`.
fn ratio(value: &Value, _: Kwargs, _: &State) -> TeraResult<String> {
    let n = number(value, "ratio")?;
    Ok(n.printed(format::ratio(n.value)))
}

/// `{{ 20 | words }}` -> `twenty`.
fn words(value: &Value, _: Kwargs, _: &State) -> TeraResult<String> {
    let n = number(value, "words")?;
    let text = format::words(n.value).ok_or_else(|| {
        Error::message(format!("`words`: {} is not a whole number below one quadrillion", n.value))
    })?;
    Ok(n.printed(text))
}

/// `{{ "2023-12-12" | date }}` -> `December 12, 2023`; `date(weekday=true)` -> `Tuesday, December 12, 2023`.
fn date(value: &str, kwargs: Kwargs, _: &State) -> TeraResult<String> {
    let day = format::parse_iso_date(value).ok_or_else(|| {
        Error::message(format!("`date` needs an ISO date such as 2023-12-12, not `{value}`"))
    })?;
    Ok(if kwargs.get::<bool>("weekday")?.unwrap_or(false) {
        format::date_with_weekday(day)
    } else {
        format::date(day)
    })
}

/// `{{ checked | checkbox }}` -> the ballot box, checked or not.
fn checkbox(value: bool, _: Kwargs, _: &State) -> &'static str {
    if value { "\u{2612}" } else { "\u{2610}" }
}

/// `## Title {{ "section-1" | anchor }}` -> `## Title {#section-1}`: the heading's id, so that
/// the table of contents and the Schedule TO can link to it. (Tera reads `{#` as a comment.)
fn anchor(value: &str, _: Kwargs, _: &State) -> TeraResult<Value> {
    if value.is_empty() || !value.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return Err(Error::message(format!("`anchor` needs letters, digits and `-`, not `{value}`")));
    }
    Ok(Value::safe_string(&format!("{{#{value}}}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(template: &str, value: &str) -> String {
        let mut tera = Tera::new();
        tera.set_escape_fn(crate::render::escape::escape_markdown);
        tera.autoescape_on([".md"]);
        register(&mut tera);
        tera.add_raw_template("t.md", template).unwrap();
        let mut context = tera::Context::new();
        context.insert("v", value);
        tera.render("t.md", &context).unwrap()
    }

    #[test]
    fn a_figure_prints_itself_and_keeps_its_mark_through_the_filters() {
        let premium = ledger::Marked {
            figure: crate::figures::FigureId::Premium,
            era: ledger::Era::Now,
            class: 0,
            value: Decimal::new(-512, 4),
        };
        let marked = ledger::mark(premium, "-5%");
        let (text, printed) = ledger::resolve(
            "t.md",
            &render("{{ v }}, {{ v | unsigned }}, {{ v | percent(places=2) }}", &marked),
        )
        .unwrap();
        // A value that starts with `-` is escaped, as it always was, so that it opens no list.
        assert_eq!(text, "\\-5%, 5%, \\-5.12%");
        let forms: Vec<&str> = printed.iter().map(|p| p.form.as_str()).collect();
        assert_eq!(forms, ["-5%", "5%", "-5.12%"]);
        assert!(printed.iter().all(|p| p.figure == crate::figures::FigureId::Premium));
    }

    fn price(value: Decimal, text: &str) -> String {
        let figure = crate::figures::FigureId::EffectivePrice;
        ledger::mark(ledger::Marked { figure, era: ledger::Era::Now, class: 0, value }, text)
    }

    #[test]
    fn only_a_dollar_figure_printed_rounded_is_approximate() {
        let third = Decimal::ONE / Decimal::from(3);
        let (text, printed) =
            ledger::resolve("t.md", &render("{{ v | approximately }}", &price(third, "$0.3333"))).unwrap();
        assert_eq!(text, "approximately $0.3333");
        assert_eq!(printed[0].form, "$0.3333");
        let (text, _) =
            ledger::resolve("t.md", &render("{{ v | approximately }}", &price(Decimal::new(25, 2), "$0.25")))
                .unwrap();
        assert_eq!(text, "$0.25");
        let (text, _) = ledger::resolve(
            "t.md",
            &render("{% if v | rounded %}r{% else %}e{% endif %}", &price(Decimal::new(40625, 6), "$0.0406")),
        )
        .unwrap();
        assert_eq!(text, "r");
        // A rounded percentage is read as rounded already; a term is printed as written.
        let premium = ledger::Marked {
            figure: crate::figures::FigureId::Premium,
            era: ledger::Era::Now,
            class: 0,
            value: Decimal::new(20120, 4),
        };
        let (text, _) =
            ledger::resolve("t.md", &render("{{ v | approximately }}", &ledger::mark(premium, "201%")))
                .unwrap();
        assert_eq!(text, "201%");
        assert_eq!(render("{{ v | approximately }}", "$0.083"), "$0.083");
    }

    #[test]
    fn nouns_and_verbs_agree_with_the_count() {
        let cases = [
            ("1", "Share share was"),
            ("1,000", "Shares shares were"),
            ("0.004", "of a Share of a share were"),
        ];
        for (count, expected) in cases {
            let text = render(
                "{{ v | share_noun(capital=true) }} {{ v | share_noun }} {{ v | by_count(one=\"was\", many=\"were\") }}",
                count,
            );
            assert_eq!(text, expected, "{count}");
        }
        let one = ledger::mark(
            ledger::Marked {
                figure: crate::figures::FigureId::SharesAccepted,
                era: ledger::Era::Now,
                class: 0,
                value: Decimal::ONE,
            },
            "1",
        );
        assert_eq!(render("{{ v | share_noun }}", &one), "share");
    }

    #[test]
    fn the_length_of_a_figure_is_that_of_its_printed_form() {
        let premium = ledger::Marked {
            figure: crate::figures::FigureId::Premium,
            era: ledger::Era::Now,
            class: 0,
            value: Decimal::new(20120, 4),
        };
        assert_eq!(render("{{ v | length }}", &ledger::mark(premium, "201%")), "4");
        assert_eq!(render("{{ v | length }}", "Ault"), "4");
    }

    #[test]
    fn case_filters_see_a_figure_as_it_prints() {
        let shares = ledger::Marked {
            figure: crate::figures::FigureId::MaxNewShares,
            era: ledger::Era::Now,
            class: 0,
            value: Decimal::new(600_000, 0),
        };
        let marked = ledger::mark(shares, "six hundred thousand");
        let printed = |template: &str| {
            let (text, printed) = ledger::resolve("t.md", &render(template, &marked)).unwrap();
            assert_eq!(printed.len(), 1, "{template}");
            (text, printed[0].form.clone())
        };
        let (text, form) = printed("{{ v | capitalize }} shares");
        assert_eq!((text.as_str(), form.as_str()), ("Six hundred thousand shares", "Six hundred thousand"));
        assert_eq!(printed("{{ (\"of \" ~ v) | title }}").0, "Of Six Hundred Thousand");
        assert_eq!(render("{{ v | title }}", "o'neil's BANK"), "O'neil's Bank");
    }

    #[test]
    fn the_article_before_a_figure_is_chosen_by_its_printed_form() {
        let ratio = ledger::Marked {
            figure: crate::figures::FigureId::ExchangeRatio,
            era: ledger::Era::Now,
            class: 0,
            value: Decimal::new(80, 0),
        };
        let marked = ledger::mark(ratio, "eighty");
        let (text, printed) = ledger::resolve("t.md", &render("{{ v | with_article }}", &marked)).unwrap();
        assert_eq!((text.as_str(), printed[0].form.as_str()), ("an eighty", "eighty"));
        assert_eq!(render("{{ v | with_article }}", "Ohio"), "an Ohio");
    }

    #[test]
    fn paragraphs_prints_each_paragraph_escaped_once() {
        let value = "The *exchange*\nis taxable.\n\n~~~\n\n    <b>x</b> {#id}\n";
        assert_eq!(
            render("Before.\n\n{{ v | paragraphs }}\n\nAfter.", value),
            "Before.\n\nThe \\*exchange\\* is taxable.\n\n\\~\\~\\~\n\n\\<b>x\\</b> {#id&#125;\n\nAfter."
        );
        // Without the filter the value is one paragraph, as any value in a sentence.
        assert_eq!(
            render("{{ v }}", value),
            "The \\*exchange\\* is taxable. \\~\\~\\~ \\<b>x\\</b> {#id&#125;"
        );
    }
}
