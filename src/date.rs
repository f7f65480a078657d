//! Dates as written in front matter, shown the Vietnamese way (dd/mm/yyyy)
//! and emitted as RFC 3339 in feeds and sitemaps.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveTime, TimeZone};

/// Vietnam's UTC offset (+07:00), used for dates given without a time zone.
pub fn vietnam_offset() -> FixedOffset {
    // 7 hours is always a valid offset; the fallback is never taken.
    FixedOffset::east_opt(7 * 3600).unwrap_or_else(utc)
}

fn utc() -> FixedOffset {
    chrono::Offset::fix(&chrono::Utc)
}

/// A date, optionally with a time of day, as given in front matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Timestamp {
    instant: DateTime<FixedOffset>,
    has_time: bool,
}

impl PartialOrd for Timestamp {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Timestamp {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.instant
            .cmp(&other.instant)
            .then(self.has_time.cmp(&other.has_time))
    }
}

impl Timestamp {
    /// A calendar date (midnight, Vietnam time).
    pub fn from_date(date: NaiveDate) -> Self {
        let naive = date.and_time(NaiveTime::MIN);
        let instant = vietnam_offset()
            .from_local_datetime(&naive)
            .single()
            .unwrap_or_else(|| naive.and_utc().fixed_offset());
        Self {
            instant,
            has_time: false,
        }
    }

    /// A full date and time with offset.
    pub fn from_datetime(instant: DateTime<FixedOffset>) -> Self {
        Self {
            instant,
            has_time: true,
        }
    }

    /// Parses the forms people write: `2026-03-15`, `15/03/2026`,
    /// `15/3/2026`, and RFC 3339 (`2026-03-15T08:30:00+07:00`).
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        if let Ok(d) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            return Some(Self::from_date(d));
        }
        if let Ok(d) = NaiveDate::parse_from_str(text, "%d/%m/%Y") {
            return Some(Self::from_date(d));
        }
        if let Ok(dt) = DateTime::parse_from_rfc3339(text) {
            return Some(Self::from_datetime(dt));
        }
        for form in [
            "%Y-%m-%dT%H:%M:%S",
            "%Y-%m-%dT%H:%M",
            "%Y-%m-%d %H:%M:%S",
            "%Y-%m-%d %H:%M",
        ] {
            if let Ok(naive) = chrono::NaiveDateTime::parse_from_str(text, form) {
                let dt = vietnam_offset().from_local_datetime(&naive).single()?;
                return Some(Self::from_datetime(dt));
            }
        }
        None
    }

    /// Whether a time of day was given (`2026-12-07T08:00:00+07:00`), not
    /// only a date.
    pub fn has_time(&self) -> bool {
        self.has_time
    }

    /// The calendar date in Vietnam.
    pub fn date_in_vietnam(&self) -> NaiveDate {
        self.instant.with_timezone(&vietnam_offset()).date_naive()
    }

    /// When an entry with this `publish_date` goes live: the instant given,
    /// or the start of the day in Vietnam for a date alone.
    pub fn starts(&self) -> DateTime<FixedOffset> {
        self.instant
    }

    /// When an entry with this `expiry_date` is withdrawn: the instant
    /// given, or the end of the day in Vietnam (the next midnight) for a
    /// date alone, so the entry is shown the whole of its last day.
    pub fn ends(&self) -> DateTime<FixedOffset> {
        if self.has_time {
            self.instant
        } else {
            self.instant + chrono::Duration::days(1)
        }
    }

    /// `08:00` in Vietnam, for messages.
    pub fn hour_in_vietnam(&self) -> String {
        self.instant
            .with_timezone(&vietnam_offset())
            .format("%H:%M")
            .to_string()
    }

    /// `dd/mm/yyyy` in Vietnam, for messages.
    pub fn dmy_in_vietnam(&self) -> String {
        self.instant
            .with_timezone(&vietnam_offset())
            .format("%d/%m/%Y")
            .to_string()
    }

    /// The calendar date in the timestamp's own offset.
    pub fn date(&self) -> NaiveDate {
        self.instant.date_naive()
    }

    /// `dd/mm/yyyy`, the way dates are written in Vietnamese documents.
    pub fn dmy(&self) -> String {
        self.instant.format("%d/%m/%Y").to_string()
    }

    /// `yyyy-mm-dd`, for `<time datetime>` and sitemaps.
    pub fn iso_date(&self) -> String {
        self.instant.format("%Y-%m-%d").to_string()
    }

    /// RFC 3339 with offset, for feeds.
    pub fn rfc3339(&self) -> String {
        self.instant
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
    }

    /// RFC 2822, for RSS 2.0.
    pub fn rfc2822(&self) -> String {
        self.instant.to_rfc2822()
    }

    /// The value for a `<time datetime="…">` attribute.
    pub fn machine(&self) -> String {
        if self.has_time {
            self.rfc3339()
        } else {
            self.iso_date()
        }
    }

    /// Calendar year.
    pub fn year(&self) -> i32 {
        self.instant.year()
    }

    /// Quarter of the year, 1–4.
    pub fn quarter(&self) -> u32 {
        (self.instant.month() - 1) / 3 + 1
    }

    /// The underlying date-time.
    pub fn instant(&self) -> DateTime<FixedOffset> {
        self.instant
    }
}

