//! The table of words around numbers (`data/quantity_words.tsv`).

use crate::records::{Qualifier, Unit};
use std::sync::LazyLock;

/// The words, grouped by kind, longest surface first within each kind.
pub struct QuantityWords {
    pub scales: Vec<(String, f64)>,
    pub units: Vec<(String, Unit)>,
    /// The factor that brings each unit of `units` (same order) to the
    /// contract's unit: "11,5 mm" is 0.0115 m, "5 gam" 0.005 kg.
    pub unit_factors: Vec<f64>,
    /// Units the contract cannot carry, of product specifications and file
    /// sizes ("240 Hz", "256 GB", "6,5 inch"): a number before one is no metric.
    pub spec_units: Vec<String>,
    /// Currency words that are money only after a scale ("tỷ bảng" → GBP).
    pub scaled_currencies: Vec<(String, String)>,
    /// Adjectives before "hơn" that make it a comparison ("cao hơn 80 triệu").
    pub comparatives: Vec<String>,
    pub qualifiers: Vec<(String, Qualifier)>,
    pub pers: Vec<(String, String)>,
    pub numwords: Vec<(String, f64)>,
    /// Words before a number that make it an identifier ("Nghị quyết 57").
    pub identifiers: Vec<String>,
    /// Nouns after a lone number word that make it a determiner ("hai nước").
    pub determined: Vec<String>,
    /// Nouns after a year-like number that make it a count ("1950 thỏa thuận").
    pub counted_nouns: Vec<String>,
    /// Words before a year-like number that make it a year ("đến 2030").
    pub year_intro: Vec<String>,
    /// Nouns after "vượt qua N" that make N rivals beaten, an exact count
    /// ("vượt qua 78 thí sinh"), not a bound passed ("vượt qua 1 triệu ca").
    pub rivals: Vec<String>,
    /// Words after "từ N …" that go on to the other end of a change or a range
    /// ("từ 6% năm 2019 lên 12%", "dao động từ 14.370 USD/tấn đến …"): N is then no lower bound.
    pub from_to: Vec<String>,
    /// Words right before "N độ" that make it an angle or an alcohol strength ("xoay 90 độ", "rượu 40 độ"), not a temperature.
    pub degree_not_heat: Vec<String>,
    /// Wholes after a half, third or quarter that make it a share ("3/4 diện tích").
    pub fraction_wholes: Vec<String>,
}

fn qualifier(key: &str) -> Option<Qualifier> {
    Some(match key {
        "exact" => Qualifier::Exact,
        "more_than" => Qualifier::MoreThan,
        "less_than" => Qualifier::LessThan,
        "nearly" => Qualifier::Nearly,
        "about" => Qualifier::About,
        "at_least" => Qualifier::AtLeast,
        "at_most" => Qualifier::AtMost,
        _ => return None,
    })
}

pub static WORDS: LazyLock<QuantityWords> = LazyLock::new(|| {
    let mut w = QuantityWords { scales: vec![], units: vec![], unit_factors: vec![], spec_units: vec![], scaled_currencies: vec![], comparatives: vec![], qualifiers: vec![], pers: vec![], numwords: vec![], identifiers: vec![], determined: vec![], counted_nouns: vec![], year_intro: vec![], rivals: vec![], from_to: vec![], degree_not_heat: vec![], fraction_wholes: vec![] };
    let mut scaled: Vec<(String, f64)> = vec![];
    for row in crate::lexicon::rows(include_str!("../../data/quantity_words.tsv")) {
        let [kind, surface, value] = row[..] else { continue };
        let surface = surface.to_string();
        match kind {
            "scale" => w.scales.push((surface, value.parse().unwrap_or(1.0))),
            "currency" => w.units.push((surface, Unit::Currency(value.to_string()))),
            "measure" => w.units.push((surface, Unit::Measure(value.to_string()))),
            // "mm	m*0.001": a unit of measure converted to one of the contract.
            "measure_scaled" => {
                let Some((unit, factor)) = value.split_once('*') else { continue };
                let Ok(factor) = factor.parse::<f64>() else { continue };
                w.units.push((surface.clone(), Unit::Measure(unit.to_string())));
                scaled.push((surface, factor));
            }
            "spec_unit" => w.spec_units.push(surface.to_lowercase()),
            "scaled_currency" => w.scaled_currencies.push((surface, value.to_string())),
            "comparative" => w.comparatives.push(surface),
            "percent" => w.units.push((surface, Unit::Percent)),
            "times" => w.units.push((surface, Unit::Times)),
            "qualifier" => w.qualifiers.extend(qualifier(value).map(|q| (surface, q))),
            "per" => w.pers.push((surface, value.to_string())),
            "numword" => w.numwords.push((surface, value.parse().unwrap_or(0.0))),
            "identifier" => w.identifiers.push(surface),
            "determined" => w.determined.push(surface),
            "counted_noun" => w.counted_nouns.push(surface),
            "year_intro" => w.year_intro.push(surface),
            "rival" => w.rivals.push(surface.to_lowercase()),
            "from_to" => w.from_to.push(surface.to_lowercase()),
            "degree_not_heat" => w.degree_not_heat.push(surface.to_lowercase()),
            "fraction_whole" => w.fraction_wholes.push(surface.to_lowercase()),
            _ => {}
        }
    }
    w.scales.sort_by_key(|(s, _)| std::cmp::Reverse(s.len()));
    w.units.sort_by_key(|(s, _)| std::cmp::Reverse(s.len()));
    w.unit_factors = w.units.iter().map(|(s, _)| scaled.iter().find(|(t, _)| t == s).map_or(1.0, |(_, f)| *f)).collect();
    w.spec_units.sort_by_key(|s| std::cmp::Reverse(s.len()));
    w.qualifiers.sort_by_key(|(s, _)| std::cmp::Reverse(s.len()));
    w.pers.sort_by_key(|(s, _)| std::cmp::Reverse(s.len()));
    w
});

/// Does `rest` start with `word` followed by a word boundary?
pub fn starts_with_word(rest: &str, word: &str) -> bool {
    rest.starts_with(word) && !rest[word.len()..].chars().next().is_some_and(|c| c.is_alphanumeric())
}

/// Does `before` end with `word` preceded by a word boundary?
pub fn ends_with_word(before: &str, word: &str) -> bool {
    before.ends_with(word) && !before[..before.len() - word.len()].chars().next_back().is_some_and(|c| c.is_alphanumeric())
}

/// The number word at the start of `rest` (case-insensitive), with its length.
pub fn numword_at(rest: &str) -> Option<(usize, f64)> {
    WORDS.numwords.iter().find_map(|(w, v)| {
        let head = rest.get(..w.len())?;
        // As `head.to_lowercase() == *w`, without the allocation.
        (head.chars().flat_map(char::to_lowercase).eq(w.chars()) && !rest[w.len()..].chars().next().is_some_and(char::is_alphanumeric)).then_some((w.len(), *v))
    })
}
