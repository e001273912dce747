// The comparison told in sentences (Finnish, Swedish or English), from the numbers only.
//
//   for (const auto& s : narrative(comparison, 1, Lang::fi)) std::cout << s << "\n";
//   // "Pullonkaula siirtyi: ennen Sosiaalityöntekijät (käyttöaste 95 %), nyt Neuvonta (85 %)."
//   // "Läpimenoaika lyheni: 38,2 viikkoa → 36,0 viikkoa (−6 %)."
//
// A sentence is said only when the figures it names differ as printed (same
// rounding as the table), so the text never claims a change the table does not show.
#pragma once

#include <string>
#include <vector>

#include "compare/comparison.h"

namespace sujuva {

// Sentences comparing model `index` (>= 1) with model 0.
std::vector<std::string> narrative(const Comparison& comparison, size_t index, Lang lang);

}  // namespace sujuva