/// The current instant, in Vietnam's offset.
pub fn now_in_vietnam() -> Timestamp {
    Timestamp::from_datetime(chrono::Utc::now().with_timezone(&vietnam_offset()))
}

/// The instant a build treats as now: `now` when given; for a date alone
/// (`--today 2026-12-07`), the last second of that day in Vietnam, so
/// everything scheduled that day counts as published, as it always did;
/// else the current instant.
pub fn build_instant(now: Option<Timestamp>, today: Option<NaiveDate>) -> DateTime<FixedOffset> {
    match (now, today) {
        (Some(n), _) if n.has_time => n.instant,
        (Some(n), _) => end_of_day(n.date_in_vietnam()),
        (None, Some(d)) => end_of_day(d),
        (None, None) => now_in_vietnam().instant,
    }
}

fn end_of_day(d: NaiveDate) -> DateTime<FixedOffset> {
    Timestamp::from_date(d).instant + chrono::Duration::days(1) - chrono::Duration::seconds(1)
}

/// Converts a TOML date or date-time into a timestamp; a bare time of day
/// (no date) is not a date and gives `None`.
pub fn from_toml(dt: &toml::value::Datetime) -> Option<Timestamp> {
    let d = dt.date?;
    let date = NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))?;
    let Some(t) = dt.time else {
        return Some(Timestamp::from_date(date));
    };
    let time = NaiveTime::from_hms_nano_opt(
        u32::from(t.hour),
        u32::from(t.minute),
        u32::from(t.second.unwrap_or(0)),
        t.nanosecond.unwrap_or(0),
    )?;
    let naive = date.and_time(time);
    let offset = match dt.offset {
        None => vietnam_offset(),
        Some(toml::value::Offset::Z) => utc(),
        Some(toml::value::Offset::Custom { minutes }) => {
            FixedOffset::east_opt(i32::from(minutes) * 60)?
        }
    };
    offset
        .from_local_datetime(&naive)
        .single()
        .map(Timestamp::from_datetime)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_forms_people_write() {
        let a = Timestamp::parse("2026-03-05").unwrap();
        assert_eq!(a.dmy(), "05/03/2026");
        assert_eq!(Timestamp::parse("5/3/2026").unwrap(), a);
        let t = Timestamp::parse("2026-03-05T08:30:00+07:00").unwrap();
        assert_eq!(t.rfc3339(), "2026-03-05T08:30:00+07:00");
        assert_eq!(t.dmy(), "05/03/2026");
        assert!(t > a);
        assert!(Timestamp::parse("31/02/2026").is_none());
        assert_eq!(a.quarter(), 1);
        assert_eq!(a.machine(), "2026-03-05");
    }
}
