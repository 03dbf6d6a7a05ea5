//! `--set` on arbitrary YAML: `YAML \0 PATH \0 VALUE`, where PATH is a field path or `#N`, the
//! N-th of the document's scalars and absent fields, and VALUE may hold any character, line
//! breaks included. Applying never panics; when it succeeds and the result loads, the value at
//! the path reads back (as a text field of the terms reads it) as exactly the value given.
#![no_main]

use std::fmt;
use std::path::Path;

use libfuzzer_sys::fuzz_target;
use serde::Deserialize;
use serde::de::{Deserializer, MapAccess, SeqAccess, Visitor};

use secdraft::terms::{Override, apply_overrides, text_at};

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let mut parts = input.splitn(3, '\0');
    let (Some(yaml), Some(path), Some(value)) = (parts.next(), parts.next(), parts.next()) else {
        return;
    };
    let path = match path.strip_prefix('#') {
        Some(n) => {
            let mut found = Vec::new();
            if let Ok(Shape(shape)) = serde_saphyr::from_str::<Shape>(yaml) {
                paths(&shape, "", &mut found);
            }
            match (n.parse::<usize>(), found.len()) {
                (Ok(n), len) if len > 0 => found.swap_remove(n % len),
                _ => return,
            }
        }
        None => path.to_owned(),
    };
    let o = Override { path: path.clone(), value: value.to_owned() };
    match apply_overrides(Path::new("fuzz.yaml"), yaml, std::slice::from_ref(&o)) {
        Ok(applied) => {
            if let Ok(read) = text_at(&applied.text, &path) {
                assert_eq!(read.as_deref(), Some(value), "--set {path} in\n{yaml}\n->\n{}", applied.text);
            }
        }
        Err(d) => {
            let _ = d.render(false);
        }
    }
});

/// A document reduced to its shape: mappings with text keys, lists, and leaves.
enum Node {
    Leaf,
    Map(Vec<(String, Node)>),
    List(Vec<Node>),
}

struct Shape(Node);

impl<'de> Deserialize<'de> for Shape {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Shape, D::Error> {
        d.deserialize_any(ShapeVisitor).map(Shape)
    }
}

struct ShapeVisitor;

impl<'de> Visitor<'de> for ShapeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML")
    }
    fn visit_bool<E>(self, _: bool) -> Result<Node, E> {
        Ok(Node::Leaf)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Node, E> {
        Ok(Node::Leaf)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Node, E> {
        Ok(Node::Leaf)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Node, E> {
        Ok(Node::Leaf)
    }
    fn visit_str<E>(self, _: &str) -> Result<Node, E> {
        Ok(Node::Leaf)
    }
    fn visit_unit<E>(self) -> Result<Node, E> {
        Ok(Node::Leaf)
    }
    fn visit_none<E>(self) -> Result<Node, E> {
        Ok(Node::Leaf)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Node, D::Error> {
        Shape::deserialize(d).map(|s| s.0)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::new();
        while let Some(Shape(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(Node::List(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            let Shape(value) = map.next_value()?;
            entries.push((key, value));
        }
        Ok(Node::Map(entries))
    }
}

/// Every leaf's path, and for each mapping the path of a field it does not have.
fn paths(node: &Node, at: &str, found: &mut Vec<String>) {
    let join = |key: &str| if at.is_empty() { key.to_owned() } else { format!("{at}.{key}") };
    match node {
        Node::Leaf => found.push(at.to_owned()),
        Node::Map(entries) => {
            found.push(join("fuzz_added"));
            for (key, value) in entries {
                if !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                    paths(value, &join(key), found);
                }
            }
        }
        Node::List(items) => {
            for (i, item) in items.iter().enumerate() {
                paths(item, &format!("{at}[{i}]"), found);
            }
        }
    }
}
