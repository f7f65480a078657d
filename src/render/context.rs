//! What templates see. Every page gets `site`, `t` (interface strings),
//! `nav` and `page`; category and entry pages add their own objects.
//! Documented for theme authors in `docs/templates.md`.

use serde::Serialize;
use serde::ser::{SerializeStruct, Serializer};
use tera::{Context, Value};

use crate::category::{CATEGORIES, Category};
use crate::config::{Agency, Province};
use crate::content::model::{Entry, Visibility};
use crate::i18n::{Lang, Strings};
use crate::routes::{SEARCH_PATH, STYLESHEET_PATH, Urls};

use super::flat::Fields;
use super::{Common, Full, Listed, Page};

/// `site` in templates.
#[derive(Debug, Serialize)]
pub struct SiteView<'a> {
    /// Section title.
    pub title: &'a str,
    /// Description.
    pub description: Option<&'a str>,
    /// Base URL (ends with `/`).
    pub base_url: &'a str,
    /// Base path (`/` or `/pbgdpl/`).
    pub base_path: &'a str,
    /// Language code.
    pub lang: &'static str,
    /// The agency.
    pub agency: &'a Agency,
    /// The province (banner).
    pub province: &'a Province,
    /// National systems: name (in the site's language) and URL.
    pub national_links: Vec<LinkView>,
    /// News from the upstream feeds (`[upstream]`), one block per feed.
    pub upstream: &'a [crate::upstream::News],
    /// URL of the stylesheet.
    pub stylesheet: String,
    /// URL of the search page.
    pub search_url: String,
    /// URL of the list of tags, when the site publishes one (a hub does not).
    pub tags_url: Option<String>,
    /// Generator name and version.
    pub generator: String,
    /// Open Graph locale (`vi_VN`, `en_US`).
    pub og_locale: &'static str,
    /// The default share image (`og:image` of pages without a photo): the
    /// banner on a 1200×630 card (none on the province's hub).
    pub share_image: Option<ShareImageView>,
    /// The agency's official channels, for the footer (`rel="me"`).
    pub channels: Vec<LinkView>,
    /// schema.org JSON-LD of the agency (`GovernmentOrganization`), for
    /// the home page; safe inside a `<script>` element (empty on the
    /// province's hub, whose pages hold no script).
    pub organization_json_ld: String,
}

/// Who publishes a section or the provincial hub: what `site` shows
/// besides addresses.
#[derive(Debug, Clone, Copy)]
pub struct Publisher<'a> {
    /// The title.
    pub title: &'a str,
    /// The description.
    pub description: Option<&'a str>,
    /// The agency.
    pub agency: &'a Agency,
    /// The province (banner).
    pub province: &'a Province,
}

impl<'a> SiteView<'a> {
    /// `site` of pages published by `by` at `urls` in `lang`, linking the
    /// national systems `links` (Vietnamese name, English name, address).
    /// What only a section shows (upstream news, the list of tags, the
    /// share image, the agency's JSON-LD) is left empty: the section
    /// sets it; the hub's pages run no script, not even data.
    pub fn new(
        by: Publisher<'a>,
        urls: &'a Urls,
        lang: Lang,
        links: impl IntoIterator<Item = (&'a str, &'a str, &'a str)>,
    ) -> Self {
        SiteView {
            title: by.title,
            description: by.description,
            base_url: &urls.base_url,
            base_path: &urls.base_path,
            lang: lang.code(),
            agency: by.agency,
            province: by.province,
            national_links: links
                .into_iter()
                .map(|(vi, en, url)| LinkView {
                    name: match lang {
                        Lang::Vi => vi,
                        Lang::En => en,
                    }
                    .to_string(),
                    url: url.to_string(),
                })
                .collect(),
            upstream: &[],
            stylesheet: urls.url(STYLESHEET_PATH),
            search_url: urls.url(SEARCH_PATH),
            tags_url: None,
            generator: format!("pbgdpl {}", env!("CARGO_PKG_VERSION")),
            og_locale: match lang {
                Lang::Vi => "vi_VN",
                Lang::En => "en_US",
            },
            share_image: None,
            channels: channels(by.agency),
            organization_json_ld: String::new(),
        }
    }
}

/// `site`, `t` and `nav` as Tera values: the same on every page of a
/// build, so they are converted once and shared (Tera values are
/// reference-counted).
#[derive(Debug, Default)]
pub struct BaseValues(std::sync::OnceLock<[Value; 3]>);

impl BaseValues {
    /// A context holding `site`, `t` and `nav` (the standard categories at
    /// `urls`, in `lang`) and `page`; `site` is made on first use.
    pub fn context<'s>(
        &self,
        site: impl FnOnce() -> SiteView<'s>,
        strings: &Strings,
        lang: Lang,
        urls: &Urls,
        page: &PageView,
    ) -> Context {
        let [site, t, nav] = self.0.get_or_init(|| {
            [
                Value::from_serializable(&site()),
                Value::from_serializable(strings),
                Value::from_serializable(&NavItem::categories(lang, urls)),
            ]
        });
        let mut ctx = Context::new();
        ctx.insert_value("site", site.clone());
        ctx.insert_value("t", t.clone());
        ctx.insert_value("nav", nav.clone());
        ctx.insert("page", page);
        ctx
    }
}

