mod catalogue;
mod compat;
mod corpus;
mod de;
mod edit;
mod edit_sweep;
mod excerpt;
#[cfg(feature = "schemars")]
mod for_type;
mod fuzz_replay;
mod header;
mod hostile;
#[cfg(feature = "validate")]
mod json_schema_suite;
mod messages;
mod notes;
mod props;
mod render;
mod split;
mod stats;
mod support;
#[cfg(feature = "toml")]
mod toml;
#[cfg(feature = "toml")]
mod toml_keys;
mod user_errors;
mod validate;
mod write;

/// The reference document as written in DESIGN.md.
pub(crate) const DESIGN_RELEASE: &str = "---
title: \"New Zealand expresses regret at North Korea’s aggressive rhetoric\"
date: 2024-05-13
url: https://www.beehive.govt.nz/release/new-zealand-expresses-regret-north-koreas-aggressive-rhetoric
ministers:
  - Rt Hon Winston Peters
portfolios:
  - Foreign Affairs
---

Foreign Minister Winston Peters has today expressed regret ...
";
mod kinds;
mod suite_findings;
