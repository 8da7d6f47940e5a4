// A repair after parsing: "The UK claimed Assad's forces used chemical weapons". With no "that", the
// parser often reads the reported clause's subject as the object of the verb of saying and hangs the
// clause's verb from it as a reduced relative ("forces [that were] used"), although that participle has
// an object of its own, which a passive participle does not take. The repair makes the noun the
// subject and the verb a finite clause complement of the verb of saying: nsubj + ccomp, VBD.
#pragma once

#include <cstdint>

#include "dyad/document.h"

namespace dyad::parse {

// Repairs sentence `si` of a parsed `doc` in place; returns how many clauses it rehung.
int RepairReportedClauses(Document& doc, uint32_t si);

}  // namespace dyad::parse
