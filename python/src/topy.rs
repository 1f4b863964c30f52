//! Serde data to Python objects: the dicts, lists, str, int, float, bool and None that
//! `json.loads(serde_json::to_string(value))` gives, built directly, keys in the same order.
//!
//! A report is about 29 KB of JSON: some 1,900 Python objects, 226 dicts with 1,400 entries.
//! pythonize made a new `str` for every key of every dict, which Python then hashed on
//! insertion and freed with the dict. Here a [`Converter`] keeps one Python string per field
//! name (serde gives struct field and unit-variant names as `&'static str`, so the cache is
//! keyed by address) and inserts that same, already hashed, string into every dict; short
//! string values that repeat (skill and level ids, sections, statuses) come from a small
//! direct-mapped cache. That takes about 40 % off the conversion (docs/PERFORMANCE.md).
//!
//! What JSON would do is followed where it differs from pythonize: tuples become lists, map
//! keys become strings, non-finite floats become None, bytes a list of ints.

use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyFloat, PyList, PyString};
use pyo3::IntoPyObjectExt;
use serde::ser::{self, Serialize};

/// Longest string value shared through the cache (ids, statuses, sections, short phrases);
/// longer ones (evidence lines) are rarely repeated and are made afresh.
const SHARED_VALUE_MAX: usize = 24;
/// Slots of the short-value cache, two per set (a report has about 200 distinct short
/// strings, 200 reports about 1,200; direct-mapped with 2,048 slots, a report missed some 40).
const VALUE_SLOTS: usize = 4096;
/// Longest string value the recurring-string cache holds (a gap's texts from the taxonomy
/// are up to about 200 bytes).
const LONG_SHARED_MAX: usize = 320;
/// Slots of the recurring-string cache (a report has some 60 recurring longer strings, a
/// taxonomy a few hundred).
const LONG_SLOTS: usize = 1024;
/// Slots of the float cache (a report has some 50 floats, half of them distinct).
const FLOAT_SLOTS: usize = 256;

/// Builds Python objects from serde data, reusing one Python string per field name and per
/// short repeated value. Keep one for a batch of conversions (it is cheap to make, and its
/// cache fills on the first report).
pub struct Converter<'py> {
    py: Python<'py>,
    /// Field and variant names, by address and length of their `&'static str`.
    names: Names,
    /// Longer string values (up to `LONG_SHARED_MAX` bytes), by content, once they recur.
    long: Vec<LongSlot>,
    /// Floats, by their bits: a direct-mapped cache like `values` (weights, gains, readiness
    /// and years recur across reports).
    floats: Vec<(u64, Option<Py<PyFloat>>)>,
    /// Short string values, by content: a two-way set-associative cache (two slots per hash,
    /// a new value replaces the older of the two), so little probing and no input that
    /// degrades it.
    values: Vec<Slot>,
    /// Struct fields being converted, of every struct under way (innermost last): a struct
    /// pushes its fields here and takes them off at its end, so no struct allocates.
    fields: Vec<(&'static str, Bound<'py, PyAny>)>,
    /// Items of every sequence under way, the same way.
    items: Vec<Bound<'py, PyAny>>,
    /// A template dict per struct shape (the field names in order, hashed by their
    /// addresses): the keys, each with None.
    shapes: HashMap<u64, Shape<'py>, BuildHasherDefault<Fx>>,
}

/// The dict of one struct shape: copied, it has the shape's keys in order, already hashed
/// and sized, so filling it only replaces values (`PyDict_Copy` copies the key table in one
/// piece; a dict built insert by insert grows and re-hashes twice for 6 to 10 keys). It
/// holds the values of the first struct of its shape, and a value that is the same Python
/// object (a shared string, a small int, a cached float, True, None) is not set again.
struct Shape<'py> {
    names: Vec<&'static str>,
    keys: Vec<Bound<'py, PyString>>,
    values: Vec<Bound<'py, PyAny>>,
    dict: Bound<'py, PyDict>,
}

/// Structs with fewer fields are built insert by insert. Copying pays even for small dicts,
/// which never grow (callgrind, 200 reports: 96.9 M instructions from 6 fields, 94.1 M from
/// 3, 93.8 M from 2), as values equal to the template's are not set.
const TEMPLATE_MIN_FIELDS: usize = 2;

