// Turning field values into text for tables and inputs, and typed text back into field values.
#pragma once
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "core/model/schema.hpp"
#include "core/state.hpp"

namespace ui {

// "yes" for true, "" for false and null, lists joined with ", ", choice values with spaces.
std::string value_text(const nlohmann::json& value);
// A choice value as shown: "home_health" -> "home health".
std::string choice_text(const std::string& value);
// A field label as a heading: "date of birth" -> "Date of birth".
std::string label_text(const std::string& label);
// Typed text as the field's value: lists split at commas; everything else as typed (the core
// validates and normalises it).
nlohmann::json input_value(core::FieldKind kind, const std::string& text);
// How a record is named in lists and pickers: its name, title or description, else its id.
std::string record_title(const core::State& state, core::EntityType type, const std::string& id);
// The fields that name a record, in the order record_title tries them.
const std::vector<const char*>& title_fields();

}  // namespace ui
