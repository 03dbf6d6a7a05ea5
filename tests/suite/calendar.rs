//! The tender offer calendar: every federal holiday 2015-2030, the one-off closures,
//! overrides, counting properties, the timetable checks, and the `calendar` command.

use std::fs;
use std::path::Path;

use chrono::{Datelike, NaiveDate, Weekday};
use predicates::prelude::*;
use proptest::prelude::*;
use secdraft::calendar::{Calendar, ExecutiveOrders, Overrides, federal_holidays};

use crate::common::{edited, examples, scratch_terms, secdraft};

/// Observed federal holidays 2015-2030 (weekdays only), generated with
/// the independent `holidays` Python package when the table was written.
const OBSERVED: &[(i32, &[&str])] = &[
    (
        2015,
        &[
            "2015-01-01",
            "2015-01-19",
            "2015-02-16",
            "2015-05-25",
            "2015-07-03",
            "2015-09-07",
            "2015-10-12",
            "2015-11-11",
            "2015-11-26",
            "2015-12-25",
        ],
    ),
    (
        2016,
        &[
            "2016-01-01",
            "2016-01-18",
            "2016-02-15",
            "2016-05-30",
            "2016-07-04",
            "2016-09-05",
            "2016-10-10",
            "2016-11-11",
            "2016-11-24",
            "2016-12-26",
        ],
    ),
    (
        2017,
        &[
            "2017-01-02",
            "2017-01-16",
            "2017-02-20",
            "2017-05-29",
            "2017-07-04",
            "2017-09-04",
            "2017-10-09",
            "2017-11-10",
            "2017-11-23",
            "2017-12-25",
        ],
    ),
    (
        2018,
        &[
            "2018-01-01",
            "2018-01-15",
            "2018-02-19",
            "2018-05-28",
            "2018-07-04",
            "2018-09-03",
            "2018-10-08",
            "2018-11-12",
            "2018-11-22",
            "2018-12-25",
        ],
    ),
    (
        2019,
        &[
            "2019-01-01",
            "2019-01-21",
            "2019-02-18",
            "2019-05-27",
            "2019-07-04",
            "2019-09-02",
            "2019-10-14",
            "2019-11-11",
            "2019-11-28",
            "2019-12-25",
        ],
    ),
    (
        2020,
        &[
            "2020-01-01",
            "2020-01-20",
            "2020-02-17",
            "2020-05-25",
            "2020-07-03",
            "2020-09-07",
            "2020-10-12",
            "2020-11-11",
            "2020-11-26",
            "2020-12-25",
        ],
    ),
    (
        2021,
        &[
            "2021-01-01",
            "2021-01-18",
            "2021-02-15",
            "2021-05-31",
            "2021-06-18",
            "2021-07-05",
            "2021-09-06",
            "2021-10-11",
            "2021-11-11",
            "2021-11-25",
            "2021-12-24",
            "2021-12-31",
        ],
    ),
    (
        2022,
        &[
            "2022-01-17",
            "2022-02-21",
            "2022-05-30",
            "2022-06-20",
            "2022-07-04",
            "2022-09-05",
            "2022-10-10",
            "2022-11-11",
            "2022-11-24",
            "2022-12-26",
        ],
    ),
    (
        2023,
        &[
            "2023-01-02",
            "2023-01-16",
            "2023-02-20",
            "2023-05-29",
            "2023-06-19",
            "2023-07-04",
            "2023-09-04",
            "2023-10-09",
            "2023-11-10",
            "2023-11-23",
            "2023-12-25",
        ],
    ),
    (
        2024,
        &[
            "2024-01-01",
            "2024-01-15",
            "2024-02-19",
            "2024-05-27",
            "2024-06-19",
            "2024-07-04",
            "2024-09-02",
            "2024-10-14",
            "2024-11-11",
            "2024-11-28",
            "2024-12-25",
        ],
    ),
    (
        2025,
        &[
            "2025-01-01",
            "2025-01-20",
            "2025-02-17",
            "2025-05-26",
            "2025-06-19",
            "2025-07-04",
            "2025-09-01",
            "2025-10-13",
            "2025-11-11",
            "2025-11-27",
            "2025-12-25",
        ],
    ),
    (
        2026,
        &[
            "2026-01-01",
            "2026-01-19",
            "2026-02-16",
            "2026-05-25",
            "2026-06-19",
            "2026-07-03",
            "2026-09-07",
            "2026-10-12",
            "2026-11-11",
            "2026-11-26",
            "2026-12-25",
        ],
    ),
    (
        2027,
        &[
            "2027-01-01",
            "2027-01-18",
            "2027-02-15",
            "2027-05-31",
            "2027-06-18",
            "2027-07-05",
            "2027-09-06",
            "2027-10-11",
            "2027-11-11",
            "2027-11-25",
            "2027-12-24",
            "2027-12-31",
        ],
    ),
    (
        2028,
        &[
            "2028-01-17",
            "2028-02-21",
            "2028-05-29",
            "2028-06-19",
            "2028-07-04",
            "2028-09-04",
            "2028-10-09",
            "2028-11-10",
            "2028-11-23",
            "2028-12-25",
        ],
    ),
    (
        2029,
        &[
            "2029-01-01",
            "2029-01-15",
            "2029-02-19",
            "2029-05-28",
            "2029-06-19",
            "2029-07-04",
            "2029-09-03",
            "2029-10-08",
            "2029-11-12",
            "2029-11-22",
            "2029-12-25",
        ],
    ),
    (
        2030,
        &[
            "2030-01-01",
            "2030-01-21",
            "2030-02-18",
            "2030-05-27",
            "2030-06-19",
            "2030-07-04",
            "2030-09-02",
            "2030-10-14",
            "2030-11-11",
            "2030-11-28",
            "2030-12-25",
        ],
    ),
];

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

