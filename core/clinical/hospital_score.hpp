// The HOSPITAL score of a hospital stay: the risk of a potentially avoidable readmission within
// 30 days. Source: Donzé J, Aujesky D, Williams D, Schnipper JL, "Potentially avoidable 30-day
// hospital readmissions in medical patients: derivation and validation of a prediction model",
// JAMA Intern Med 2013;173(8):632-638. Hemoglobin < 12 g/dL at discharge (1), discharge from
// Oncology (2), Sodium < 135 mmol/L at discharge (1), Procedure during the stay (1), Index
// admission urgent or emergent (1), Admissions in the previous 12 months (0-1: 0, 2-5: 2, more
// than 5: 5), Length of stay 5 days or more (2). Total 0 to 13; risk low 0-4, intermediate 5-6,
// high 7 or more.
#pragma once
#include "core/clinical/risk_score.hpp"

namespace core {

struct State;

// Donzé 2013, Table 3 (points) and Table 4 (risk categories).
constexpr double kHospitalHemoglobinBelow = 12.0;  // g/dL
constexpr double kHospitalSodiumBelow = 135.0;     // mmol/L
constexpr int kHospitalLongStayDays = 5;
constexpr int kHospitalIntermediateFrom = 5;
constexpr int kHospitalHighFrom = 7;

int hospital_admission_points(int previous_admissions);

// Inputs named "Hemoglobin at discharge", "Discharge from oncology", "Sodium at discharge",
// "Procedure during the stay", "Urgent or emergent admission", "Admissions in the previous 12
// months", "Length of stay". The labs are the latest Measurement of type "hemoglobin" (g/dL or
// g/L) and "sodium" (mmol/L or mEq/L) taken during the stay. risk: "low", "intermediate" or "high".
RiskScore hospital_score(const State& state, const Encounter& stay);

}  // namespace core
