//! The CSV files of the statistics: RFC 4180 (comma, CRLF, quotes where
//! needed), UTF-8 with a byte-order mark so that Excel opens Vietnamese
//! text correctly.

use crate::content::model::DataTable;
use crate::error::Error;

use super::compute::StatTable;

/// The CSV of a computed table: its columns, its rows and the total row,
/// counts as plain numbers.
pub fn summary(table: &StatTable) -> Result<Vec<u8>, Error> {
    let records = std::iter::once(table.columns.clone()).chain(
        table.rows.iter().chain([&table.total]).map(|r| {
            std::iter::once(r.label.clone())
                .chain(r.raw.iter().map(u64::to_string))
                .collect()
        }),
    );
    csv_bytes(records)
}

/// The CSV of a data table of `content/thong-ke/`, as written.
pub fn data_table(table: &DataTable) -> Result<Vec<u8>, Error> {
    let records = std::iter::once(table.columns.clone()).chain(table.rows.iter().cloned());
    csv_bytes(records)
}

/// CSV bytes: UTF-8 with a byte-order mark, RFC 4180 records (CRLF).
pub fn csv_bytes(records: impl IntoIterator<Item = Vec<String>>) -> Result<Vec<u8>, Error> {
    let mut out = "\u{feff}".as_bytes().to_vec();
    {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .flexible(true)
            .from_writer(&mut out);
        for r in records {
            w.write_record(&r).map_err(csv_error)?;
        }
        w.flush().map_err(|e| Error::Io {
            path: "(csv)".into(),
            source: e,
        })?;
    }
    Ok(out)
}

fn csv_error(e: csv::Error) -> Error {
    Error::Io {
        path: "(csv)".into(),
        source: std::io::Error::other(e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_is_rfc4180_with_a_bom() {
        let bytes = csv_bytes(vec![
            vec!["Họ và tên".to_string(), "Ghi chú".to_string()],
            vec![
                "Nguyễn Văn An".to_string(),
                "có dấu phẩy, và \"ngoặc\"".to_string(),
            ],
        ])
        .unwrap();
        assert_eq!(
            String::from_utf8(bytes).unwrap(),
            "\u{feff}Họ và tên,Ghi chú\r\nNguyễn Văn An,\"có dấu phẩy, và \"\"ngoặc\"\"\"\r\n"
        );
    }
}
