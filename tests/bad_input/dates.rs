//! Dates that do not exist.

use crate::harness::Case;

#[test]
fn february_the_thirtieth() {
    let c = Case::new();
    c.write(
        "content/tin-tuc/a.md",
        "+++\ntitle = \"Tin\"\ndate = 2026-02-30\n+++\n",
    );
    c.fails("date-february-30", 1, true);
}

#[test]
fn thirteenth_month_written_the_vietnamese_way() {
    let c = Case::new();
    c.write(
        "content/tin-tuc/a.md",
        "+++\ntitle = \"Tin\"\ndate = \"15/13/2026\"\n+++\n",
    );
    c.fails("date-month-13", 1, true);
}

#[test]
fn thirty_first_of_april_in_a_document() {
    let c = Case::new();
    c.write(
        "content/van-ban-moi/nd-1.md",
        "+++\ntitle = \"Nghị định\"\ndate = 2026-03-01\nnumber = \"1/2026/NĐ-CP\"\ndocument_type = \"Nghị định\"\nissuer = \"Chính phủ\"\nissue_date = \"31/04/2026\"\n+++\n",
    );
    c.fails("date-april-31", 1, true);
}

#[test]
fn hour_twenty_five() {
    let c = Case::new();
    c.write(
        "content/tin-tuc/a.md",
        "+++\ntitle = \"Tin\"\ndate = 2026-03-01T25:00:00+07:00\n+++\n",
    );
    c.fails("date-hour-25", 1, true);
}
