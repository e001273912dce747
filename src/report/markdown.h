// Escaping user text for the Markdown report.
#pragma once

#include <string>
#include <string_view>

namespace sujuva::report {
// User text for Markdown: < > & as entities, `|` \ * _ [ ] ` escaped, one line.
std::string escape_markdown(std::string_view text);
}  // namespace sujuva::report
