#include "events/event_record.h"

#include <gtest/gtest.h>

namespace dyad::events {
namespace {

// What outputs carry by default: events told as happening or intended; negated and hypothetical ones
// only when asked for.
TEST(EventRecordTest, KeepEventsLeavesOutNegatedAndHypotheticalUnlessAsked) {
  EventRecord asserted, intended, negated, hypothetical, both;
  intended.modality = Modality::kIntended;
  negated.negated = true;
  hypothetical.modality = Modality::kHypothetical;
  both.negated = true;
  both.modality = Modality::kHypothetical;
  const KeepEvents by_default, keep_negated{true, false}, keep_hypothetical{false, true}, keep_all{true, true};
  EXPECT_TRUE(by_default(asserted) && by_default(intended));
  EXPECT_FALSE(by_default(negated) || by_default(hypothetical) || by_default(both));
  EXPECT_TRUE(keep_negated(negated));
  EXPECT_FALSE(keep_negated(hypothetical) || keep_negated(both));
  EXPECT_TRUE(keep_hypothetical(hypothetical));
  EXPECT_FALSE(keep_hypothetical(negated) || keep_hypothetical(both));
  EXPECT_TRUE(keep_all(both));
}

}  // namespace
}  // namespace dyad::events