#[test]
fn every_federal_holiday_2015_to_2030() {
    for (year, expected) in OBSERVED {
        let ours: Vec<NaiveDate> = federal_holidays(*year).into_iter().map(|(date, _)| date).collect();
        let expected: Vec<NaiveDate> = expected.iter().map(|s| d(s)).collect();
        assert_eq!(ours, expected, "federal holidays of {year}");
    }
}

#[test]
fn holidays_begin_in_their_first_year() {
    let names = |year| federal_holidays(year).into_iter().map(|(_, n)| n).collect::<Vec<_>>();
    assert!(!names(2020).contains(&"Juneteenth National Independence Day"));
    assert!(names(2021).contains(&"Juneteenth National Independence Day"));
    assert!(!names(1985).contains(&"Martin Luther King Jr. Day"));
    assert!(names(1986).contains(&"Martin Luther King Jr. Day"));
    // Juneteenth 2021 fell on a Saturday: observed Friday, June 18.
    assert!(federal_holidays(2021).contains(&(d("2021-06-18"), "Juneteenth National Independence Day")));
    // Saturday, January 1, 2028 is observed on Friday, December 31, 2027.
    assert!(federal_holidays(2027).iter().any(|(date, _)| *date == d("2027-12-31")));
}

#[test]
fn one_off_closures_are_not_business_days_unless_removed() {
    let cal = Calendar::default();
    for closure in [
        "2012-12-24",
        "2014-12-26",
        "2018-12-05",
        "2018-12-24",
        "2019-12-24",
        "2020-12-24",
        "2021-06-18",
        "2024-12-24",
        "2025-01-09",
        "2025-12-24",
        "2025-12-26",
    ] {
        assert!(!cal.is_business_day(d(closure)), "{closure}");
    }
    // Executive Order 13713 closed only the last half of December 24, 2015: a business day runs
    // from 12:01 a.m. to midnight, so the day is one.
    assert!(cal.is_business_day(d("2015-12-24")));
    // Deadlines that run against the bidder read the closures as business days by default.
    assert!(cal.for_deadlines().is_business_day(d("2025-12-24")));
    let closed = Calendar::new(&Overrides {
        executive_orders: secdraft::calendar::ExecutiveOrders::Closed,
        ..Overrides::default()
    });
    assert!(!closed.for_deadlines().is_business_day(d("2025-12-24")));
    let removed = Calendar::new(&Overrides { remove: vec![d("2018-12-05")], ..Overrides::default() });
    assert!(removed.is_business_day(d("2018-12-05")));
    let added = Calendar::new(&Overrides { add: vec![d("2024-12-23")], ..Overrides::default() });
    assert!(!added.is_business_day(d("2024-12-23")));
    assert!(Calendar::default().is_business_day(d("2024-12-23")));
    // No order closed December 24, 2021 (a Friday observing Christmas) or 2013 beyond the holidays.
    assert!(Calendar::default().is_business_day(d("2013-12-24")));
    // The Carter day of mourning moves a 20-business-day count by a day.
    assert_eq!(cal.period_end(d("2025-01-02"), 20), Some(d("2025-01-31")));
    let without = Calendar::new(&Overrides { remove: vec![d("2025-01-09")], ..Overrides::default() });
    assert_eq!(without.period_end(d("2025-01-02"), 20), Some(d("2025-01-30")));
    // Counted as business days, every closure by executive order is one; Juneteenth 2021 is a
    // federal holiday by statute and stays closed.
    let counted =
        Calendar::new(&Overrides { executive_orders: ExecutiveOrders::BusinessDays, ..Overrides::default() });
    assert_eq!(counted.period_end(d("2025-01-02"), 20), Some(d("2025-01-30")));
    assert!(counted.is_business_day(d("2024-12-24")));
    assert!(!counted.is_business_day(d("2021-06-18")));
}

