// The report's table of where one more person helps most.
#include "present/bottleneck_text.h"
#include "report/sections.h"
#include "text/format.h"
#include "text/glossary.h"

namespace sujuva::report {

Section sensitivity_section(const Context& ctx) {
  Section s{"sensitivity",
            say(ctx.lang, "Missä yksi lisähenkilö auttaa eniten", "Var en person till hjälper mest",
                "Where one more person helps most"),
            {}};
  if (ctx.a->lead_time_weeks.mean)
    s.blocks.push_back(paragraph(std::string(say(ctx.lang, "Läpimenoaika nyt keskimäärin ",
                                                 "Genomloppstiden nu i "
                                                 "genomsnitt ",
                                                 "Lead time now on average ")) +
                                 ctx.weeks(ctx.a->lead_time_weeks.mean) + "."));
  Block b;
  b.kind = Block::Kind::table;
  const std::string half = fte_amount(0.5, ctx.lang), one = fte_amount(1, ctx.lang);
  const std::string lead = term(Term::lead_time, ctx.lang);
  b.table.header = {"#",
                    say(ctx.lang, "Rooli", "Roll", "Role"),
                    "+" + half + ": " + lead,
                    "+" + one + ": " + lead,
                    "+" + one + ": " + term(Term::utilisation, ctx.lang),
                    say(ctx.lang, "Poissaolot +5 %-yks.: ", "Frånvaro +5 %-enh.: ", "Absence +5 pp: ") + lead,
                    say(ctx.lang, "Lyhenee (+", "Förkortas (+", "Gain (+") + one + ")"};
  b.table.align = {Align::right, Align::left};  // the rank, the role, then figures
  Block reasons;
  reasons.kind = Block::Kind::list;
  for (const auto& sens : ctx.a->sensitivity) {
    auto find = [&](const char* change) -> const SensitivityCase* {
      for (const auto& c : sens.cases)
        if (c.change == change) return &c;
      return nullptr;
    };
    auto half = find("fte+0.5"), one = find("fte+1"), absence = find("absence+5pp");
    // No lead time with a change means some role cannot keep up with it.
    auto lead = [&](const SensitivityCase* c) {
      return !c                   ? std::string("-")
             : c->lead_time_weeks ? ctx.weeks(c->lead_time_weeks)
                                  : std::string(say(ctx.lang, "jono kasvaa", "kön växer", "queue grows"));
    };
    b.table.add_row({std::to_string(sens.rank), ctx.role_label(sens.role), lead(half), lead(one),
                     one ? ctx.pct(one->utilisation) : "-", lead(absence), ctx.weeks(sens.lead_time_gain_weeks)});
    if (std::string reason = sensitivity_sentence(sens, *ctx.a, ctx.p, ctx.lang); sens.rank <= 3 && !reason.empty())
      reasons.items.push_back(reason);
  }
  if (!reasons.items.empty()) s.blocks.push_back(reasons);
  s.blocks.push_back(b);
  return s;
}

}  // namespace sujuva::report
