#include "parse/transition_system.h"

#include <gtest/gtest.h>

#include <random>
#include <vector>

namespace dyad::parse {
namespace {

// Heads of a finished state as a vector [0..n] ([0] unused).
std::vector<int> Heads(const ParseState& s) {
  std::vector<int> h(s.size() + 1, 0);
  for (int w = 1; w <= s.size(); ++w) h[w] = s.word(w).head;
  return h;
}

// One root word, every word has a head in 0..n, no cycles.
void ExpectTree(const std::vector<int>& heads) {
  int n = static_cast<int>(heads.size()) - 1, roots = 0;
  for (int w = 1; w <= n; ++w) {
    ASSERT_GE(heads[w], 0);
    ASSERT_LE(heads[w], n);
    ASSERT_NE(heads[w], w);
    roots += heads[w] == 0;
    int x = w, steps = 0;
    while (x != 0 && steps++ <= n) x = heads[x];
    EXPECT_EQ(x, 0) << "cycle through word " << w;
  }
  if (n > 0) {
    EXPECT_EQ(roots, 1);
  }
}

// Runs uniformly random legal moves to the end; returns the number of moves taken.
int RandomRun(ParseState& s, int n, std::mt19937& rng) {
  s.Reset(n);
  int moves = 0;
  while (!s.Terminal()) {
    std::vector<Move> legal;
    for (int m = 0; m < kNumMoves; ++m)
      if (s.Legal(static_cast<Move>(m))) legal.push_back(static_cast<Move>(m));
    EXPECT_FALSE(legal.empty()) << "non-terminal state with no legal move";
    if (legal.empty()) break;
    s.Apply(legal[rng() % legal.size()], 0);
    ++moves;
  }
  return moves;
}

TEST(TransitionSystem, EveryMoveSequenceYieldsOneRootedTreeInTwoNMoves) {
  std::mt19937 rng(7);
  ParseState s;
  for (int trial = 0; trial < 500; ++trial) {
    int n = static_cast<int>(rng() % 30);
    int moves = RandomRun(s, n, rng);
    EXPECT_EQ(moves, 2 * n);
    ExpectTree(Heads(s));
  }
}

TEST(TransitionSystem, EmptySentenceIsTerminalAtOnce) {
  ParseState s;
  s.Reset(0);
  EXPECT_TRUE(s.Terminal());
  for (int m = 0; m < kNumMoves; ++m) EXPECT_FALSE(s.Legal(static_cast<Move>(m)));
}

TEST(TransitionSystem, RootTakesItsDependentOnlyAtTheEnd) {
  ParseState s;
  s.Reset(2);
  s.Apply(kShift, 0);
  EXPECT_FALSE(s.Legal(kRight)) << "word 1 would become a root while word 2 is unread";
  s.Apply(kShift, 0);
  EXPECT_TRUE(s.Legal(kRight));
}

TEST(TransitionSystem, ChildrenAndLabelSetsAreTracked) {
  ParseState s;
  s.Reset(3);  // 1 <- 3 -> ... : shift 1, shift 2, left (3 -> 2), left (3 -> 1), shift 3, right (0 -> 3)
  s.Apply(kShift, 0);
  s.Apply(kShift, 0);
  s.Apply(kLeft, 4);
  s.Apply(kLeft, 5);
  EXPECT_EQ(s.word(3).lc1, 1);
  EXPECT_EQ(s.word(3).lc2, 2);
  EXPECT_EQ(s.word(3).left_count, 2);
  EXPECT_EQ(s.word(3).left_labels, (1ULL << 4) | (1ULL << 5));
  EXPECT_EQ(s.word(1).label, 5);
  s.Apply(kShift, 0);
  s.Apply(kRight, 0);
  EXPECT_TRUE(s.Terminal());
  EXPECT_EQ(s.word(3).head, 0);
}

// The static oracle for arc-hybrid: LEFT if b0 heads s0, RIGHT if s1 heads s0 and s0 has all its
// children, else SHIFT.
Move StaticOracle(const ParseState& s, const std::vector<int>& gold) {
  int s0 = s.S(0), s1 = s.S(1), b0 = s.B(0);
  auto complete = [&](int w) {
    for (int d = 1; d < static_cast<int>(gold.size()); ++d)
      if (gold[d] == w && s.word(d).head != w) return false;
    return true;
  };
  if (s0 > 0 && b0 != kNone && gold[s0] == b0 && complete(s0)) return kLeft;
  if (s0 > 0 && s1 != kNone && gold[s0] == s1 && complete(s0) && s.Legal(kRight)) return kRight;
  return kShift;
}

TEST(DynamicOracle, CostIsZeroAlongTheStaticOraclePathOfProjectiveTrees) {
  std::mt19937 rng(11);
  ParseState gen, s;
  DynamicOracle oracle;
  for (int trial = 0; trial < 300; ++trial) {
    int n = 1 + static_cast<int>(rng() % 25);
    RandomRun(gen, n, rng);  // any arc-hybrid derivation is a projective tree
    std::vector<int> gold = Heads(gen);
    oracle.Reset(gold);
    s.Reset(n);
    while (!s.Terminal()) {
      Move m = StaticOracle(s, gold);
      ASSERT_TRUE(s.Legal(m));
      EXPECT_EQ(oracle.Cost(s, m), 0);
      s.Apply(m, 0);
    }
    EXPECT_EQ(Heads(s), gold);
  }
}

TEST(DynamicOracle, CostsOfMovesTakenAddUpToTheArcsLost) {
  // Arc-decomposability: after arbitrary moves, always following a zero-cost move (one exists)
  // ends with exactly as many wrong heads as the costs of the moves taken.
  std::mt19937 rng(13);
  ParseState gen, s;
  DynamicOracle oracle;
  for (int trial = 0; trial < 300; ++trial) {
    int n = 1 + static_cast<int>(rng() % 25);
    RandomRun(gen, n, rng);
    std::vector<int> gold = Heads(gen);
    oracle.Reset(gold);
    s.Reset(n);
    int total = 0;
    while (!s.Terminal()) {
      std::vector<Move> legal, free;
      for (int m = 0; m < kNumMoves; ++m) {
        if (!s.Legal(static_cast<Move>(m))) continue;
        legal.push_back(static_cast<Move>(m));
        if (oracle.Cost(s, static_cast<Move>(m)) == 0) free.push_back(static_cast<Move>(m));
      }
      ASSERT_FALSE(free.empty()) << "no zero-cost move from a reachable state";
      Move m = rng() % 3 == 0 ? legal[rng() % legal.size()] : free[rng() % free.size()];
      total += oracle.Cost(s, m);
      s.Apply(m, 0);
    }
    int wrong = 0;
    for (int w = 1; w <= n; ++w) wrong += s.word(w).head != gold[w];
    EXPECT_EQ(total, wrong);
  }
}

}  // namespace
}  // namespace dyad::parse