/// A slot of the longer strings' cache: the string it shares, and the hash of the last
/// string that came to it unshared (a string is shared the second time it comes, so strings
/// seen once never displace shared ones).
#[derive(Default)]
struct LongSlot {
    shared: Option<(Box<str>, Py<PyString>)>,
    seen: u64,
}

/// A short string value and its Python string.
#[derive(Default)]
struct Slot {
    len: usize,
    bytes: [u8; SHARED_VALUE_MAX],
    string: Option<Py<PyString>>,
}

/// The Python string of a field or variant name, interned once per converter.
fn name_in<'a, 'py>(
    names: &'a mut Names,
    py: Python<'py>,
    name: &'static str,
) -> &'a Bound<'py, PyString> {
    let key = (name.as_ptr() as usize, name.len());
    if names.recent.is_empty() {
        names.recent.resize_with(NAME_SLOTS, || (0, 0, None));
    }
    let i = (key.0 as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 56;
    let slot = &mut names.recent[i as usize % NAME_SLOTS];
    if slot.0 != key.0 || slot.1 != key.1 || slot.2.is_none() {
        let s = names
            .all
            .entry(key)
            .or_insert_with(|| PyString::intern(py, name).unbind());
        *slot = (key.0, key.1, Some(s.clone_ref(py)));
    }
    slot.2.as_ref().expect("just filled").bind(py)
}

/// Field and variant names, by address and length of their `&'static str`: all of them, and
/// in front a direct-mapped table of the recent ones (a lookup there is an address compare;
/// a report looks names up some 600 times, for its enum values).
#[derive(Default)]
struct Names {
    all: HashMap<(usize, usize), Py<PyString>, BuildHasherDefault<Fx>>,
    recent: Vec<(usize, usize, Option<Py<PyString>>)>,
}

/// Slots of the recent names' table (a report's types have about 100 names).
const NAME_SLOTS: usize = 512;

impl<'py> Converter<'py> {
    pub fn new(py: Python<'py>) -> Self {
        Converter {
            py,
            names: Names::default(),
            values: Vec::new(),
            long: Vec::new(),
            floats: Vec::new(),
            fields: Vec::new(),
            items: Vec::new(),
            shapes: HashMap::default(),
        }
    }

    pub fn py(&self) -> Python<'py> {
        self.py
    }

    /// `value` as Python objects.
    pub fn convert<T: Serialize + ?Sized>(&mut self, value: &T) -> PyResult<Bound<'py, PyAny>> {
        // (a conversion that failed half-way left its structs' and sequences' parts)
        self.fields.clear();
        self.items.clear();
        value.serialize(&mut *self).map_err(|e| e.0)
    }

    /// The Python string of a field or variant name.
    fn name(&mut self, name: &'static str) -> &Bound<'py, PyString> {
        name_in(&mut self.names, self.py, name)
    }

    /// The dict of the struct whose fields are `self.fields[start..]` (their names hashed
    /// into `shape`), which are taken off.
    fn finish_struct(&mut self, start: usize, shape: u64) -> Result<Bound<'py, PyDict>, Error> {
        let fields = &self.fields[start..];
        let n = fields.len();
        let same = |s: &&Shape<'py>| {
            s.names.len() == n
                && s.names
                    .iter()
                    .zip(fields)
                    .all(|(a, (b, _))| std::ptr::eq(*a, *b))
        };
        let dict = match self.shapes.get(&shape).filter(same) {
            Some(s) => {
                let d = s.dict.copy()?;
                for ((k, was), (_, v)) in s.keys.iter().zip(&s.values).zip(fields) {
                    if !v.is(was) {
                        d.set_item(k, v)?;
                    }
                }
                d
            }
            None => {
                let d = PyDict::new(self.py);
                let mut keys = Vec::with_capacity(n);
                for (k, v) in fields {
                    let key = name_in(&mut self.names, self.py, k).clone();
                    d.set_item(&key, v)?;
                    keys.push(key);
                }
                if n >= TEMPLATE_MIN_FIELDS {
                    let names = fields.iter().map(|(k, _)| *k).collect();
                    let values = fields.iter().map(|(_, v)| v.clone()).collect();
                    let dict = d.copy()?;
                    let shape_dict = Shape {
                        names,
                        keys,
                        values,
                        dict,
                    };
                    self.shapes.insert(shape, shape_dict);
                }
                d
            }
        };
        self.fields.truncate(start);
        Ok(dict)
    }

    fn str(&mut self, v: &str) -> Bound<'py, PyAny> {
        let len = v.len();
        if len > SHARED_VALUE_MAX {
            return self.long_str(v);
        }
        let mut bytes = [0; SHARED_VALUE_MAX];
        bytes[..len].copy_from_slice(v.as_bytes());
        let mut h = Fx::default();
        h.write_usize(len);
        for w in bytes.chunks_exact(8) {
            h.write_u64(u64::from_le_bytes(w.try_into().expect("8 bytes")));
        }
        if self.values.is_empty() {
            self.values.resize_with(VALUE_SLOTS, Slot::default);
        }
        // two ways per set: the most recent first
        let set = (h.finish() as usize % VALUE_SLOTS) & !1;
        let ways = &mut self.values[set..set + 2];
        for slot in ways.iter() {
            if let Some(s) = slot
                .string
                .as_ref()
                .filter(|_| slot.len == len && slot.bytes == bytes)
            {
                return s.bind(self.py).clone().into_any();
            }
        }
        let s = PyString::new(self.py, v);
        ways.swap(0, 1);
        ways[0] = Slot {
            len,
            bytes,
            string: Some(s.clone().unbind()),
        };
        s.into_any()
    }

    /// A longer string: shared once it recurs (skill and competency names, the taxonomy's
    /// texts of a gap: what it needs, why, what would count), made afresh while it has not
    /// (a resume's own lines, which rarely repeat).
    fn long_str(&mut self, v: &str) -> Bound<'py, PyAny> {
        if v.len() > LONG_SHARED_MAX {
            return PyString::new(self.py, v).into_any();
        }
        let mut h = Fx::default();
        h.write_usize(v.len());
        let mut words = v.as_bytes().chunks_exact(8);
        for w in &mut words {
            h.write_u64(u64::from_le_bytes(w.try_into().expect("8 bytes")));
        }
        let mut tail = [0; 8];
        tail[..words.remainder().len()].copy_from_slice(words.remainder());
        h.write_u64(u64::from_le_bytes(tail));
        let h = h.finish();
        if self.long.is_empty() {
            self.long.resize_with(LONG_SLOTS, LongSlot::default);
        }
        let slot = &mut self.long[h as usize % LONG_SLOTS];
        if let Some((text, s)) = &slot.shared {
            if **text == *v {
                return s.bind(self.py).clone().into_any();
            }
        }
        let s = PyString::new(self.py, v);
        if slot.seen == h {
            // the second time: share it from now on
            slot.shared = Some((v.into(), s.clone().unbind()));
        } else {
            slot.seen = h;
        }
        s.into_any()
    }

    fn float(&mut self, v: f64) -> Bound<'py, PyAny> {
        let bits = v.to_bits();
        if self.floats.is_empty() {
            self.floats.resize_with(FLOAT_SLOTS, || (0, None));
        }
        let i = (bits.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 56) as usize % FLOAT_SLOTS;
        let slot = &mut self.floats[i];
        match &slot.1 {
            Some(f) if slot.0 == bits => f.bind(self.py).clone().into_any(),
            _ => {
                let f = PyFloat::new(self.py, v);
                *slot = (bits, Some(f.clone().unbind()));
                f.into_any()
            }
        }
    }

    fn none(&self) -> Bound<'py, PyAny> {
        self.py.None().into_bound(self.py)
    }

    fn int<T: IntoPyObject<'py>>(&self, v: T) -> Result<Bound<'py, PyAny>, Error> {
        Ok(v.into_bound_py_any(self.py)?)
    }

    /// `{variant: value}`, serde's external tagging.
    fn tagged(
        &mut self,
        variant: &'static str,
        value: Bound<'py, PyAny>,
    ) -> Result<Bound<'py, PyAny>, Error> {
        let d = PyDict::new(self.py);
        d.set_item(self.name(variant), value)?;
        Ok(d.into_any())
    }
}

