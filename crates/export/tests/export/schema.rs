//! The JSON Schema: the committed copy is current, and every fixture (after
//! a round trip through the writer) validates against it and against the
//! contract schema of `MODEL.md`.

use std::fs;

use jsonschema::Validator;
use mresponse_export::{json_schema, schema_json, to_json};
use mresponse_parse::Document;
use serde_json::{Value, json};

use crate::common::{check_golden, fixtures, hostile_document, repo_root};

fn validator(schema: &Value) -> Validator {
    jsonschema::validator_for(schema).unwrap()
}

/// The generated schema and the committed contract schema.
fn validators() -> [(&'static str, Validator); 2] {
    let contract = fs::read_to_string(repo_root().join("fixtures/model.schema.json")).unwrap();
    let contract: Value = serde_json::from_str(&contract).unwrap();
    [
        ("generated", validator(&json_schema())),
        ("contract", validator(&contract)),
    ]
}

fn assert_valid(validator: &Validator, which: &str, what: &str, instance: &Value) {
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{what} against the {which} schema: {errors:#?}"
    );
}

#[test]
fn committed_schema_is_current() {
    check_golden(
        &repo_root().join("schema/mresponse.schema.json"),
        schema_json().as_bytes(),
    );
}

#[test]
fn every_fixture_validates_against_both_schemas_after_a_round_trip() {
    let validators = validators();
    for fixture in fixtures() {
        let json = to_json(&fixture.doc).unwrap();
        let back: Document = serde_json::from_str(&json).unwrap();
        let instance: Value = serde_json::from_str(&to_json(&back).unwrap()).unwrap();
        for (which, validator) in &validators {
            assert_valid(validator, which, &fixture.name, &instance);
        }
    }
}

#[test]
fn extra_fields_validate_against_both_schemas() {
    let instance: Value = serde_json::from_str(&to_json(&hostile_document()).unwrap()).unwrap();
    for (which, validator) in &validators() {
        assert_valid(validator, which, "hostile document", &instance);
    }
}

#[test]
fn generated_schema_rejects_what_the_contract_forbids() {
    let schema = validator(&json_schema());
    let fixture = fixtures().remove(0);
    let good: Value = serde_json::from_str(&fixture.text).unwrap();
    assert!(schema.is_valid(&good));

    let mut no_title = good.clone();
    no_title.as_object_mut().unwrap().remove("title");
    assert!(
        !schema.is_valid(&no_title),
        "title is required (null or not)"
    );

    let mut bad_version = good.clone();
    bad_version["schema_version"] = json!("2");
    assert!(!schema.is_valid(&bad_version));

    let mut bad_language = good.clone();
    bad_language["language"] = json!("de");
    assert!(!schema.is_valid(&bad_language));

    let mut bad_due = good.clone();
    bad_due["recommendations"][0]["key_actions"][0]["time_frame"]["due"] = json!("30/06/2021");
    assert!(!schema.is_valid(&bad_due));

    let mut bad_decision = good;
    bad_decision["recommendations"][0]["response"]["decision"] = json!("noted");
    assert!(!schema.is_valid(&bad_decision));
}
