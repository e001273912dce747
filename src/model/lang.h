// The three languages of sujuva's text, and a message chosen in one of them.
//
//   say(Lang::sv, "ei ole luku", "är inte ett tal", "is not a number") == "är inte ett tal"
//   say(lang, fmt::format("{} puuttuu", name), fmt::format("{} saknas", name), ...)  // std::string
#pragma once

#include <string>

namespace sujuva {

enum class Lang { fi, sv, en };

// Three literals (or other fixed texts): the chosen pointer, nothing copied.
inline const char* say(Lang lang, const char* fi, const char* sv, const char* en) {
  return lang == Lang::sv ? sv : lang == Lang::en ? en : fi;
}

// Built texts: the chosen one moved out, so a caller's fmt::format result is not copied again.
inline std::string say(Lang lang, std::string fi, std::string sv, std::string en) {
  return lang == Lang::sv ? std::move(sv) : lang == Lang::en ? std::move(en) : std::move(fi);
}

}  // namespace sujuva
