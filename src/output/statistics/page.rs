//! The page of a data table (`/thong-ke/<slug>/`): the table, numbers
//! right-aligned, the running-number column not taken for the rows'
//! headers, and a link to its CSV.

use serde::Serialize;

use crate::content::model::DataTable;
use crate::error::Error;
use crate::output::RenderContext;
use crate::routes;
use crate::text::fold;

use super::CATEGORY;

/// `table` in the data-table template.
#[derive(Debug, Serialize)]
struct TableView<'a> {
    title: &'a str,
    description: Option<&'a str>,
    columns: &'a [String],
    /// Index of the column whose cells head their rows (`th scope="row"`):
    /// the first, or the second when the first is only a running number (TT).
    row_header: usize,
    rows: Vec<Vec<Cell<'a>>>,
    csv_url: String,
    url: String,
}

#[derive(Debug, Serialize)]
struct Cell<'a> {
    text: &'a str,
    numeric: bool,
}

fn is_numeric(s: &str) -> bool {
    let s = s.trim();
    !s.is_empty()
        && s.chars().any(|c| c.is_ascii_digit())
        && s.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '%' | '-' | ' '))
}

fn row_header(table: &DataTable) -> usize {
    let first_is_counter = table
        .columns
        .first()
        .is_some_and(|c| matches!(fold(c).as_str(), "tt" | "stt" | "so tt" | "no." | "no"));
    usize::from(first_is_counter && table.columns.len() > 1)
}

/// The page of a data table.
pub fn table_page(cx: &RenderContext<'_>, table: &DataTable) -> Result<Vec<u8>, Error> {
    let p = cx.common;
    let path = &routes::table_page(&table.slug);
    let Some(category) = crate::category::by_key(CATEGORY) else {
        return Ok(Vec::new());
    };
    let category = p.category_view(category);
    let description = table
        .description
        .clone()
        .unwrap_or_else(|| table.title.clone());
    let mut page = p.page_view("table", table.title.clone(), path, description);
    page.section = Some(CATEGORY);
    let mut ctx = p.base_context(page);
    ctx.insert("category", &category);
    let view = TableView {
        title: &table.title,
        description: table.description.as_deref(),
        columns: &table.columns,
        row_header: row_header(table),
        rows: table
            .rows
            .iter()
            .map(|r| {
                r.iter()
                    .map(|c| Cell {
                        text: c,
                        numeric: is_numeric(c),
                    })
                    .collect()
            })
            .collect(),
        csv_url: p.url(&routes::table_csv(&table.slug)),
        url: p.url(path),
    };
    ctx.insert("table", &view);
    cx.page("data_table.html", &ctx)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_recognised() {
        assert!(is_numeric("1.034"));
        assert!(is_numeric("12,5%"));
        assert!(!is_numeric("19/01/2026"));
        assert!(!is_numeric("Sở Tài chính"));
        assert!(!is_numeric(""));
    }
}