/// An image for Open Graph and Twitter cards.
#[derive(Debug, Serialize)]
pub struct ShareImageView {
    /// Full URL.
    pub url: String,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// MIME type.
    #[serde(rename = "type")]
    pub mime: &'static str,
    /// What it shows.
    pub alt: String,
}

/// A named link.
#[derive(Debug, Serialize)]
pub struct LinkView {
    /// Visible name.
    pub name: String,
    /// Target.
    pub url: String,
}

/// One item of the category navigation.
#[derive(Debug, Serialize)]
pub struct NavItem {
    /// Category key.
    pub key: &'static str,
    /// Label.
    pub label: &'static str,
    /// URL.
    pub url: String,
    /// 471 clause, if any.
    pub clause: Option<&'static str>,
    /// Required by 471.
    pub required: bool,
}

impl NavItem {
    /// The standard categories, in navigation order, at `urls`.
    pub fn categories(lang: Lang, urls: &Urls) -> Vec<NavItem> {
        CATEGORIES
            .iter()
            .map(|c| NavItem {
                key: c.key,
                label: c.label(lang),
                url: urls.url(&crate::routes::category(c)),
                clause: c.clause,
                required: c.required,
            })
            .collect()
    }
}

/// `page` in templates: what every page has.
#[derive(Debug, Clone, Hash, Serialize)]
pub struct PageView {
    /// `home`, `category`, `entry`, `404`…
    pub kind: &'static str,
    /// `<title>` text (without the site title).
    pub title: String,
    /// Absolute path of this page.
    pub url: String,
    /// Full canonical URL.
    pub canonical: String,
    /// Meta description.
    pub description: String,
    /// Ask search engines not to index (previews, 404).
    pub noindex: bool,
    /// Key of the category this page belongs to (highlighted in the navigation).
    pub section: Option<&'static str>,
}

impl PageView {
    /// A page to be indexed, in no category, at the site-relative `path`.
    pub fn at(
        urls: &Urls,
        kind: &'static str,
        title: String,
        path: &str,
        description: String,
    ) -> Self {
        Self::new(
            kind,
            title,
            urls.url(path),
            urls.permalink(path),
            description,
        )
    }

    /// A page to be indexed, in no category; the section's and the hub's
    /// pages are made here.
    pub fn new(
        kind: &'static str,
        title: String,
        url: String,
        canonical: String,
        description: String,
    ) -> Self {
        // Never an empty description (an entry whose text starts with a
        // table has no first paragraph): the title says what it is.
        let description = if description.trim().is_empty() {
            title.clone()
        } else {
            description
        };
        PageView {
            kind,
            title,
            url,
            canonical,
            description,
            noindex: false,
            section: None,
        }
    }
}

