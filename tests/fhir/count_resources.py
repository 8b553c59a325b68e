#!/usr/bin/env python3
"""Counts, independently of Liaison, what each Synthea patient bundle holds, and checks the store.

For every patient bundle under the fixtures folder this script counts the conditions, medications
(MedicationRequest and MedicationStatement), allergies, encounters, observations and care plans of
each Patient in it, reading the JSON with the standard library only. Then it imports the support
bundles and every patient bundle with `liaisonctl import` into a fresh data folder, asks the
fhir_counts tool what the store holds for each patient, and fails on any difference.

usage: count_resources.py FIXTURES_DIR WORK_DIR LIAISONCTL FHIR_COUNTS
"""
import json
import os
import shutil
import subprocess
import sys

KINDS = {
    "Condition": "conditions",
    "MedicationRequest": "medications",
    "MedicationStatement": "medications",
    "AllergyIntolerance": "allergies",
    "Encounter": "encounters",
    "Observation": "observations",
    "CarePlan": "care_plans",
}


def patient_reference(resource):
    for field in ("subject", "patient"):
        ref = resource.get(field)
        if isinstance(ref, dict) and isinstance(ref.get("reference"), str):
            return ref["reference"]
    return None


def count_bundle(path):
    """{patient id: {kind: count}} for one bundle."""
    with open(path, encoding="utf-8") as f:
        bundle = json.load(f)
    by_url = {}
    patients = {}
    for entry in bundle.get("entry", []):
        resource = entry.get("resource", {})
        if resource.get("resourceType") == "Patient":
            counts = {kind: 0 for kind in set(KINDS.values())}
            patients[resource["id"]] = counts
            by_url[entry.get("fullUrl", "")] = resource["id"]
            by_url["Patient/" + resource["id"]] = resource["id"]
    for entry in bundle.get("entry", []):
        resource = entry.get("resource", {})
        kind = KINDS.get(resource.get("resourceType"))
        if not kind:
            continue
        ref = patient_reference(resource)
        patient = by_url.get(ref)
        if patient is None and len(patients) == 1:
            patient = next(iter(patients))
        if patient is not None:
            patients[patient][kind] += 1
    return patients


def main():
    fixtures, work, liaisonctl, fhir_counts = sys.argv[1:5]
    synthea = os.path.join(fixtures, "synthea")
    support, bundles = [], []
    for root, _, names in os.walk(synthea):
        for name in sorted(names):
            if name.endswith(".json"):
                (support if os.path.basename(root) == "support" else bundles).append(os.path.join(root, name))
    expected = {}
    for path in bundles:
        expected.update(count_bundle(path))

    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    for files in [sorted(support)] + [[b] for b in sorted(bundles)]:
        run = subprocess.run([liaisonctl, "import", "--data", work] + files, capture_output=True, text=True)
        if run.returncode != 0:
            print("liaisonctl import failed:", run.stderr, file=sys.stderr)
            return 1
    run = subprocess.run([fhir_counts, work], capture_output=True, text=True, check=True)
    stored = json.loads(run.stdout)

    failures = 0
    for patient, counts in sorted(expected.items()):
        got = stored.get(patient)
        if got != counts:
            print(f"patient {patient}: bundle has {counts}, store has {got}", file=sys.stderr)
            failures += 1
    print(f"{len(expected)} Synthea patients checked, {failures} with different counts")
    return 1 if failures or not expected else 0


if __name__ == "__main__":
    sys.exit(main())
