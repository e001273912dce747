// A label's text as people read it: the model's "\n", "\l" and "\r" line escapes resolved,
// on one line or wrapped near a width.
//
//   one_line("Palvelutarpeen\\narviointi") == "Palvelutarpeen arviointi"
//   wrap_label("Överföring till socialarbetare", 15) == {"Överföring till", "socialarbetare"}
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace sujuva {

// The label's words on one line, separated by single spaces.
std::string one_line(const std::string& label);

// The label split at its line escapes and wrapped near `width` characters (UTF-8 code points);
// the lines are not yet escaped. An empty label gives one empty line.
std::vector<std::string> wrap_label(const std::string& label, std::size_t width);

}  // namespace sujuva
