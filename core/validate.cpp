#include "validate.hpp"

#include <algorithm>

#include "core/state.hpp"

namespace core {
namespace {

std::string readable(EntityType type) {
  std::string name = entity_name(type);
  std::replace(name.begin(), name.end(), '_', ' ');
  return name;
}

bool has_error(const std::vector<FieldError>& errors, const std::string& field) {
  return std::any_of(errors.begin(), errors.end(), [&](const FieldError& e) { return e.field == field; });
}

template <class T>
Result<nlohmann::json> validate_as(const std::string& id, bool is_new, const nlohmann::json& fields, const State& state,
                                   CivilDate today) {
  const Schema<T>& schema = T::schema();
  std::vector<FieldError> errors;
  nlohmann::json canonical = nlohmann::json::object();
  for (const auto& [name, value] : fields.items()) {
    const FieldSpec<T>* spec = schema.field(name);
    if (!spec) {
      errors.push_back({name, "A " + readable(T::kType) + " has no field \"" + name + "\"."});
      continue;
    }
    if (is_empty_value(value)) {
      canonical[name] = nullptr;
      continue;
    }
    Checked c = spec->check(value);
    if (!c.problem.empty()) {
      errors.push_back({name, c.problem});
      continue;
    }
    if (spec->no_future && c.value.is_string()) {
      auto d = parse_civil_date(c.value.get_ref<const std::string&>());
      if (d && *d > today) {
        errors.push_back({name, "The " + spec->label + " cannot be in the future."});
        continue;
      }
    }
    if (spec->refers_to && c.value.is_string() && !state.exists(*spec->refers_to, c.value.get<std::string>())) {
      errors.push_back({name, "The " + spec->label + " refers to " + a_or_an(readable(*spec->refers_to)) +
                                  " that does not exist or was deleted."});
      continue;
    }
    canonical[name] = std::move(c.value);
  }

  const T* existing = is_new ? nullptr : state.find(Id<T>{id});
  T candidate = existing ? *existing : T{};
  candidate.id = Id<T>{id};
  for (const auto& [name, value] : canonical.items()) schema.field(name)->set(candidate, value);
  for (const auto& spec : schema.fields)
    if (spec.required && spec.get(candidate).is_null() && !has_error(errors, spec.name))
      errors.push_back({spec.name, "Enter the " + spec.label + "."});
  std::vector<FieldError> rule_errors;
  for (const auto& rule : schema.rules) rule(candidate, state, rule_errors);
  for (auto& e : rule_errors)
    if (!has_error(errors, e.field)) errors.push_back(std::move(e));
  if (!errors.empty())
    return Error{ErrorCode::Invalid,
                 std::string("The ") + readable(T::kType) + " was not saved: check the highlighted fields.",
                 std::move(errors)};

  if (existing) {  // keep only real changes
    nlohmann::json changed = nlohmann::json::object();
    for (const auto& [name, value] : canonical.items())
      if (schema.field(name)->get(*existing) != value) changed[name] = value;
    return changed;
  }
  for (auto it = canonical.begin(); it != canonical.end();)  // nothing to clear on a new record
    it = it.value().is_null() ? canonical.erase(it) : std::next(it);
  return canonical;
}

}  // namespace

Result<nlohmann::json> validate_fields(EntityType type, const std::string& id, bool is_new,
                                       const nlohmann::json& fields, const State& state, CivilDate today) {
  if (!fields.is_object()) return Error{ErrorCode::Invalid, "The values to save are not a set of named fields.", {}};
  if (!is_new && !state.exists(type, id))
    return Error{ErrorCode::NotFound, "That " + readable(type) + " no longer exists; it may have been deleted.", {}};
  return visit_entity(type, [&]<class T>() { return validate_as<T>(id, is_new, fields, state, today); });
}

}  // namespace core
