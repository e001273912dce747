// A label's text as people read it: the model's "\n", "\l" and "\r" line escapes resolved,
// on one line or wrapped near a width.
//
//   one_line("Palvelutarpeen\\narviointi") == "Palvelutarpeen arviointi"
//   wrap_label("Överföring till socialarbetare", 15) == {"Överföring till", "socialarbetare"}
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "model/lang.h"
#include "model/process.h"

namespace sujuva {

// The label's words on one line, separated by single spaces.
std::string one_line(const std::string& label);
// one_line(label) without a copy when there is nothing to change (the label itself, else
// `scratch` filled): the step table of a million-step model asks for a million.
std::string_view label_line(const std::string& label, std::string& scratch);

// A role's or step's label in `lang` on one line (Labels::in's fallbacks), or the id when the
// model has no such role or step.
std::string role_label(const Process& process, const std::string& id, Lang lang);
std::string step_label(const Process& process, const std::string& id, Lang lang);

// The label split at its line escapes and wrapped near `width` characters (UTF-8 code points);
// the lines are not yet escaped. An empty label gives one empty line.
std::vector<std::string> wrap_label(const std::string& label, std::size_t width);

}  // namespace sujuva
