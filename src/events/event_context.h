// The "event-context" stage: gives each coded event the date and the place its own sentence attaches to
// it. Runs after the events stage and the time-expression and place stages.
//
// A time expression or place belongs to an event when, walking up the dependency tree from the
// expression, the first verb reached is the event's trigger (or the verb governing an event noun, or a
// governor such as "scheduled" above the trigger): "Putin is scheduled to hold talks ... on Tuesday" ->
// Tuesday. Only calendar values (YYYY, YYYY-MM, YYYY-MM-DD, weeks) count as dates, and only locative
// phrases ("in", "at", "near", "to" ...) as places. Events without one
// keep timex = -1 / place = -1: the article date and no location.
// Requires kLayerEvents | kLayerTimexes | kLayerPlaces; provides nothing new (fills EventRow fields).
#pragma once

#include <memory>

#include "dyad/stage.h"

namespace dyad::events {

std::shared_ptr<const Stage> MakeEventContextStage();

}  // namespace dyad::events
