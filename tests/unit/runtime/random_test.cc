// PCG64, SeedSequence and the Generator's draws against NumPy. The reference
// values were printed by NumPy 1.24 (Debian's python3-numpy) with
//   /usr/bin/python3 tests/unit/runtime/random_reference/print_reference.py
// (see that script for what each row holds).
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <cstdint>

#include "runtime/random_distributions.h"
#include "runtime/random_pcg64.h"
#include "runtime/random_seed_sequence.h"

namespace pygraft::rt::random {
namespace {

struct Reference {
  uint64_t seed;
  std::array<uint64_t, 4> seed_words;
  std::array<uint64_t, 3> raw;
  std::array<double, 3> uniform;
  std::array<double, 3> normal;
  std::array<int64_t, 4> below_ten;
  std::array<int64_t, 2> below_two_to_40;
  double uniform_after;
};

constexpr Reference kReferences[] = {
    {0ULL,
     {0xdb2cd7e7b0f478beULL, 0xabf4641a2c71ba49ULL, 0x20c6ed6d9d7b8d41ULL, 0x2c4099de223c39d4ULL},
     {0xa30febcfd9c2825fULL, 0x4510bdf882d9d721ULL, 0x0a7d3da94ecde8b8ULL},
     {0x1.461fd79fb3850p-1, 0x1.1442f7e20b674p-2, 0x1.4fa7b529d9bd0p-5},
     {0x1.adabbec84d4f0p-4, -0x1.1243418e643edp-1, 0x1.7245f95ced1e6p-2},
     {5, 6, 9, 7},
     {597721999265, 1028123002767},
     0x1.a1b78e9a8e006p-1},
    {1ULL,
     {0x672d8ee56d6791ffULL, 0x8ae19ca14eb1072cULL, 0x4915796d1322fc4aULL, 0xd0cc2bdcaba049bdULL},
     {0x8306bdf37922e4ffULL, 0xf35196bbc152a866ULL, 0x24e7a4f608ec18cdULL},
     {0x1.060d7be6f245cp-1, 0x1.e6a32d7782a55p-1, 0x1.273d27b04760cp-3},
     {-0x1.4d9bb65b49607p+0, 0x1.cf8acddd349f3p-1, 0x1.c9166a7847147p-2},
     {2, 8, 2, 4},
     {604284650148, 30301565461},
     0x1.81cc785dbb2e6p-1},
    {12345ULL,
     {0xb5ae6482a03d837cULL, 0xbbe2996ffa1f7a2fULL, 0x64e39a9f37158f94ULL, 0x3ebb0f96a013fd73ULL},
     {0x3a32b18db2ffc19dULL, 0x51171315c9e4c4deULL, 0xcc2024823444efd9ULL},
     {0x1.d1958c6d97fe0p-3, 0x1.445c4c5727930p-2, 0x1.984049046889dp-1},
     {-0x1.0964b5602ac3cp-2, -0x1.349b2ef952a32p-4, -0x1.7b553bada1ce9p-1},
     {5, 5, 2, 1},
     {739703093050, 1035523201437},
     0x1.fc683fcda6354p-3},
    {1099511627776ULL,
     {0xdbc8086944f01ab8ULL, 0xa81239e01699b3aaULL, 0xf50bdb2a254be6f3ULL, 0x4b95fbd7a198a28bULL},
     {0x5c5e0425ec260d81ULL, 0xa0d45a56612db3e2ULL, 0xfec759e7cb2453d6ULL},
     {0x1.71781097b0982p-2, 0x1.41a8b4acc25b6p-1, 0x1.fd8eb3cf9648ap-1},
     {0x1.499a5ee195d1fp-1, 0x1.8c7e32a979023p-1, 0x1.b1aee939bb506p-1},
     {9, 9, 4, 7},
     {24708717245, 130810645906},
     0x1.d2d91345f60c4p-3},
};

Pcg64 seeded(uint64_t seed) {
  return Pcg64::from_seed_words(pcg64_seed_words(seed));
}

class RandomReference : public ::testing::TestWithParam<Reference> {};

TEST_P(RandomReference, SeedSequenceWords) {
  EXPECT_EQ(pcg64_seed_words(GetParam().seed), GetParam().seed_words);
}

TEST_P(RandomReference, RawOutputs) {
  Pcg64 bits = seeded(GetParam().seed);
  for (uint64_t expected : GetParam().raw) EXPECT_EQ(bits.next_uint64(), expected);
}

TEST_P(RandomReference, DrawsInSequence) {
  const Reference& ref = GetParam();
  Pcg64 bits = seeded(ref.seed);
  for (double expected : ref.uniform) EXPECT_EQ(bits.next_double(), expected);
  for (double expected : ref.normal) EXPECT_EQ(standard_normal(bits), expected);
  for (int64_t expected : ref.below_ten)
    EXPECT_EQ(static_cast<int64_t>(bounded_uint64(bits, 0, 9)), expected);
  for (int64_t expected : ref.below_two_to_40) {
    EXPECT_EQ(static_cast<int64_t>(bounded_uint64(bits, 0, (uint64_t{1} << 40) - 1)), expected);
  }
  // The 32-bit draws leave half a word pending; doubles take whole words.
  EXPECT_EQ(bits.next_double(), ref.uniform_after);
}

INSTANTIATE_TEST_SUITE_P(Seeds, RandomReference, ::testing::ValuesIn(kReferences));

TEST(RandomNormal, LongRunThroughTailAndWedges) {
  Pcg64 bits = seeded(2024);
  double sum = 0.0;
  int beyond_r = 0;
  for (int i = 0; i < 200000; ++i) {
    const double z = standard_normal(bits);
    sum += z;
    if (std::fabs(z) > 3.6541528853610088) ++beyond_r;
  }
  EXPECT_EQ(sum, 0x1.df22483dd4488p+4);  // NumPy: sum(standard_normal(200000).tolist())
  EXPECT_EQ(beyond_r, 51);
}

namespace tables {
#include "runtime/random_ziggurat_tables.inc"
}  // namespace tables

// The generated tables (scripts/gen_ziggurat_tables.py) are Marsaglia and
// Tsang's ziggurat for r = 3.6541528853610088: the recurrence in double
// agrees with them to 1e-12 (NumPy's last bits come from unpublished inputs).
TEST(RandomNormal, ZigguratTablesFollowTheRecurrence) {
  const double r = 3.6541528853610088, m = 4503599627370496.0;  // 2^52
  auto f = [](double x) { return std::exp(-0.5 * x * x); };
  const double v = r * f(r) + std::sqrt(std::acos(-1.0) / 2) * std::erfc(r / std::sqrt(2.0));
  auto near = [](double a, double b) { return std::fabs(a - b) <= 1e-12 * std::fabs(b); };
  EXPECT_TRUE(near(static_cast<double>(tables::kZigguratK[0]), r * f(r) / v * m));
  EXPECT_TRUE(near(tables::kZigguratW[0], v / f(r) / m));
  EXPECT_EQ(tables::kZigguratK[1], 0U);
  EXPECT_EQ(tables::kZigguratF[0], 1.0);
  double x = r;
  for (int i = 255; i >= 1; --i) {
    EXPECT_TRUE(near(tables::kZigguratW[i], x / m)) << i;
    EXPECT_TRUE(near(tables::kZigguratF[i], f(x))) << i;
    const double inner = std::sqrt(-2 * std::log(v / x + f(x)));
    if (i >= 2) {
      EXPECT_TRUE(near(static_cast<double>(tables::kZigguratK[i]), inner / x * m)) << i;
    }
    x = inner;
  }
}

TEST(RandomBounded, EmptyAndFullRanges) {
  Pcg64 a = seeded(5), b = seeded(5);
  EXPECT_EQ(bounded_uint64(a, 7, 0), 7U);  // range 0 draws nothing
  EXPECT_EQ(a, b);
  EXPECT_EQ(bounded_uint64(a, 0, UINT64_MAX), b.next_uint64());
  EXPECT_EQ(bounded_uint64(a, 0, 0xFFFFFFFFULL), b.next_uint32());
}

}  // namespace
}  // namespace pygraft::rt::random