proptest! {
    #[test]
    fn adding_n_then_m_business_days_equals_adding_n_plus_m(
        offset in 0u32..12_000, n in 0u32..80, m in 0u32..80,
    ) {
        let cal = Calendar::default();
        let start = d("1995-01-01") + chrono::Days::new(u64::from(offset));
        let stepwise = cal.advance(start, n).and_then(|x| cal.advance(x, m));
        prop_assert_eq!(stepwise, cal.advance(start, n + m));
    }

    #[test]
    fn a_counted_day_is_never_a_weekend_or_holiday(offset in 0u32..12_000, n in 1u32..80) {
        let cal = Calendar::default();
        let start = d("1995-01-01") + chrono::Days::new(u64::from(offset));
        let end = cal.advance(start, n).unwrap();
        prop_assert!(!matches!(end.weekday(), Weekday::Sat | Weekday::Sun));
        prop_assert!(!federal_holidays(end.year()).iter().any(|(h, _)| *h == end));
        let period = cal.period_end(start, n).unwrap();
        prop_assert!(cal.is_business_day(period));
    }
}

#[test]
fn counts_without_a_terms_file() {
    let out = secdraft()
        .args(["calendar", "--from", "2024-01-02", "--business-days", "20", "--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(json["end"], "2024-01-30");
    let skipped = json["skipped"].as_array().unwrap();
    assert!(skipped.iter().any(|s| s["date"] == "2024-01-15" && s["reason"] == "Martin Luther King Jr. Day"));
    assert!(skipped.iter().any(|s| s["date"] == "2024-01-06" && s["reason"] == "Saturday"));
    assert_eq!(skipped.len(), 9, "four weekends and one holiday");
    secdraft()
        .args(["calendar", "--from", "2024-01-02", "--business-days", "20"])
        .assert()
        .success()
        .stdout(predicate::str::contains("business day 20 is Tuesday, January 30, 2024"))
        .stdout(predicate::str::contains("skipped Monday, January 15, 2024: Martin Luther King Jr. Day"));
    secdraft()
        .args([
            "calendar",
            "--from",
            "2024-12-20",
            "--business-days",
            "3",
            "--closed",
            "2024-12-24",
            "--format",
            "json",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"end\": \"2024-12-26\""));
    // December 24, 2024 is a closure by executive order: not counted by default.
    let count = |extra: &[&str]| {
        let out = secdraft()
            .args(["calendar", "--from", "2024-12-20", "--business-days", "3", "--format", "json"])
            .args(extra)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()
    };
    let closed = count(&[]);
    assert_eq!(closed["end"], "2024-12-26");
    assert!(closed["skipped"].as_array().unwrap().iter().any(|s| s["date"] == "2024-12-24"
        && s["reason"].as_str().unwrap().starts_with("Christmas Eve (Executive order of December 19, 2024")));
    assert_eq!(count(&["--executive-orders", "business-days"])["end"], "2024-12-24");
}

#[test]
fn the_closures_by_executive_order_are_listed_with_their_orders() {
    secdraft()
        .args(["calendar", "--closures"])
        .assert()
        .success()
        .stdout(predicate::str::contains("(not business days)"))
        .stdout(predicate::str::contains(
            "Wednesday, December 5, 2018: National Day of Mourning for President George H. W. Bush, Executive Order 13852 of December 1, 2018",
        ));
    let out = secdraft()
        .args(["calendar", "--closures", "--executive-orders", "business-days", "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["business_days"], true);
    let closures = json["closures"].as_array().unwrap();
    assert_eq!(closures.first().unwrap()["date"], "2012-12-24");
    assert_eq!(closures.first().unwrap()["order"], "Executive Order 13633");
    assert!(closures.iter().any(|c| c["date"] == "2025-01-09" && c["order"] == "Executive Order 14133"));
    // The choice belongs to the terms when a terms file is given.
    secdraft()
        .args(["calendar", "data/meridian-exchange-commenced.yaml", "--executive-orders", "business-days"])
        .assert()
        .code(2);
}

#[test]
fn bad_dates_and_counts_exit_2() {
    for args in [
        vec!["calendar", "--from", "2023-02-30", "--business-days", "20"],
        vec!["calendar", "--from", "January 2", "--business-days", "20"],
        vec!["calendar", "--from", "2024-01-02", "--business-days", "0"],
        vec!["calendar", "--from", "2024-01-02", "--business-days", "-3"],
        vec!["calendar", "--from", "2024-01-02"],
        vec!["calendar"],
    ] {
        secdraft().args(&args).assert().code(2).stderr(predicate::str::contains("error"));
    }
    secdraft()
        .args(["calendar", "--from", "2023-02-30", "--business-days", "20"])
        .assert()
        .stderr(predicate::str::contains("2023-02-30 is not a date on the calendar"));
}

#[test]
fn prints_the_timetable_of_every_example() {
    for path in examples() {
        secdraft()
            .arg("calendar")
            .arg(&path)
            .assert()
            .success()
            .stdout(predicate::str::contains("Timetable of the offer"));
    }
    secdraft()
        .args(["calendar", "data/meridian-exchange-amended.yaml"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Friday, February 2, 2024      Earliest expiration after Amendment No. 1 (10 business days)",
        ))
        .stdout(predicate::str::contains(
            "Wednesday, February 28, 2024  Withdrawal rights also run after 11:59 p.m. this day",
        ))
        .stdout(predicate::str::contains("Monday, February 19, 2024: Washington's Birthday"));
    let out = secdraft()
        .args(["calendar", "data/meridian-exchange-commenced.yaml", "--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert!(
        json["events"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["date"] == "2024-01-30" && e["weekday"] == "Tuesday")
    );
}

/// The seed's commenced offer moved to commence on Monday, December 16, 2024, with no
/// expiration given (the earliest allowed), and `calendar` lines added.
fn december_2024_offer(calendar: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let text = edited(
        "data/meridian-exchange-commenced.yaml",
        "  commencement: 2024-01-02\n  expiration: 2024-01-30\n",
        "  commencement: 2024-12-16\n",
    )
    .replacen("investor_contact:", &format!("{calendar}\ninvestor_contact:"), 1);
    scratch_terms(&text)
}

fn earliest_expiration(path: &Path) -> serde_json::Value {
    let out = secdraft().arg("calendar").arg(path).args(["--format", "json"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let events = json["events"].as_array().unwrap();
    events.iter().find(|e| e["event"].as_str().unwrap().starts_with("Earliest expiration")).unwrap()["date"]
        .clone()
}

#[test]
fn the_terms_choose_whether_executive_order_closures_count() {
    // Not counted (the default), December 24, 2024 and January 9, 2025 push the 20th business
    // day from December 16, 2024 to January 16, 2025; counted, it is January 14.
    let (_dir, default) = december_2024_offer("");
    assert_eq!(earliest_expiration(&default), "2025-01-16");
    let (_dir, closed) = december_2024_offer("calendar:\n  executive_order_closures: closed\n");
    assert_eq!(earliest_expiration(&closed), "2025-01-16");
    let (_dir, counted) = december_2024_offer("calendar:\n  executive_order_closures: business_days\n");
    assert_eq!(earliest_expiration(&counted), "2025-01-14");
    // Counted, one of them may be closed again by hand.
    let (_dir, one) =
        december_2024_offer("calendar:\n  executive_order_closures: business_days\n  add: [2024-12-24]\n");
    assert_eq!(earliest_expiration(&one), "2025-01-15");
    // Not counted, adding one is refused as already closed, and removing one counts it.
    let (_dir, twice) = december_2024_offer("calendar:\n  add: [2024-12-24]\n");
    secdraft().arg("calendar").arg(&twice).assert().code(2).stderr(predicate::str::contains(
        "error: calendar.add[0]: Tuesday, December 24, 2024 is already not a business day (Christmas Eve",
    ));
    let (_dir, removed) = december_2024_offer("calendar:\n  remove: [2025-01-09]\n");
    assert_eq!(earliest_expiration(&removed), "2025-01-15");
    let (_dir, bad) = december_2024_offer("calendar:\n  executive_order_closures: sometimes\n");
    secdraft()
        .arg("calendar")
        .arg(&bad)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("calendar.executive_order_closures"));
}

fn terms_with(from: &str, to: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    scratch_terms(&edited("data/meridian-exchange-commenced.yaml", from, to))
}

#[test]
fn a_too_early_expiration_is_refused_with_the_earliest_compliant_date() {
    let (_dir, path) = terms_with("  expiration: 2024-01-30", "  expiration: 2024-01-29");
    secdraft()
        .arg("render")
        .arg(&path)
        .args(["--out", "unused"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("error: dates.expiration: Rule 14e-1(a)"))
        .stderr(predicate::str::contains(
            "no earlier than one minute after 11:59 p.m., New York City time, on Tuesday, January 30, 2024",
        ))
        .stderr(predicate::str::contains("terms.yaml:"));
    assert!(!Path::new("unused").exists());

    // At 5:00 p.m. the 20th business day has not ended: the earliest date is the 21st.
    let (_dir, path) =
        terms_with("  expiration: 2024-01-30", "  expiration: 2024-01-30\n  expiration_time: 5:00 p.m.");
    secdraft().arg("calendar").arg(&path).assert().code(2).stderr(predicate::str::contains(
        "no earlier than 5:00 p.m., New York City time, on Wednesday, January 31, 2024",
    ));
}

#[test]
fn without_an_expiration_the_earliest_compliant_date_is_used() {
    let (dir, path) = terms_with("  expiration: 2024-01-30\n", "");
    let out = dir.path().join("drafts");
    secdraft().arg("render").arg(&path).arg("--out").arg(&out).assert().success();
    let release = fs::read_to_string(out.join("press-release.md")).unwrap();
    assert!(release.contains("on Tuesday, January 30, 2024, unless extended"));
    // The terms are not rewritten on loading: the timetable says the date is the rules'.
    secdraft().arg("calendar").arg(&path).assert().success().stdout(predicate::str::contains(
        "Tuesday, January 30, 2024     Expiration (none given: the earliest allowed)",
    ));
}

#[test]
fn an_expiration_an_amendment_sets_is_scheduled_though_the_offer_gave_none() {
    let text = fs::read_to_string("data/meridian-exchange-amended.yaml").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("terms.yaml");
    fs::write(&path, text.replacen("  expiration: 2024-01-30\n", "", 1)).unwrap();
    secdraft()
        .arg("calendar")
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains("Tuesday, February 13, 2024    Scheduled expiration"))
        .stdout(predicate::str::contains("none given").not());
}

#[test]
fn an_amendment_that_raises_the_price_needs_ten_business_days() {
    let text = fs::read_to_string("data/meridian-exchange-amended.yaml").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("terms.yaml");
    fs::write(&path, text.replacen("      expiration: 2024-02-13", "      expiration: 2024-02-01", 1))
        .unwrap();
    secdraft()
        .arg("calendar")
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("error: amendments[0].changes.expiration: Rule 14e-1(b)"))
        .stderr(predicate::str::contains(
            "no earlier than one minute after 11:59 p.m., New York City time, on Friday, February 2, 2024",
        ));
}

#[test]
fn calendar_overrides_in_the_terms_are_checked() {
    let (_dir, path) = terms_with("investor_contact:", "calendar:\n  add: [2024-01-15]\n\ninvestor_contact:");
    secdraft()
        .arg("calendar")
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("error: calendar.add[0]: Monday, January 15, 2024 is already not a business day (Martin Luther King Jr. Day)"));
    let (_dir, path) = terms_with("investor_contact:", "calendar:\n  add: [2024-01-16]\n\ninvestor_contact:");
    // A closure on the 10th business day pushes the earliest expiration to January 31.
    secdraft()
        .arg("calendar")
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("on Wednesday, January 31, 2024"));
}
