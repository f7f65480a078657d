//! `#[serde(flatten)]` of a struct into a struct, with static field names.
//!
//! serde's `flatten` serialises the enclosing struct as a map, whose keys
//! a template value then allocates one by one: for an entry, about thirty
//! keys each time a list shows it. [`Fields`] instead hands the fields of
//! an inner struct to the enclosing struct's serializer as its own, with
//! the `&'static str` names they were declared with, so the template value
//! is made as for any struct. What comes out is the same as with `flatten`
//! (fields in order; a later field of the same name replaces an earlier
//! one in a template value or a JSON value).

use std::fmt::Display;

use serde::ser::{self, Impossible, Serialize, SerializeStruct, Serializer};

/// Serialises a struct's fields as fields of the struct that `S` is
/// serialising: `inner.serialize(Fields(&mut outer))?`. Anything but a
/// struct (or a newtype around one) is an error, as with `flatten`.
pub struct Fields<'s, S>(pub &'s mut S);

/// The error for what cannot be flattened.
fn not_a_struct<E: ser::Error>(what: impl Display) -> E {
    E::custom(format_args!(
        "only a struct's fields can be flattened, not {what}"
    ))
}

macro_rules! refuse {
    ($($method:ident($($arg:ty),*) -> $ok:ty, $what:literal;)*) => {
        $(
            fn $method(self $(, _: $arg)*) -> Result<$ok, Self::Error> {
                Err(not_a_struct($what))
            }
        )*
    };
}

impl<S: SerializeStruct> Serializer for Fields<'_, S> {
    type Ok = ();
    type Error = S::Error;
    type SerializeSeq = Impossible<(), S::Error>;
    type SerializeTuple = Impossible<(), S::Error>;
    type SerializeTupleStruct = Impossible<(), S::Error>;
    type SerializeTupleVariant = Impossible<(), S::Error>;
    type SerializeMap = Impossible<(), S::Error>;
    type SerializeStruct = Self;
    type SerializeStructVariant = Impossible<(), S::Error>;

    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStruct, Self::Error> {
        Ok(self)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Self::Error> {
        value.serialize(self)
    }

    refuse! {
        serialize_bool(bool) -> (), "a boolean";
        serialize_i8(i8) -> (), "a number";
        serialize_i16(i16) -> (), "a number";
        serialize_i32(i32) -> (), "a number";
        serialize_i64(i64) -> (), "a number";
        serialize_u8(u8) -> (), "a number";
        serialize_u16(u16) -> (), "a number";
        serialize_u32(u32) -> (), "a number";
        serialize_u64(u64) -> (), "a number";
        serialize_f32(f32) -> (), "a number";
        serialize_f64(f64) -> (), "a number";
        serialize_char(char) -> (), "a character";
        serialize_str(&str) -> (), "a string";
        serialize_bytes(&[u8]) -> (), "bytes";
        serialize_none() -> (), "an option";
        serialize_unit() -> (), "a unit";
        serialize_unit_struct(&'static str) -> (), "a unit struct";
        serialize_unit_variant(&'static str, u32, &'static str) -> (), "an enum";
        serialize_seq(Option<usize>) -> Self::SerializeSeq, "a sequence";
        serialize_tuple(usize) -> Self::SerializeTuple, "a tuple";
        serialize_tuple_struct(&'static str, usize) -> Self::SerializeTupleStruct, "a tuple";
        serialize_tuple_variant(&'static str, u32, &'static str, usize)
            -> Self::SerializeTupleVariant, "an enum";
        serialize_map(Option<usize>) -> Self::SerializeMap, "a map";
        serialize_struct_variant(&'static str, u32, &'static str, usize)
            -> Self::SerializeStructVariant, "an enum";
    }

    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<(), Self::Error> {
        Err(not_a_struct("an option"))
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), Self::Error> {
        Err(not_a_struct("an enum"))
    }
}

impl<S: SerializeStruct> SerializeStruct for Fields<'_, S> {
    type Ok = ();
    type Error = S::Error;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Self::Error> {
        self.0.serialize_field(key, value)
    }

    fn skip_field(&mut self, key: &'static str) -> Result<(), Self::Error> {
        self.0.skip_field(key)
    }

    fn end(self) -> Result<(), Self::Error> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use serde::Serialize;
    use serde::ser::{SerializeStruct, Serializer};

    use super::Fields;

    #[derive(Serialize)]
    struct Inner {
        title: &'static str,
        #[serde(rename = "when")]
        date: Option<u32>,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        tags: Vec<&'static str>,
        #[serde(skip)]
        _hidden: u8,
        summary: &'static str,
    }

    /// The same view twice: with serde's `flatten`, and with [`Fields`].
    #[derive(Serialize)]
    struct WithFlatten<'a> {
        #[serde(flatten)]
        inner: &'a Inner,
        url: &'static str,
        summary: &'static str,
    }

    struct WithFields<'a> {
        inner: &'a Inner,
        url: &'static str,
        summary: &'static str,
    }

    impl Serialize for WithFields<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut v = s.serialize_struct("WithFields", 6)?;
            self.inner.serialize(Fields(&mut v))?;
            v.serialize_field("url", self.url)?;
            v.serialize_field("summary", self.summary)?;
            v.end()
        }
    }

    #[test]
    fn fields_come_out_as_with_flatten() {
        for inner in [
            Inner {
                title: "Luật Đất đai",
                date: Some(2024),
                tags: vec!["đất đai", "thuế"],
                _hidden: 1,
                summary: "written",
            },
            Inner {
                title: "",
                date: None,
                tags: vec![],
                _hidden: 0,
                summary: "",
            },
        ] {
            let flatten = WithFlatten {
                inner: &inner,
                url: "/van-ban/luat/",
                summary: "shown",
            };
            let fields = WithFields {
                inner: &inner,
                url: "/van-ban/luat/",
                summary: "shown",
            };
            assert_eq!(
                serde_json::to_value(&fields).unwrap(),
                serde_json::to_value(&flatten).unwrap()
            );
            let value = tera::Value::from_serializable(&fields);
            assert!(value == tera::Value::from_serializable(&flatten));
            let map = value.as_map().unwrap();
            // The later `summary` replaces the inner one, as with flatten.
            assert_eq!(
                value.get_from_path("summary").unwrap().as_str(),
                Some("shown")
            );
            assert_eq!(map.len(), if inner.tags.is_empty() { 4 } else { 5 });
        }
    }

    #[test]
    fn only_a_struct_can_be_flattened() {
        struct Bad;
        impl Serialize for Bad {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut v = s.serialize_struct("Bad", 1)?;
                "text".serialize(Fields(&mut v))?;
                v.end()
            }
        }
        let err = serde_json::to_value(Bad).unwrap_err().to_string();
        assert!(err.contains("not a string"), "{err}");
    }
}
