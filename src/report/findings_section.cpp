// The report's model check findings, with the route of each.
#include "report/sections.h"
#include "text/format.h"

namespace sujuva::report {

Section findings_section(const Context& ctx) {
  Section s{"findings", say(ctx.lang, "Mallin tarkistus", "Kontroll av modellen", "Model check"), {}};
  Block b;
  b.kind = Block::Kind::list;
  b.css_class = "findings";
  for (const auto& d : ctx.in.findings) {
    std::string item = std::string(d.severity == Severity::error ? say(ctx.lang, "VIRHE", "FEL", "ERROR")
                                                                 : say(ctx.lang, "huomio", "obs", "note")) +
                       " — " + (d.line ? d.file + ":" + std::to_string(d.line) : d.file) + ": " + d.message;
    if (!d.route.empty()) {
      item += " — " + std::string(say(ctx.lang, "reitti: ", "väg: ", "route: "));
      for (std::size_t i = 0; i < d.route.size(); ++i) item += (i ? " → " : "") + ctx.step_label(d.route[i]);
    }
    b.items.push_back(item);
  }
  if (b.items.empty())
    s.blocks.push_back(paragraph(say(ctx.lang, "Tarkistus ei löytänyt virheitä eikä huomautettavaa.",
                                      "Kontrollen hittade inga fel eller anmärkningar.",
                                      "The check found no errors and nothing to note.")));
  else
    s.blocks.push_back(b);
  return s;
}

}  // namespace sujuva::report
