//! Bar charts as inline SVG, drawn at build time (no JavaScript).
//!
//! Each bar is a row: its label and value on one line, the bar below, so
//! long Vietnamese labels never need measuring or cutting. The chart is an
//! image to assistive technology (`role="img"`) named by its `<title>` and
//! described by its `<desc>`, which reads out every value; the page shows the
//! same numbers in a table beside it.

use std::fmt::Write as _;

use crate::text::escape_xml;

/// Height of one row (label line + bar), in CSS pixels.
const ROW: u32 = 46;
/// Height of a bar.
const BAR: u32 = 18;

/// One bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    /// What it counts (`Quý I/2026`).
    pub label: String,
    /// The value.
    pub value: u64,
    /// The value as shown (`1.034`).
    pub value_label: String,
}

/// A horizontal bar chart. `id` must be unique in the page (it prefixes the
/// ids of the title and description).
///
/// The drawing has no `viewBox`: it takes the width of its container and
/// bars are percentages of it, so text keeps its size (15px) on a phone
/// instead of shrinking with the drawing. Each row has the label on the
/// left and the value on the right, with the bar below.
pub fn bar_chart(id: &str, title: &str, bars: &[Bar]) -> String {
    let height = ROW * bars.len().max(1) as u32 + 4;
    let max = bars.iter().map(|b| b.value).max().unwrap_or(0).max(1);
    let desc = bars
        .iter()
        .map(|b| format!("{}: {}", b.label, b.value_label))
        .collect::<Vec<_>>()
        .join("; ");
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg class=\"chart__svg\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" \
         aria-labelledby=\"{id}-title {id}-desc\" width=\"100%\" height=\"{height}\" \
         font-size=\"15\"><title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>",
        escape_xml(title),
        escape_xml(&desc)
    );
    for (i, b) in bars.iter().enumerate() {
        let top = ROW * i as u32;
        // Per mille, in integers: the output is identical on every machine.
        let permille = (u128::from(b.value) * 1000 / u128::from(max)) as u32;
        let permille = if b.value > 0 { permille.max(5) } else { 0 };
        let _ = write!(
            svg,
            "<text x=\"0\" y=\"{label_y}\" fill=\"currentColor\">{}</text>\
             <text x=\"100%\" y=\"{label_y}\" text-anchor=\"end\" fill=\"currentColor\" \
             font-weight=\"700\">{}</text>\
             <rect class=\"chart__bar\" x=\"0\" y=\"{bar_y}\" width=\"{}.{}%\" height=\"{BAR}\" \
             fill=\"#12355b\"/>",
            escape_xml(&b.label),
            escape_xml(&b.value_label),
            permille / 10,
            permille % 10,
            label_y = top + 17,
            bar_y = top + 23,
        );
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(label: &str, value: u64) -> Bar {
        Bar {
            label: label.into(),
            value,
            value_label: value.to_string(),
        }
    }

    #[test]
    fn bars_scale_to_the_largest_value() {
        let svg = bar_chart(
            "c",
            "Hoạt động & số liệu",
            &[bar("A", 5), bar("B", 10), bar("C", 0)],
        );
        assert!(svg.contains("width=\"50.0%\""), "{svg}");
        assert!(svg.contains("width=\"100.0%\""), "{svg}");
        assert!(svg.contains("width=\"0.0%\""), "{svg}");
        assert!(svg.contains("<title id=\"c-title\">Hoạt động &amp; số liệu</title>"));
        assert!(svg.contains("<desc id=\"c-desc\">A: 5; B: 10; C: 0</desc>"));
        assert!(svg.contains("aria-labelledby=\"c-title c-desc\""));
    }

    #[test]
    fn an_empty_chart_is_still_valid() {
        let svg = bar_chart("e", "Trống", &[]);
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
    }
}