/// A Python exception raised while converting (or serde's custom error, as a ValueError).
#[derive(Debug)]
pub struct Error(PyErr);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(PyValueError::new_err(msg.to_string()))
    }
}

impl From<PyErr> for Error {
    fn from(e: PyErr) -> Self {
        Error(e)
    }
}

type Out<'py> = Result<Bound<'py, PyAny>, Error>;

impl<'a, 'py> ser::Serializer for &'a mut Converter<'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    type SerializeSeq = Seq<'a, 'py>;
    type SerializeTuple = Seq<'a, 'py>;
    type SerializeTupleStruct = Seq<'a, 'py>;
    type SerializeTupleVariant = Seq<'a, 'py>;
    type SerializeMap = Map<'a, 'py>;
    type SerializeStruct = Struct<'a, 'py>;
    type SerializeStructVariant = Struct<'a, 'py>;

    fn serialize_bool(self, v: bool) -> Out<'py> {
        Ok(pyo3::types::PyBool::new(self.py, v).to_owned().into_any())
    }
    fn serialize_i8(self, v: i8) -> Out<'py> {
        self.int(v)
    }
    fn serialize_i16(self, v: i16) -> Out<'py> {
        self.int(v)
    }
    fn serialize_i32(self, v: i32) -> Out<'py> {
        self.int(v)
    }
    fn serialize_i64(self, v: i64) -> Out<'py> {
        self.int(v)
    }
    fn serialize_i128(self, v: i128) -> Out<'py> {
        self.int(v)
    }
    fn serialize_u8(self, v: u8) -> Out<'py> {
        self.int(v)
    }
    fn serialize_u16(self, v: u16) -> Out<'py> {
        self.int(v)
    }
    fn serialize_u32(self, v: u32) -> Out<'py> {
        self.int(v)
    }
    fn serialize_u64(self, v: u64) -> Out<'py> {
        self.int(v)
    }
    fn serialize_u128(self, v: u128) -> Out<'py> {
        self.int(v)
    }
    fn serialize_f32(self, v: f32) -> Out<'py> {
        self.serialize_f64(f64::from(v))
    }
    /// JSON has no NaN or infinity: serde_json writes `null`.
    fn serialize_f64(self, v: f64) -> Out<'py> {
        if v.is_finite() {
            Ok(self.float(v))
        } else {
            Ok(self.none())
        }
    }
    fn serialize_char(self, v: char) -> Out<'py> {
        let mut buf = [0; 4];
        Ok(self.str(v.encode_utf8(&mut buf)))
    }
    fn serialize_str(self, v: &str) -> Out<'py> {
        Ok(self.str(v))
    }
    /// serde_json writes bytes as an array of numbers.
    fn serialize_bytes(self, v: &[u8]) -> Out<'py> {
        Ok(PyList::new(self.py, v)?.into_any())
    }
    fn serialize_none(self) -> Out<'py> {
        Ok(self.none())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Out<'py> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Out<'py> {
        Ok(self.none())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Out<'py> {
        Ok(self.none())
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Out<'py> {
        Ok(self.name(variant).clone().into_any())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Out<'py> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Out<'py> {
        let v = value.serialize(&mut *self)?;
        self.tagged(variant, v)
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Seq<'a, 'py>, Error> {
        Ok(Seq {
            start: self.items.len(),
            variant: None,
            conv: self,
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Seq<'a, 'py>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<Seq<'a, 'py>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Seq<'a, 'py>, Error> {
        let mut s = self.serialize_seq(Some(len))?;
        s.variant = Some(variant);
        Ok(s)
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Map<'a, 'py>, Error> {
        Ok(Map {
            dict: PyDict::new(self.py),
            key: None,
            conv: self,
        })
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Struct<'a, 'py>, Error> {
        Ok(Struct {
            start: self.fields.len(),
            shape: Fx::default(),
            variant: None,
            conv: self,
        })
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Struct<'a, 'py>, Error> {
        Ok(Struct {
            start: self.fields.len(),
            shape: Fx::default(),
            variant: Some(variant),
            conv: self,
        })
    }
}

/// A sequence, tuple or tuple variant being built (a list, as JSON has no tuples); its items
/// are `conv.items[start..]`.
pub struct Seq<'a, 'py> {
    conv: &'a mut Converter<'py>,
    start: usize,
    variant: Option<&'static str>,
}

impl<'py> Seq<'_, 'py> {
    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        let v = value.serialize(&mut *self.conv)?;
        self.conv.items.push(v);
        Ok(())
    }

    fn finish(self) -> Out<'py> {
        let list = PyList::new(self.conv.py, self.conv.items.drain(self.start..))?.into_any();
        match self.variant {
            None => Ok(list),
            Some(v) => self.conv.tagged(v, list),
        }
    }
}

impl<'py> ser::SerializeSeq for Seq<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.push(value)
    }
    fn end(self) -> Out<'py> {
        self.finish()
    }
}

impl<'py> ser::SerializeTuple for Seq<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.push(value)
    }
    fn end(self) -> Out<'py> {
        self.finish()
    }
}

