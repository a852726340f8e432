//! The seeds' records, pinned from what a careful analyst extracts
//! (`../shared/gold/seeds`): values, indicators, periods, comparisons,
//! meetings and the people in them.

use diplo_core::{extract, Document, Format, Indicator, MeetingKind, Metric, Options, Qualifier, TimeOfDay};

fn seed(stem: &str) -> Document {
    let path = format!("{}/../seeds/{stem}.txt", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).expect("seed exists");
    extract(&text, &Options::with_id(stem)).expect("seed extracts")
}

fn metric(doc: &Document, value: f64, indicator: Indicator) -> &Metric {
    doc.metrics
        .iter()
        .find(|m| m.value == value && m.indicator == indicator)
        .unwrap_or_else(|| panic!("no {indicator:?} metric of {value} in {:?}", doc.id))
}

fn period(m: &Metric) -> (Option<&str>, Option<&str>) {
    m.period.as_ref().map_or((None, None), |p| (p.start.as_deref(), p.end.as_deref()))
}

const H1_2025: (Option<&str>, Option<&str>) = (Some("2025-01-01"), Some("2025-06-30"));
const Y2025: (Option<&str>, Option<&str>) = (Some("2025-01-01"), Some("2025-12-31"));

fn names(people: &[diplo_core::Person]) -> Vec<&str> {
    people.iter().filter_map(|p| p.name.as_deref()).collect()
}

#[test]
fn seed_000_first_half_figures() {
    let d = seed("000_b991badab7abd633");
    let signed = metric(&d, 200.0, Indicator::AgreementsSigned);
    assert_eq!(signed.qualifier, Qualifier::MoreThan);
    assert_eq!(period(signed), H1_2025);
    let c = signed.comparison.as_ref().expect("gấp 2 lần năm 2024");
    assert_eq!((c.value, c.baseline.as_ref().and_then(|b| b.start.as_deref())), (2.0, Some("2024-01-01")));
    let upgraded = metric(&d, 10.0, Indicator::RelationsUpgraded);
    assert_eq!(period(upgraded), H1_2025);
    let of13 = d.metrics.iter().find(|m| m.of_total == Some(13.0)).expect("10/13");
    assert_eq!((of13.value, of13.indicator, period(of13)), (10.0, Indicator::RelationsUpgraded, (None, None)));
    let promo = metric(&d, 300.0, Indicator::TradePromotionActivities);
    assert_eq!(promo.qualifier, Qualifier::Nearly);
    let growth = metric(&d, 10.0, Indicator::GdpGrowth);
    assert!(growth.target && growth.qualifier == Qualifier::AtLeast);
    assert_eq!(d.metrics.len(), 6, "no dates, names or furniture counted: {:?}", d.metrics.iter().map(|m| &m.evidence.text).collect::<Vec<_>>());

    assert_eq!(d.meetings.len(), 1);
    let m = &d.meetings[0];
    assert_eq!((m.kind, m.date.as_deref(), m.year_inferred, m.time_of_day), (MeetingKind::Conference, Some("2025-07-22"), true, Some(TimeOfDay::Evening)));
    assert_eq!(names(&m.chairs), ["Phạm Minh Chính"]);
    assert_eq!(names(&m.speakers), ["Phạm Minh Chính"]);
    assert!(m.mentions.len() >= 3, "title, body and caption mentions merged");
}

#[test]
fn seed_001_online_conference_and_bridge_point() {
    let d = seed("001_18ee72ec1f13ec0f");
    let m = &d.meetings[0];
    assert_eq!(d.meetings.len(), 1);
    assert_eq!((m.date.as_deref(), m.year_inferred, m.time_of_day, m.format), (Some("2025-07-22"), false, Some(TimeOfDay::Afternoon), Some(Format::Online)));
    assert_eq!(m.venue.as_deref(), Some("trụ sở Chính phủ"));
    assert_eq!(names(&m.attendees), ["Bùi Thanh Sơn"]);
    let b = &m.bridge_points;
    assert_eq!(b.len(), 1);
    assert!(b[0].place.ends_with("Cao Bằng"));
    assert_eq!(b[0].chair.as_ref().and_then(|p| p.name.as_deref()), Some("Trịnh Trường Huy"));
    assert_eq!(metric(&d, 17.0, Indicator::Ftas).period, None);
}

