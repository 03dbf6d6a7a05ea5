//! Where each field of a terms file stands, by field path (`offer.max_shares`,
//! `counsel[0].name`), for errors found after loading (validation, figures) and for the
//! tie-out sheet's "where this input comes from".

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceMap {
    places: BTreeMap<String, (usize, usize)>,
}

impl SourceMap {
    /// Maps every node of a YAML document that has already loaded as terms. Should this second
    /// reading fail, the map is empty and messages fall back to the top of the file.
    pub fn build(source: &str) -> SourceMap {
        let mut map = SourceMap::default();
        let options = super::yaml::options();
        if let Ok(root) = serde_saphyr::from_str_with_options::<Spanned<Node>>(source, options) {
            map.insert(String::new(), &root);
        }
        map
    }

    fn insert(&mut self, path: String, node: &Spanned<Node>) {
        let at = (node.referenced.line() as usize, node.referenced.column() as usize);
        for (segment, child) in &node.value.children {
            let child_path = match segment {
                Segment::Key(key) if path.is_empty() => key.clone(),
                Segment::Key(key) => format!("{path}.{key}"),
                Segment::Index(i) => format!("{path}[{i}]"),
            };
            self.insert(child_path, child);
        }
        self.places.insert(path, at);
    }

    /// Line and column of a field, or of its nearest ancestor present in the file.
    pub fn locate(&self, path: &str) -> (usize, usize) {
        let mut current = path;
        loop {
            if let Some(at) = self.places.get(current) {
                return *at;
            }
            match current.rfind(['.', '[']) {
                Some(cut) => current = &current[..cut],
                // Not even the document is in the map (an empty file): its start.
                None => return self.places.get("").copied().unwrap_or((1, 1)),
            }
        }
    }

    pub fn contains(&self, path: &str) -> bool {
        self.places.contains_key(path)
    }

    /// Whether the field is a mapping or a list with entries of its own.
    pub fn has_children(&self, path: &str) -> bool {
        let (dot, bracket) = (format!("{path}."), format!("{path}["));
        self.places.keys().any(|k| {
            if path.is_empty() { !k.is_empty() } else { k.starts_with(&dot) || k.starts_with(&bracket) }
        })
    }
}

enum Segment {
    Key(String),
    Index(usize),
}

/// A YAML node reduced to its shape: children with their places, no values.
struct Node {
    children: Vec<(Segment, Spanned<Node>)>,
}

impl Node {
    fn leaf() -> Node {
        Node { children: Vec::new() }
    }
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Node, D::Error> {
        d.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML node")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut children = Vec::new();
        while let Some(key) = map.next_key::<KeyText>()? {
            children.push((Segment::Key(key.0), map.next_value()?));
        }
        Ok(Node { children })
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut children = Vec::new();
        while let Some(item) = seq.next_element()? {
            children.push((Segment::Index(children.len()), item));
        }
        Ok(Node { children })
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<Node, E> {
        Ok(Node::leaf())
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Node, E> {
        Ok(Node::leaf())
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Node, E> {
        Ok(Node::leaf())
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Node, E> {
        Ok(Node::leaf())
    }
    fn visit_i128<E: de::Error>(self, _: i128) -> Result<Node, E> {
        Ok(Node::leaf())
    }
    fn visit_u128<E: de::Error>(self, _: u128) -> Result<Node, E> {
        Ok(Node::leaf())
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Node, E> {
        Ok(Node::leaf())
    }
    fn visit_unit<E: de::Error>(self) -> Result<Node, E> {
        Ok(Node::leaf())
    }
    fn visit_none<E: de::Error>(self) -> Result<Node, E> {
        Ok(Node::leaf())
    }
}

/// A mapping key as text, whatever its YAML type.
struct KeyText(String);

impl<'de> Deserialize<'de> for KeyText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<KeyText, D::Error> {
        d.deserialize_str(KeyVisitor)
    }
}

struct KeyVisitor;

impl Visitor<'_> for KeyVisitor {
    type Value = KeyText;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a mapping key")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<KeyText, E> {
        Ok(KeyText(v.to_owned()))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<KeyText, E> {
        Ok(KeyText(v.to_string()))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<KeyText, E> {
        Ok(KeyText(v.to_string()))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<KeyText, E> {
        Ok(KeyText(v.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_nested_fields_and_falls_back_to_parents() {
        let map = SourceMap::build("offer:\n  max_shares: 10\ncounsel:\n  - name: A\n    firm: B\n");
        assert_eq!(map.locate("offer.max_shares"), (2, 15));
        assert_eq!(map.locate("counsel[0].firm"), (5, 11));
        assert_eq!(map.locate("offer.min_shares"), map.locate("offer"));
    }
}