impl<'py> ser::SerializeTupleStruct for Seq<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.push(value)
    }
    fn end(self) -> Out<'py> {
        self.finish()
    }
}

impl<'py> ser::SerializeTupleVariant for Seq<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.push(value)
    }
    fn end(self) -> Out<'py> {
        self.finish()
    }
}

/// A map being built. JSON object keys are strings: serde_json writes numbers and booleans
/// as their text, and so does this.
pub struct Map<'a, 'py> {
    conv: &'a mut Converter<'py>,
    dict: Bound<'py, PyDict>,
    key: Option<Bound<'py, PyAny>>,
}

impl<'py> ser::SerializeMap for Map<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        let k = key.serialize(&mut *self.conv)?;
        let k = if k.is_instance_of::<PyString>() {
            k
        } else if k.is_instance_of::<pyo3::types::PyBool>() {
            // str(True) is "True"; JSON's is "true"
            let b: bool = k.extract()?;
            self.conv.str(if b { "true" } else { "false" })
        } else {
            k.str()?.into_any()
        };
        self.key = Some(k);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        let v = value.serialize(&mut *self.conv)?;
        let k = self
            .key
            .take()
            .ok_or_else(|| <Error as ser::Error>::custom("map value without a key"))?;
        self.dict.set_item(k, v)?;
        Ok(())
    }
    fn end(self) -> Out<'py> {
        Ok(self.dict.into_any())
    }
}

