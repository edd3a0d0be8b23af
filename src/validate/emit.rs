//! The builder's fields as a JSON Schema object: dotted names become nested
//! mappings, `strict` becomes `additionalProperties: false`. It only writes JSON; the
//! engine compiles and runs it.

use serde_json::{json, Map, Value as Json};

use super::rule::{Custom, Rule};
use super::schema::Field;

/// A mapping being emitted: the rules given for it (as a field) and its children.
#[derive(Default)]
struct Node {
    rules: Vec<Json>,
    required: bool,
    children: Vec<(String, Node)>,
}

/// The object schema of `fields`, and every custom check they hold.
pub(super) fn object(fields: &[Field], strict: bool) -> (Json, Vec<Custom>) {
    let mut root = Node::default();
    let mut customs = Vec::new();
    for field in fields {
        insert(&mut root, &field.path, field.required, &field.rule);
        customs.extend(field.rule.customs.iter().cloned());
    }
    (render_object(&root, strict), customs)
}

fn insert(node: &mut Node, path: &[String], required: bool, rule: &Rule) {
    let Some((name, rest)) = path.split_first() else {
        return;
    };
    let i = match node.children.iter().position(|(n, _)| n == name) {
        Some(i) => i,
        None => {
            node.children.push((name.clone(), Node::default()));
            node.children.len() - 1
        }
    };
    let child = &mut node.children[i].1;
    child.required |= required;
    if rest.is_empty() {
        child.rules.push(rule.field_json(!required));
    } else {
        insert(child, rest, required, rule);
    }
}

/// `{"type": "object", "required": […], "properties": {…}}`.
fn render_object(node: &Node, strict: bool) -> Json {
    let mut out = Map::new();
    out.insert("type".to_owned(), json!("object"));
    let required: Vec<&str> = node
        .children
        .iter()
        .filter(|(_, c)| c.required)
        .map(|(n, _)| n.as_str())
        .collect();
    if !required.is_empty() {
        out.insert("required".to_owned(), json!(required));
    }
    // `properties` even when empty: the engine reads a lone `additionalProperties:
    // false` as a false schema for every key, which says less.
    if !node.children.is_empty() || strict {
        let props: Map<String, Json> = node
            .children
            .iter()
            .map(|(n, c)| (n.clone(), render_field(c, strict)))
            .collect();
        out.insert("properties".to_owned(), Json::Object(props));
    }
    if strict {
        out.insert("additionalProperties".to_owned(), json!(false));
    }
    Json::Object(out)
}

/// A field: its rules, and the mapping of its dotted children; one schema, or
/// `allOf` when there are several.
fn render_field(node: &Node, strict: bool) -> Json {
    let mut parts = node.rules.clone();
    if !node.children.is_empty() {
        let mut object = render_object(node, strict);
        if !node.required {
            object["type"] = json!(["object", "null"]);
        }
        parts.push(object);
    }
    match parts.len() {
        1 => parts.remove(0),
        _ => json!({ "allOf": parts }),
    }
}