/// An entry as templates see it: the model plus URL, summary and HTML.
/// It serialises as one struct: the entry's fields, then the view's (see
/// `render::flat`).
#[derive(Debug)]
pub struct EntryView<'a> {
    /// The model (`entry.title`, `entry.date.dmy`, `entry.meta.document.number`…).
    pub entry: &'a Entry,
    /// Absolute path.
    pub url: &'a str,
    /// Full URL.
    pub permalink: &'a str,
    /// Summary text: `summary`, or the start of the first paragraph.
    pub summary: &'a str,
    /// Whether the summary was written (`summary`): only then does the
    /// entry page show it above the text, which otherwise starts with it.
    pub summary_explicit: bool,
    /// Preview marking (`BẢN NHÁP`, `CHỜ DUYỆT`…) for unpublished entries.
    pub marker: Option<String>,
    /// Category label.
    pub category_label: &'static str,
    /// Category URL.
    pub category_url: String,
    /// The tags with the address of their pages (none for unpublished
    /// entries, whose tags have no page yet).
    pub tag_links: Vec<TagLink>,
    /// The featured photo (`image`), processed, with its description,
    /// caption and credit; none without one.
    pub image: Option<ImageView<'a>>,
    /// What only the entry's own page shows (`html`, `json_ld`,
    /// `share_facebook`; none of them on lists).
    pub page_only: PageOnly<'a>,
}

impl Serialize for EntryView<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // About as many fields as there are (the entry's 14, these 12):
        // only the capacity of the template value's map.
        let mut v = s.serialize_struct("EntryView", 26)?;
        self.entry.serialize(Fields(&mut v))?;
        v.serialize_field("url", self.url)?;
        v.serialize_field("permalink", self.permalink)?;
        v.serialize_field("summary", self.summary)?;
        v.serialize_field("summary_explicit", &self.summary_explicit)?;
        v.serialize_field("marker", &self.marker)?;
        v.serialize_field("category_label", self.category_label)?;
        v.serialize_field("category_url", &self.category_url)?;
        v.serialize_field("tag_links", &self.tag_links)?;
        v.serialize_field("image", &self.image)?;
        self.page_only.serialize(Fields(&mut v))?;
        v.end()
    }
}

/// The featured photo of an entry as templates see it: every field of
/// [`PhotoView`](crate::images::markup::PhotoView) (`src`, `width`,
/// `height`, `webp_srcset`, `srcset`, `fallback_type`, `share`) and `alt`,
/// `caption`, `credit`.
#[derive(Debug)]
pub struct ImageView<'a> {
    /// The processed files.
    pub photo: &'a crate::images::markup::PhotoView,
    /// The description (`image_alt`).
    pub alt: &'a str,
    /// The caption (`image_caption`).
    pub caption: Option<&'a str>,
    /// Who took it (`image_credit`).
    pub credit: Option<&'a str>,
}

impl Serialize for ImageView<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut v = s.serialize_struct("ImageView", 12)?;
        self.photo.serialize(Fields(&mut v))?;
        v.serialize_field("alt", self.alt)?;
        v.serialize_field("caption", &self.caption)?;
        v.serialize_field("credit", &self.credit)?;
        v.end()
    }
}

/// The part of [`EntryView`] that only the entry's own page shows.
#[derive(Debug, Default, Serialize)]
pub struct PageOnly<'a> {
    /// Body HTML.
    pub html: Option<&'a str>,
    /// schema.org JSON-LD for the page (`FAQPage` for Q&A), safe to put
    /// inside a `<script>` element.
    pub json_ld: Option<String>,
    /// Facebook's share address for the page: a plain link, no script.
    pub share_facebook: Option<String>,
}

/// A tag of an entry and its page.
#[derive(Debug, Serialize)]
pub struct TagLink {
    /// The tag as written.
    pub label: String,
    /// Its page, when the entry is published.
    pub url: Option<String>,
}

/// `category` in templates.
#[derive(Debug, Serialize)]
pub struct CategoryView<'a> {
    /// Key.
    pub key: &'static str,
    /// Label.
    pub label: &'static str,
    /// URL.
    pub url: String,
    /// 471 clause.
    pub clause: Option<&'static str>,
    /// Required by 471.
    pub required: bool,
    /// Kind (`document`, `question`…).
    pub kind: crate::category::Kind,
    /// Introduction HTML from `_index.md`.
    pub intro_html: Option<&'a str>,
    /// Description from `_index.md`.
    pub description: Option<&'a str>,
}

