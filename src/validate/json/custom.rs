//! masthead's extension keywords that the engine runs: `x-masthead-custom` (a Rust
//! check of [`Rule::custom`](crate::Rule::custom), found by its id) and
//! `x-masthead-host-suffix`. Their errors' kinds are the mapper's business, not this.

use std::sync::Arc;

use jsonschema::{Keyword, ValidationError};
use serde_json::Value as Json;

use super::convert::to_json;
use super::input::Tree;
use crate::check;
use crate::validate::rule::{Custom, CustomCheck, CUSTOM, HOST_SUFFIX};
use crate::value::Value;

/// The custom checks of a builder schema, for the options (compared by id).
#[derive(Clone, Default)]
pub(crate) struct Customs(pub(crate) Vec<Custom>);

impl PartialEq for Customs {
    fn eq(&self, other: &Self) -> bool {
        self.0.iter().map(|c| c.id).eq(other.0.iter().map(|c| c.id))
    }
}

impl Eq for Customs {}

impl std::fmt::Debug for Customs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.0.iter().map(|c| c.id)).finish()
    }
}

/// Registers the extension keywords on `options`.
pub(super) fn register<'a, R>(
    options: jsonschema::ValidationOptions<'a, R, Tree>,
    customs: &Customs,
) -> jsonschema::ValidationOptions<'a, R, Tree> {
    let customs: Arc<[Custom]> = customs.0.clone().into();
    options
        .with_keyword(CUSTOM, move |_, value, _| {
            let id = value.get("id").and_then(Json::as_u64);
            // A schema read from a file has no Rust check behind its id: it passes.
            let found = customs.iter().find(|c| Some(c.id) == id);
            Ok(Box::new(Check {
                check: found.map(|c| Arc::clone(&c.check)),
                message: found.map(|c| c.message.clone()).unwrap_or_default(),
            }))
        })
        .with_keyword(HOST_SUFFIX, |_, value, _| {
            let suffix = value.as_str().unwrap_or_default().to_owned();
            Ok(Box::new(HostSuffix { suffix }))
        })
}

struct Check {
    check: Option<Arc<CustomCheck>>,
    message: String,
}

impl<'i> Keyword<'i, Tree> for Check {
    fn validate(&self, instance: &'i Value<'i>) -> Result<(), ValidationError<'i>> {
        let Some(check) = &self.check else {
            return Ok(());
        };
        // The user's check sees the value as JSON data, as the schema does.
        let json = to_json(instance);
        if check(&json) {
            return Ok(());
        }
        let shown = match json {
            Json::String(s) => s,
            other => other.to_string(),
        };
        Err(ValidationError::custom(
            self.message.replace("{value}", &shown),
        ))
    }

    fn is_valid(&self, instance: &'i Value<'i>) -> bool {
        self.check.as_ref().is_none_or(|c| c(&to_json(instance)))
    }
}

struct HostSuffix {
    suffix: String,
}

impl HostSuffix {
    /// [`reason`](Self::reason) of a string value; other values are the type's
    /// business.
    fn reason_of(&self, instance: &Value<'_>) -> Option<String> {
        match instance {
            Value::Str(s) => self.reason(s),
            _ => None,
        }
    }

    /// Why the URL `s` is not under the suffix; `None` when it is, or when it is no
    /// absolute URL (the format says that).
    fn reason(&self, s: &str) -> Option<String> {
        let url = check::parse_url(s, &[]).ok()?;
        let host = url.host_str().unwrap_or("");
        let suffix = &self.suffix;
        let under = host == suffix
            || host
                .strip_suffix(suffix.as_str())
                .is_some_and(|h| h.ends_with('.'));
        (!under).then(|| format!("invalid URL `{s}`: host `{host}` is not `{suffix}` or under it"))
    }
}

impl<'i> Keyword<'i, Tree> for HostSuffix {
    fn validate(&self, instance: &'i Value<'i>) -> Result<(), ValidationError<'i>> {
        match self.reason_of(instance) {
            Some(message) => Err(ValidationError::custom(message)),
            None => Ok(()),
        }
    }

    fn is_valid(&self, instance: &'i Value<'i>) -> bool {
        self.reason_of(instance).is_none()
    }
}
