// `analyze --json`: the Analysis as one JSON document (names are a public contract).
//
//   write_json(analysis, process, std::cout);          // streamed in the layout of nlohmann's dump(2)
//   nlohmann::json doc = to_json(analysis, process);   // the same document as a value
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>

#include "flow/analysis.h"

namespace sujuva {

// Written as it goes (a million steps without building a JSON value of them) in the
// layout of nlohmann's dump(2). The sentences (`reason`, `notes`) are in the analysis' language
// (`analysis.lang`), about `process`, the model analysed.
void write_json(const Analysis& analysis, const Process& process, std::ostream& out);

// The same document as an nlohmann value (write_json's text, parsed).
nlohmann::json to_json(const Analysis& analysis, const Process& process);

}  // namespace sujuva