impl<'a> Common<'a> {
    fn lang(&self) -> Lang {
        self.config.language
    }

    /// `site`.
    pub fn site_view(&self) -> SiteView<'_> {
        let c = &self.config;
        let by = Publisher {
            title: &c.title,
            description: c.description.as_deref(),
            agency: &c.agency,
            province: &c.province,
        };
        let links = c
            .national_links
            .iter()
            .map(|l| (l.name_vi, l.name_en, l.url.as_str()));
        SiteView {
            upstream: self.upstream,
            tags_url: Some(self.url(&crate::routes::tags())),
            share_image: Some(ShareImageView {
                url: self.permalink(crate::routes::SHARE_IMAGE_PATH),
                width: crate::routes::SHARE_IMAGE_WIDTH,
                height: crate::routes::SHARE_IMAGE_HEIGHT,
                mime: "image/png",
                alt: c.province.name.clone(),
            }),
            organization_json_ld: organization_json_ld(
                &c.agency,
                &c.province,
                &c.title,
                &self.permalink(""),
            ),
            ..SiteView::new(by, &self.urls, c.language, links)
        }
    }

    /// A category's view.
    pub fn category_view(&self, c: &Category) -> CategoryView<'_> {
        let intro = self.intros.get(c.key);
        CategoryView {
            key: c.key,
            label: c.label(self.lang()),
            url: self.url(&crate::routes::category(c)),
            clause: c.clause,
            required: c.required,
            kind: c.kind,
            intro_html: intro.map(|i| i.html.as_str()),
            description: intro.and_then(|i| i.intro.description.as_deref()),
        }
    }

    /// The address of a tag's page (for links from entries).
    pub fn tag_url(&self, label: &str) -> String {
        self.url(&crate::routes::tag_page(&crate::text::slugify(label), 1))
    }

    /// An entry as lists show it (no body).
    pub fn list_entry<'p>(&'p self, listed: Listed<'p>) -> EntryView<'p> {
        self.entry_view(listed.page(), false)
    }

    /// An entry as its own page shows it, with the body.
    pub fn full_entry<'p>(&'p self, page: Full<'p>) -> EntryView<'p> {
        self.entry_view(page.0, true)
    }

    /// [`Common::list_entry`] as a Tera value. Every list of a build shows
    /// an entry the same way (category, tag and filter pages, the home
    /// page, the neighbours of an entry): the value is made the first time
    /// and shared after that (Tera values are reference-counted), instead
    /// of serialising the entry again for each list it is on — until
    /// [`Prepared::forget_list_values`](super::Prepared::forget_list_values).
    /// Its maps and lists that other entries have too (category, dates,
    /// tag links…) are one value for all of them (`render::alike`).
    pub fn list_value(&self, listed: Listed<'_>) -> Value {
        listed.page().list_value.get_or_make(|| {
            self.alike
                .share_fields(Value::from_serializable(&self.list_entry(listed)))
        })
    }

    /// [`Common::full_entry`] as a Tera value: the entry's
    /// [`Common::list_value`] with what only its own page shows
    /// ([`PageOnly`]) put in.
    pub fn full_value(&self, page: Full<'_>) -> Value {
        let list = self.list_value(Listed::new(page.0));
        let only = Value::from_serializable(&self.page_only(page.0));
        let (Some(list), Some(only)) = (list.as_map(), only.as_map()) else {
            return Value::from_serializable(&self.full_entry(page));
        };
        let mut map = list.clone();
        map.extend(only.iter().map(|(k, v)| (k.clone(), v.clone())));
        Value::from(map)
    }

    fn page_only<'p>(&self, page: &'p Page<'p>) -> PageOnly<'p> {
        PageOnly {
            html: Some(page.html()),
            json_ld: Some(self.json_ld(page)),
            share_facebook: Some(format!(
                "https://www.facebook.com/sharer/sharer.php?u={}",
                percent_encoding::utf8_percent_encode(
                    &page.permalink,
                    percent_encoding::NON_ALPHANUMERIC
                )
            )),
        }
    }

    fn entry_view<'p>(&'p self, page: &'p Page<'p>, with_body: bool) -> EntryView<'p> {
        let t = |k: &str| {
            self.strings
                .get(k)
                .cloned()
                .unwrap_or_else(|| k.to_uppercase())
        };
        let marker = match page.visibility {
            Visibility::Published => None,
            Visibility::Unapproved => Some(match page.entry.editorial.status {
                crate::content::model::Status::Review => t("review"),
                _ => t("draft"),
            }),
            Visibility::Scheduled => Some(t("scheduled")),
            Visibility::Expired => Some(t("expired")),
        };
        let c = page.entry.category;
        EntryView {
            entry: page.entry,
            url: &page.url,
            permalink: &page.permalink,
            summary: &page.summary,
            summary_explicit: page.entry.summary.is_some(),
            marker,
            category_label: c.label(self.lang()),
            category_url: self.url(&crate::routes::category(c)),
            page_only: if with_body {
                self.page_only(page)
            } else {
                PageOnly::default()
            },
            image: page
                .image
                .as_deref()
                .zip(page.entry.image.as_ref())
                .map(|(photo, p)| ImageView {
                    photo,
                    alt: &p.alt,
                    caption: p.caption.as_deref(),
                    credit: p.credit.as_deref(),
                }),
            tag_links: page
                .entry
                .tags
                .iter()
                .map(|label| TagLink {
                    label: label.clone(),
                    url: page.is_published().then(|| self.tag_url(label)),
                })
                .collect(),
        }
    }

    /// The context every page starts from: `site`, `t`, `nav`, `page`.
    pub fn base_context(&self, page: PageView) -> Context {
        self.base_values.context(
            || self.site_view(),
            &self.strings,
            self.lang(),
            &self.urls,
            &page,
        )
    }

    /// schema.org JSON-LD of an entry's page: `FAQPage` for a question,
    /// `Legislation` for a legal document, `Event` for an activity or a
    /// dialogue, `AboutPage`/`ContactPage` for the undated introduction
    /// and directory, `NewsArticle` for news and notices, `Article`
    /// otherwise.
    fn json_ld(&self, page: &Page<'_>) -> String {
        let e = page.entry;
        let publisher = serde_json::json!({
            "@type": "GovernmentOrganization",
            "name": self.config.agency.name,
            "url": self.config.agency.url,
        });
        let mut doc = if let Some(q) = &e.meta.question {
            faq(page, q)
        } else if let Some(d) = e
            .meta
            .document
            .as_ref()
            .filter(|_| matches!(e.category.kind, crate::category::Kind::Document))
        {
            let mut v = serde_json::json!({ "@type": "Legislation", "name": e.title });
            let mut put = |k: &str, val: Option<serde_json::Value>| {
                if let Some(val) = val {
                    v[k] = val;
                }
            };
            put("legislationIdentifier", d.number.clone().map(Into::into));
            put("legislationType", d.document_type.map(Into::into));
            put("legislationDate", d.issue_date.map(|t| t.machine().into()));
            put(
                "legislationDateVersion",
                d.effective_date.map(|t| t.machine().into()),
            );
            put(
                "legislationPassedBy",
                d.issuer
                    .as_ref()
                    .map(|i| serde_json::json!({ "@type": "GovernmentOrganization", "name": i })),
            );
            put("sameAs", d.source_url.clone().map(Into::into));
            v
        } else if let Some((start, place, organizer)) = event_of(e) {
            let mut v = serde_json::json!({
                "@type": "Event",
                "name": e.title,
                "startDate": start,
                "eventStatus": "https://schema.org/EventScheduled",
                "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
                "organizer": organizer.map_or_else(
                    || publisher.clone(),
                    |o| serde_json::json!({ "@type": "Organization", "name": o }),
                ),
            });
            if let Some(place) = place {
                v["location"] = serde_json::json!({
                    "@type": "Place",
                    "name": place,
                    "address": place,
                });
            }
            v
        } else if e.date.is_none() {
            // Undated pages: the introduction, the directory.
            let kind = match e.category.kind {
                crate::category::Kind::Directory => "ContactPage",
                crate::category::Kind::Page => "AboutPage",
                _ => "WebPage",
            };
            serde_json::json!({ "@type": kind, "name": e.title, "publisher": publisher })
        } else {
            let news = matches!(e.category.key, "tin-tuc" | "thong-bao");
            serde_json::json!({
                "@type": if news { "NewsArticle" } else { "Article" },
                "headline": e.title,
                "author": match &e.editorial.author {
                    Some(a) => serde_json::json!({ "@type": "Person", "name": a }),
                    None => publisher.clone(),
                },
                "publisher": publisher,
            })
        };
        doc["@context"] = "https://schema.org".into();
        doc["url"] = page.permalink.clone().into();
        doc["inLanguage"] = self.config.language.code().into();
        if !page.summary.is_empty() {
            doc["description"] = page.summary.clone().into();
        }
        if let Some(d) = e.date {
            doc["datePublished"] = d.rfc3339().into();
        }
        if let Some(d) = e.modified() {
            doc["dateModified"] = d.rfc3339().into();
        }
        if let Some(image) = &page.image {
            doc["image"] = serde_json::json!({
                "@type": "ImageObject",
                "url": image.share.url,
                "width": image.share.width,
                "height": image.share.height,
            });
        }
        script_json(&doc)
    }

    /// A `page` object for a site-relative path.
    pub fn page_view(
        &self,
        kind: &'static str,
        title: String,
        path: &str,
        description: String,
    ) -> PageView {
        PageView::at(&self.urls, kind, title, path, description)
    }
}