#[test]
fn seed_002_year_review() {
    let d = seed("002_bbeb2371e9cb2134");
    for (v, ind) in [(75.0, Indicator::LeaderForeignActivities), (17.0, Indicator::RelationsUpgraded), (350.0, Indicator::AgreementsSigned)] {
        assert_eq!(period(metric(&d, v, ind)), Y2025, "{ind:?}");
    }
    assert_eq!(metric(&d, 350.0, Indicator::AgreementsSigned).comparison.as_ref().map(|c| c.value), Some(2.5));
    assert_eq!(metric(&d, 98.0, Indicator::Participants).period, None);
    let targets: Vec<_> = d.metrics.iter().filter(|m| m.indicator == Indicator::GdpGrowth).collect();
    assert_eq!(targets.len(), 2);
    assert!(targets.iter().all(|m| m.target && m.period.as_ref().and_then(|p| p.start.as_deref()) == Some("2026-01-01")));
    let m = &d.meetings[0];
    assert_eq!((m.date.as_deref(), m.time_of_day, m.format), (Some("2026-01-10"), Some(TimeOfDay::LateAfternoon), Some(Format::Hybrid)));
    assert_eq!(names(&m.attendees), ["Lê Hoài Trung", "Bùi Thanh Sơn", "Lê Quang Hùng"]);
    assert_eq!(m.venue.as_deref(), Some("Trụ sở Chính phủ"));
}

#[test]
fn seed_003_passing_events_are_their_own_meetings() {
    let d = seed("003_9f6c518c3a005ced");
    let kinds: Vec<_> = d.meetings.iter().map(|m| (m.kind, m.date.clone())).collect();
    assert_eq!(kinds.len(), 4, "{kinds:?}");
    assert_eq!(names(&d.meetings[0].speakers), ["Nguyễn Minh Hằng"]);
    assert_eq!(names(&d.meetings[0].chairs), ["Phạm Minh Chính"]);
    assert!(d.meetings.iter().any(|m| m.kind == MeetingKind::Summit && m.name.contains("P4G")));
    let aside = metric(&d, 59.0, Indicator::LeaderForeignActivities);
    assert_eq!(period(aside), (Some("2024-01-01"), Some("2024-12-31")));
    assert_eq!(metric(&d, 253.0, Indicator::AgreementsSigned).comparison.as_ref().map(|c| c.value), Some(2.0));
    assert_eq!(metric(&d, 11.0, Indicator::Other).period, None);
}

#[test]
fn seed_004_relative_periods_and_amounts() {
    let d = seed("004_f0189edad1c9dd6f");
    let acts = metric(&d, 75.0, Indicator::LeaderForeignActivities);
    let base = acts.comparison.as_ref().and_then(|c| c.baseline.as_ref()).and_then(|b| b.start.as_deref());
    assert_eq!(base, Some("2024-01-01"), "'so với năm trước' is the year before the metric's");
    assert_eq!(period(metric(&d, 17.0, Indicator::RelationsUpgraded)), Y2025, "'năm qua' in a January article");
    assert_eq!(metric(&d, 18.0, Indicator::Partners).of_total, Some(21.0));
    let trade = metric(&d, 900e9, Indicator::TradeTurnover);
    assert_eq!((trade.unit.as_str(), trade.qualifier), ("USD", Qualifier::MoreThan));
    assert_eq!(metric(&d, 16e9, Indicator::Remittances).qualifier, Qualifier::MoreThan);
    assert!(d.metrics.iter().filter(|m| m.value == 42.5).all(|m| m.direction == Some(diplo_core::Direction::Decrease)));
    assert_eq!(metric(&d, 1000.0, Indicator::Other).qualifier, Qualifier::About);
    let ceremony = d.meetings.iter().find(|m| m.kind == MeetingKind::Ceremony && m.name.contains("Công ước")).expect("signing ceremony");
    assert_eq!(ceremony.date.as_deref(), Some("2025-10"));
    assert_eq!(names(&ceremony.attendees), ["António Guterres"]);
    assert_eq!(ceremony.mentions.len(), 2);
    let vesak = d.meetings.iter().find(|m| m.name.contains("Vesak")).expect("Vesak");
    assert_eq!((vesak.date.as_deref(), vesak.venue.as_deref()), (Some("2025"), Some("TPHCM")));
    assert_eq!(d.meetings.len(), 4);
}
