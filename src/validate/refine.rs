//! The refinements of each typed rule builder: the methods that exist only on the
//! rule they apply to (`StringRule::min_len`, `UrlRule::schemes` …), each adding its
//! JSON Schema keyword. Nothing here checks a value.

use serde_json::{json, Value as Json};

use super::rule::{
    CustomRule, DateRule, ListRule, NumberRule, StringRule, UrlRule, CUSTOM, HOST_SUFFIX,
    PLACEHOLDER, SCHEMES,
};
use crate::diagnostic::Kind;

impl StringRule {
    /// Blank text (empty or only white space) is [`Kind::EmptyValue`]
    /// (`minLength: 1` and `pattern: \S`).
    ///
    /// ```
    /// let schema = masthead::Schema::new().required("t", masthead::Rule::string().non_empty());
    /// let d = masthead::validate_str("---\nt: ' '\n---\n", &schema).iter().next().cloned().unwrap();
    /// assert_eq!((d.kind(), d.message()), (masthead::Kind::EmptyValue, "blank value \" \", expected a non-empty string"));
    /// ```
    pub fn non_empty(mut self) -> Self {
        let min = self.0.json.get("minLength").and_then(Json::as_u64);
        self.0.set("minLength", json!(min.unwrap_or(1).max(1)));
        self.pattern_of(r"\S")
    }

    /// At least `n` characters (`minLength`); text only, a number read as text is
    /// not measured.
    ///
    /// ```
    /// let schema = masthead::Schema::new().required("t", masthead::Rule::string().min_len(5));
    /// let d = masthead::validate_str("---\nt: abc\n---\n", &schema).iter().next().cloned().unwrap();
    /// assert_eq!((d.kind(), d.message()), (masthead::Kind::InvalidValue, "`abc` is shorter than 5 characters"));
    /// ```
    pub fn min_len(mut self, n: usize) -> Self {
        self.0.set("minLength", json!(n));
        self
    }

    /// At most `n` characters (`maxLength`).
    ///
    /// ```
    /// let schema = masthead::Schema::new().required("t", masthead::Rule::string().max_len(2));
    /// let d = masthead::validate_str("---\nt: abc\n---\n", &schema).iter().next().cloned().unwrap();
    /// assert_eq!((d.kind(), d.message()), (masthead::Kind::InvalidValue, "`abc` is longer than 2 characters"));
    /// ```
    pub fn max_len(mut self, n: usize) -> Self {
        self.0.set("maxLength", json!(n));
        self
    }

    /// Text that matches the regular expression `regex` somewhere (`pattern`; anchor
    /// it with `^…$` to match the whole). A pattern the engine cannot compile makes
    /// every document of the schema report the schema error.
    ///
    /// ```
    /// let schema = masthead::Schema::new().required("t", masthead::Rule::string().pattern("^[a-z]+$"));
    /// let d = masthead::validate_str("---\nt: A1\n---\n", &schema).iter().next().cloned().unwrap();
    /// assert_eq!((d.kind(), d.message()), (masthead::Kind::InvalidValue, "`A1` does not match the pattern `^[a-z]+$`"));
    /// ```
    pub fn pattern(self, regex: impl Into<String>) -> Self {
        self.pattern_of(&regex.into())
    }

    fn pattern_of(mut self, regex: &str) -> Self {
        if self.0.json.contains_key("pattern") {
            let all = self
                .0
                .json
                .entry("allOf")
                .or_insert_with(|| Json::Array(Vec::new()));
            if let Json::Array(a) = all {
                a.push(json!({ "pattern": regex }));
            }
        } else {
            self.0.set("pattern", json!(regex));
        }
        self
    }
}

impl DateRule {
    /// Values that stand for "unknown" (the release archive's `0001-01-01`): valid,
    /// and a [`Kind::MalformedDate`] warning (masthead's extension keyword
    /// `x-masthead-placeholder`).
    ///
    /// ```
    /// use masthead::{Rule, Schema, Severity};
    /// let schema = Schema::new().required("date", Rule::date().placeholders(["0001-01-01"]));
    /// let report = masthead::validate_str("---\ndate: 0001-01-01\n---\n", &schema);
    /// let d = report.iter().next().unwrap();
    /// assert_eq!((d.severity(), d.message()), (Severity::Warning, "placeholder date `0001-01-01`"));
    /// assert!(report.is_valid());
    /// ```
    pub fn placeholders<S: Into<String>>(mut self, values: impl IntoIterator<Item = S>) -> Self {
        let values: Vec<String> = values.into_iter().map(Into::into).collect();
        self.0.set(PLACEHOLDER, json!(values));
        self
    }
}

impl UrlRule {
    /// The schemes allowed, e.g. `["http", "https"]` (a `pattern` on the scheme,
    /// any case, and masthead's extension keyword `x-masthead-schemes` listing them
    /// for the messages).
    ///
    /// ```
    /// let schema = masthead::Schema::new().required("u", masthead::Rule::url().schemes(["https"]));
    /// let d = masthead::validate_str("---\nu: http://x.nz/\n---\n", &schema).iter().next().cloned().unwrap();
    /// assert_eq!((d.kind(), d.message()), (masthead::Kind::MalformedUrl,
    ///     "invalid URL `http://x.nz/`: scheme `http` is not allowed, expected `https`"));
    /// ```
    pub fn schemes<S: AsRef<str>>(mut self, allowed: impl IntoIterator<Item = S>) -> Self {
        let any_case = |s: &str| -> String {
            s.chars()
                .map(|c| {
                    if c.is_ascii_alphabetic() {
                        format!("[{}{}]", c.to_ascii_uppercase(), c.to_ascii_lowercase())
                    } else {
                        regex_escape(c)
                    }
                })
                .collect()
        };
        let listed: Vec<String> = allowed
            .into_iter()
            .map(|s| s.as_ref().to_ascii_lowercase())
            .collect();
        let all: Vec<String> = listed.iter().map(|s| any_case(s)).collect();
        self.0
            .set("pattern", json!(format!("^({}):", all.join("|"))));
        self.0.set(SCHEMES, json!(listed));
        self
    }