/// JSON for a `<script type="application/ld+json">` element: `</`
/// escaped so that it cannot close the element.
fn script_json(v: &serde_json::Value) -> String {
    v.to_string().replace("</", "<\\/")
}

/// The official channels of an agency, for `site.channels`.
pub fn channels(agency: &Agency) -> Vec<LinkView> {
    agency
        .channels
        .list()
        .into_iter()
        .map(|(name, url)| LinkView {
            name: name.to_string(),
            url: url.to_string(),
        })
        .collect()
}

/// The agency as schema.org `GovernmentOrganization` JSON-LD (its
/// website `title` at `home`, its channels as `sameAs`), safe inside a
/// `<script>` element.
pub fn organization_json_ld(
    agency: &Agency,
    province: &Province,
    title: &str,
    home: &str,
) -> String {
    let mut v = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization",
        "name": agency.name,
        "url": agency.url,
        "subjectOf": { "@type": "WebSite", "name": title, "url": home },
        "parentOrganization": { "@type": "GovernmentOrganization", "name": province.name, "url": province.url },
    });
    let same_as: Vec<&str> = agency.channels.list().into_iter().map(|(_, u)| u).collect();
    if !same_as.is_empty() {
        v["sameAs"] = same_as.into();
    }
    for (key, value) in [
        ("address", &agency.address),
        ("telephone", &agency.phone),
        ("email", &agency.email),
    ] {
        if let Some(value) = value {
            v[key] = value.as_str().into();
        }
    }
    script_json(&v)
}

/// When, where and by whom an activity or a dialogue was held.
fn event_of(e: &Entry) -> Option<(String, Option<&str>, Option<&str>)> {
    if let Some(a) = &e.meta.activity {
        let start = a.held_on.or(e.date)?;
        return Some((start.machine(), a.place.as_deref(), a.organizer.as_deref()));
    }
    let d = e.meta.dialogue.as_ref()?;
    let start = d.held_on.or(e.date)?;
    Some((start.machine(), d.place.as_deref(), None))
}

/// schema.org `FAQPage` for a Q&A entry.
fn faq(page: &Page<'_>, q: &crate::content::model::Question) -> serde_json::Value {
    let mut question = serde_json::json!({
        "@type": "Question",
        "name": q.question,
        "acceptedAnswer": { "@type": "Answer", "text": page.html(), "url": page.permalink },
    });
    if let Some(d) = q.asked_date.or(page.entry.date) {
        question["dateCreated"] = d.rfc3339().into();
    }
    serde_json::json!({
        "@type": "FAQPage",
        "name": page.entry.title,
        "mainEntity": [question],
    })
}
