// The report's check findings, in two kinds (the service breaks a rule; the model has errors), and
// the summary's opening sentences on the rules the service breaks.
#include <fmt/format.h>

#include "report/sections.h"
#include "text/format.h"

namespace sujuva::report {

namespace {

bool breaks_rule(const Diagnostic& d) { return d.severity == Severity::error && d.kind == DiagnosticKind::service; }

// The analysis' figure behind a `requires-skipped` finding: the checkpoint that the finding's route
// starts at (processes/README.md: the route of a `requires` finding begins at its checkpoint).
const CheckpointReach* reach_of(const Context& ctx, const Diagnostic& d) {
  if (!ctx.a || d.rule != "requires-skipped" || d.route.empty()) return nullptr;
  auto v = ctx.p.find_step(d.route.front());
  if (!v) return nullptr;
  for (const auto& c : ctx.a->checkpoints)
    if (c.step == d.route.front() && c.required_role == ctx.p.graph[*v].required_role &&
        c.share_reaching_required_role)
      return &c;
  return nullptr;
}

// "Half of the students assessed as needing special support never meet the responsible curator":
// the share that never reaches the required role is 1 − the analysis' share that does.
std::string share_sentence(const Context& ctx, const Diagnostic& d, const CheckpointReach& c) {
  const std::string missed = format_percent(1 - *c.share_reaching_required_role, ctx.lang);
  const std::string where = ctx.step_label(c.step), who = ctx.required_label(c.required_role);
  const bool special = c.assesses == "special";
  std::string s = fmt::format(
      fmt::runtime(special ? say(ctx.lang,
                                 "Palvelu rikkoo sääntöä: {} niistä, jotka vaiheessa \"{}\" arvioidaan erityisen "
                                 "tuen tarpeessa oleviksi, ei koskaan tapaa vaadittua ammattilaista ({}).",
                                 "Tjänsten bryter mot en regel: {} av dem som vid \"{}\" bedöms vara i behov av "
                                 "särskilt stöd träffar aldrig den yrkesperson som krävs ({}).",
                                 "The service breaks a rule: {} of those assessed at \"{}\" as needing special "
                                 "support never meet the required professional ({}).")
                           : say(ctx.lang,
                                 "Palvelu rikkoo sääntöä: {} niistä, jotka vaiheessa \"{}\" arvioidaan luokkaan "
                                 "\"{}\", ei koskaan tapaa vaadittua ammattilaista ({}).",
                                 "Tjänsten bryter mot en regel: {} av dem som vid \"{}\" bedöms tillhöra klassen "
                                 "\"{}\" träffar aldrig den yrkesperson som krävs ({}).",
                                 "The service breaks a rule: {} of those assessed at \"{}\" into class \"{}\" never "
                                 "meet the required professional ({}).")),
      missed, where, special ? who : ctx.class_name(c.assesses), who);
  if (!d.basis.empty()) s += std::string(say(ctx.lang, " Peruste: ", " Grund: ", " Basis: ")) + d.basis + ".";
  return s;
}

}  // namespace

std::vector<std::string> service_sentences(const Context& ctx) {
  std::vector<std::string> out;
  int drawn = 0;
  for (const auto& d : ctx.in.findings) {
    if (!breaks_rule(d)) continue;
    drawn += !d.route.empty();
    const CheckpointReach* c = reach_of(ctx, d);
    // A share that rounds to none would read "0 % never meet": the structural finding says more.
    if (c && 1 - *c->share_reaching_required_role >= 0.005)
      out.push_back(share_sentence(ctx, d, *c));
    else
      out.push_back(std::string(say(ctx.lang, "Palvelu rikkoo sääntöä: ", "Tjänsten bryter mot en regel: ",
                                    "The service breaks a rule: ")) +
                    d.message + ".");
  }
  if (drawn)
    out.push_back(drawn == 1 ? say(ctx.lang, "Reitti, jota pitkin näin käy, on merkitty kaavioon punaisella katkoviivalla.",
                                   "Vägen där det sker är markerad i diagrammet med röd streckad linje.",
                                   "The route where it happens is marked in the diagram with a red dashed line.")
                             : say(ctx.lang, "Reitit, joita pitkin näin käy, on merkitty kaavioon punaisella katkoviivalla.",
                                   "Vägarna där det sker är markerade i diagrammet med röd streckad linje.",
                                   "The routes where it happens are marked in the diagram with red dashed lines."));
  return out;
}

Section findings_section(const Context& ctx) {
  Section s{"findings", say(ctx.lang, "Tarkistuksen löydökset", "Kontrollens fynd", "Check findings"), {}};
  auto item = [&](const Diagnostic& d) {
    std::string text = (d.line ? d.file + ":" + std::to_string(d.line) : d.file) + ": " + d.message;
    if (!d.route.empty()) {
      text += " — " + std::string(say(ctx.lang, "reitti: ", "väg: ", "route: "));
      for (std::size_t i = 0; i < d.route.size(); ++i) text += (i ? " → " : "") + ctx.step_label(d.route[i]);
    }
    return text;
  };
  // One headed list per kind, in the order a manager reads them: the service first.
  auto group = [&](const char* heading, auto&& belongs) {
    Block b;
    b.kind = Block::Kind::list;
    b.css_class = "findings";
    for (const auto& d : ctx.in.findings)
      if (belongs(d)) b.items.push_back(item(d));
    if (b.items.empty()) return;
    s.blocks.push_back(paragraph(heading));
    s.blocks.push_back(b);
  };
  group(say(ctx.lang, "Palvelu rikkoo sääntöä", "Tjänsten bryter mot en regel", "The service breaks a rule"),
        breaks_rule);
  group(say(ctx.lang, "Mallissa on virheitä", "Modellen har fel", "The model has errors"),
        [](const Diagnostic& d) { return d.severity == Severity::error && d.kind == DiagnosticKind::model; });
  group(say(ctx.lang, "Huomioita", "Anmärkningar", "Notes"),
        [](const Diagnostic& d) { return d.severity == Severity::warning; });
  if (s.blocks.empty())
    s.blocks.push_back(paragraph(say(ctx.lang, "Tarkistus ei löytänyt virheitä eikä huomautettavaa.",
                                     "Kontrollen hittade inga fel eller anmärkningar.",
                                     "The check found no errors and nothing to note.")));
  return s;
}

}  // namespace sujuva::report