/// A struct or struct variant being built: a dict keyed by the shared field names. Its fields
/// are `conv.fields[start..]`; `shape` hashes their names' addresses.
pub struct Struct<'a, 'py> {
    conv: &'a mut Converter<'py>,
    start: usize,
    shape: Fx,
    variant: Option<&'static str>,
}

impl<'py> Struct<'_, 'py> {
    fn field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        let v = value.serialize(&mut *self.conv)?;
        self.shape.write_usize(key.as_ptr() as usize);
        self.conv.fields.push((key, v));
        Ok(())
    }
}

impl<'py> ser::SerializeStruct for Struct<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.field(key, value)
    }
    fn end(self) -> Out<'py> {
        Ok(self
            .conv
            .finish_struct(self.start, self.shape.finish())?
            .into_any())
    }
}

impl<'py> ser::SerializeStructVariant for Struct<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.field(key, value)
    }
    fn end(self) -> Out<'py> {
        let d = self
            .conv
            .finish_struct(self.start, self.shape.finish())?
            .into_any();
        match self.variant {
            None => Ok(d),
            Some(v) => self.conv.tagged(v, d),
        }
    }
}

/// A multiply-rotate hash for the addresses of field names and the short-value slots: one multiply
/// per word, and the well-mixed high bits rotated down to where the table index is taken.
#[derive(Default, Clone, Copy)]
pub struct Fx(u64);

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.write_u64(u64::from(*b));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0 ^ n).wrapping_mul(0xf135_7aea_2e62_a9c5);
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
    fn finish(&self) -> u64 {
        self.0.rotate_left(26)
    }
}
