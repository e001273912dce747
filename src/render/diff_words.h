// The words of the diff diagram's marks: what changed in a step, a route or a role, one line per change (internal
// to render).
//
//   change_lines({{"fte", "4", "5", 4, 5}}, before, after, Lang::fi, "") == {"htv 4 → 5"}
#pragma once

#include <string>
#include <vector>

#include "compare/structure.h"
#include "model/process.h"

namespace sujuva::diagram {

// The fields of one change as a reader of the drawing says them, with the numbers in the drawing's
// units: "työmäärä 1 h → 45 min", "p 30 % → 20 %", "uusia asiakkaita 10 → 12/vk". `was` is the
// label the thing had in the before model, in `lang` (for a renamed step or role). Fields a
// drawing does not show (the id) give no line.
std::vector<std::string> change_lines(const std::vector<FieldChange>& fields, const Process& before,
                                      const Process& after, Lang lang, const std::string& was);

const char* added_word(Lang lang);    // "lisätty"
const char* removed_word(Lang lang);  // "poistettu"
const char* changed_word(Lang lang);  // "muuttunut"

}  // namespace sujuva::diagram
