// What-if changes to a loaded Process without editing its file: `sw.fte=4`, `absence=0.2`, `a->b.p=0.4`.
//
//   auto change = parse_override("sw.fte=+1");          // relative: one more FTE
//   if (!change) error(change.error);
//   if (auto problem = apply_override(process, *change.value); !problem.empty()) error(problem);
//
// Grammar: `[TARGET.]ATTRIBUTE=VALUE`.
//   TARGET     a role id, a step id, `FROM->TO` (a route), `*` or nothing (every role,
//              or every start step for `arrivals`).
//   ATTRIBUTE  roles: fte, absence, reserved; steps: arrivals (start), effort, delay,
//              load (activity); routes: p.
//   VALUE      `4` sets, `+1` / `-0.5` adds, `x1.1` (or `*1.1`) multiplies. Durations
//              (`2h`, `exp(2h)`) and rates (`40/week`) are accepted where the model
//              file accepts them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/process.h"
#include "model/units.h"

namespace sujuva {

struct Override {
  std::string target;     // "" when the attribute applies to every role / start step
  std::string attribute;  // "fte", "absence", "reserved", "arrivals", "effort", "delay", "load", "p"
  std::string value;      // as written: "4", "+1", "x1.1", "2h"
  std::string text;       // the whole override as written, for messages
};

Parsed<Override> parse_override(std::string_view text, Lang lang = Lang::en);
// The override for a target and value written apart (the timeline's columns).
Parsed<Override> make_override(std::string_view target_and_attribute, std::string_view value, Lang lang = Lang::en);

// Applies the change; returns "" on success or a message in `lang` (with "did you mean"
// for unknown names) and leaves the process unchanged.
std::string apply_override(Process& process, const Override& change, Lang lang = Lang::en);
// The message apply_override would give, without changing anything.
std::string check_override(const Process& process, const Override& change, Lang lang = Lang::en);

// Multiplies every start step's arrivals by `factor` (>= 0).
void scale_arrivals(Process& process, double factor);

}  // namespace sujuva
