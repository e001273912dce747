// The three languages of sujuva's text, and a message chosen in one of them.
//
//   say(Lang::sv, "ei ole luku", "är inte ett tal", "is not a number") == "är inte ett tal"
#pragma once

#include <string>

namespace sujuva {

enum class Lang { fi, sv, en };

inline std::string say(Lang lang, std::string fi, std::string sv, std::string en) {
  return lang == Lang::sv ? std::move(sv) : lang == Lang::en ? std::move(en) : std::move(fi);
}

}  // namespace sujuva