    /// The host must be `suffix` or end with `.suffix` (masthead's extension keyword
    /// `x-masthead-host-suffix`).
    ///
    /// ```
    /// let schema = masthead::Schema::new().required("u", masthead::Rule::url().host_suffix("govt.nz"));
    /// let d = masthead::validate_str("---\nu: https://example.com/\n---\n", &schema).iter().next().cloned().unwrap();
    /// assert_eq!((d.kind(), d.message()), (masthead::Kind::MalformedUrl,
    ///     "invalid URL `https://example.com/`: host `example.com` is not `govt.nz` or under it"));
    /// ```
    pub fn host_suffix(mut self, suffix: impl Into<String>) -> Self {
        let suffix = suffix.into().trim_start_matches('.').to_owned();
        self.0.set(HOST_SUFFIX, json!(suffix));
        self
    }
}

fn regex_escape(c: char) -> String {
    if c.is_ascii_alphanumeric() {
        c.to_string()
    } else {
        format!("\\{c}")
    }
}

impl ListRule {
    /// At least one entry (`minItems: 1`); an empty list is [`Kind::EmptyValue`].
    ///
    /// ```
    /// let schema = masthead::Schema::new().required("l", masthead::Rule::list(masthead::Rule::any()).non_empty());
    /// let d = masthead::validate_str("---\nl: []\n---\n", &schema).iter().next().cloned().unwrap();
    /// assert_eq!((d.kind(), d.message()), (masthead::Kind::EmptyValue, "empty list, expected at least one entry"));
    /// ```
    pub fn non_empty(self) -> Self {
        self.min_len(1)
    }

    /// At least `n` entries (`minItems`): an empty list where one is needed is
    /// [`Kind::EmptyValue`], a shorter one [`Kind::InvalidValue`].
    ///
    /// ```
    /// let schema = masthead::Schema::new().required("l", masthead::Rule::list(masthead::Rule::any()).min_len(2));
    /// let d = masthead::validate_str("---\nl: [a]\n---\n", &schema).iter().next().cloned().unwrap();
    /// assert_eq!((d.kind(), d.message()), (masthead::Kind::InvalidValue, "the list has fewer than 2 entries"));
    /// ```
    pub fn min_len(mut self, n: usize) -> Self {
        self.0.set("minItems", json!(n));
        self
    }

    /// At most `n` entries (`maxItems`).
    ///
    /// ```
    /// let schema = masthead::Schema::new().required("l", masthead::Rule::list(masthead::Rule::any()).max_len(1));
    /// let d = masthead::validate_str("---\nl: [a, b]\n---\n", &schema).iter().next().cloned().unwrap();
    /// assert_eq!((d.kind(), d.message()), (masthead::Kind::InvalidValue, "the list has more than 1 entries"));
    /// ```
    pub fn max_len(mut self, n: usize) -> Self {
        self.0.set("maxItems", json!(n));
        self
    }
}

impl NumberRule {
    /// At least `n` (`minimum`).
    ///
    /// ```
    /// let schema = masthead::Schema::new().required("n", masthead::Rule::integer().min(1));
    /// let d = masthead::validate_str("---\nn: 0\n---\n", &schema).iter().next().cloned().unwrap();
    /// assert_eq!((d.kind(), d.message()), (masthead::Kind::InvalidValue, "`0` is less than the minimum `1`"));
    /// ```
    pub fn min(mut self, n: impl Into<Json>) -> Self {
        self.0.set("minimum", n.into());
        self
    }

    /// At most `n` (`maximum`).
    ///
    /// ```
    /// let schema = masthead::Schema::new().required("n", masthead::Rule::number().max(1.5));
    /// let d = masthead::validate_str("---\nn: 2\n---\n", &schema).iter().next().cloned().unwrap();
    /// assert_eq!((d.kind(), d.message()), (masthead::Kind::InvalidValue, "`2` is greater than the maximum `1.5`"));
    /// ```
    pub fn max(mut self, n: impl Into<Json>) -> Self {
        self.0.set("maximum", n.into());
        self
    }
}

impl CustomRule {
    /// The kind its diagnostics carry (default [`Kind::InvalidValue`]).
    ///
    /// ```
    /// use masthead::{Kind, Rule, Schema};
    /// let https = Rule::custom("https", |v| v.as_str().is_some_and(|s| s.starts_with("https:")), "`{value}` is not https");
    /// let schema = Schema::new().required("u", https.kind(Kind::MalformedUrl));
    /// let d = masthead::validate_str("---\nu: http://x/\n---\n", &schema).iter().next().cloned().unwrap();
    /// assert_eq!((d.kind(), d.message()), (Kind::MalformedUrl, "`http://x/` is not https"));
    /// ```
    pub fn kind(mut self, kind: Kind) -> Self {
        if let Some(Json::Object(c)) = self.0.json.get_mut(CUSTOM) {
            c.insert("kind".to_owned(), json!(kind.as_str()));
        }
        self
    }
}
