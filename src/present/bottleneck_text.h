// What the outputs say when no role meets the bottleneck rule: plainly that none is, and which role is busiest.
//
//   no_bottleneck_sentence(analysis, process, Lang::fi)
//     == "Mikään rooli ei ole pullonkaula. Kuormittunein rooli: Koulukuraattorit, käyttöaste 74 %, "
//        "odotus keskimäärin 0,2 työpäivää."
#pragma once

#include <string>

#include "flow/analysis.h"

namespace sujuva {

// The sentence above; "" when some role is a bottleneck (is_bottleneck, flow/analysis.h) or no
// role has any work. The subject comes after a colon so that the sentence reads right whether
// the role's name is singular ("Vastaava kuraattori") or plural ("Koulukuraattorit").
std::string no_bottleneck_sentence(const Analysis& analysis, const Process& process, Lang lang);

}  // namespace sujuva
