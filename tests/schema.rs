//! The JSON Schema of the model (`--features schema`): the committed copy is the one the
//! code generates, and every sample's JSON is valid against it.
//!
//! After a change to the model, write the new schema with
//! `UPDATE_SCHEMA=1 cargo test --features schema --test schema`, and read its diff.
#![cfg(feature = "schema")]

use std::path::{Path, PathBuf};

use gov_info_disclosure::{json_schema, parse, Code};
use serde_json::Value;

fn committed_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/annual_report.schema.json")
}

fn generated() -> String {
    serde_json::to_string_pretty(&json_schema()).unwrap() + "\n"
}

#[test]
fn committed_schema_is_current() {
    let path = committed_path();
    let now = generated();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &now).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == now,
        "{} is stale: run `UPDATE_SCHEMA=1 cargo test --features schema --test schema`",
        path.display()
    );
}

/// Every report the samples give, and a few edited ones, against the committed schema; and
/// JSON that breaks the contract is rejected, so the schema says something.
#[test]
fn samples_are_valid_and_broken_json_is_not() {
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string(committed_path()).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("a valid JSON Schema");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 5);
    let mut with_tables = None;
    for path in &paths {
        let report = parse(&std::fs::read_to_string(path).unwrap()).unwrap();
        let json = serde_json::to_value(&report).unwrap();
        let errors: Vec<String> = validator.iter_errors(&json).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
        if report.applications.is_some() && with_tables.is_none() {
            with_tables = Some(json);
        }
    }
    let good = with_tables.expect("a sample with table 三");
    type Edit = fn(&mut Value);
    let broken: [(&str, Edit); 5] = [
        ("a count as a string", |j| j["applications"]["new_received"]["total"] = "12".into()),
        ("a negative count", |j| j["applications"]["new_received"]["total"] = (-1).into()),
        ("an unknown edition", |j| j["edition"] = "2020".into()),
        ("a span without its end", |j| {
            j["span"].as_object_mut().unwrap().remove("end");
        }),
        ("an unknown code", |j| j["diagnostics"][0]["code"] = "no-such-code".into()),
    ];
    assert!(!good["diagnostics"].as_array().unwrap().is_empty());
    for (what, edit) in broken {
        let mut j = good.clone();
        edit(&mut j);
        assert!(!validator.is_valid(&j), "{what} passed the schema");
    }
}

/// The schema lists every diagnostic code, and each name parses back to a code that
/// prints it: FromStr, Display and serde agree on every variant, new ones included.
#[test]
fn every_code_in_the_schema_round_trips() {
    let schema = json_schema();
    // One `{ "const": name, "description": … }` per variant (each has its doc comment).
    let variants = schema["$defs"]["Code"]["oneOf"].as_array().expect("Code in the schema");
    let names: Vec<&str> = variants.iter().filter_map(|v| v["const"].as_str()).collect();
    assert_eq!(names.len(), variants.len());
    assert!(names.len() >= 20, "{names:?}");
    for name in names {
        let code: Code = name.parse().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(code.to_string(), name);
        assert_eq!(serde_json::to_value(code).unwrap(), name);
    }
}
