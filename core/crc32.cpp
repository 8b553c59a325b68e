// CRC-32 (the reflected IEEE 802.3 polynomial 0xEDB88320), two ways to the same checksum:
// - on x86-64 processors with carry-less multiplication (PCLMULQDQ), by folding 64 bytes per step
//   (Gopal et al., Intel, 2009, "Fast CRC Computation for Generic Polynomials Using PCLMULQDQ
//   Instruction"): every record is checked when a store opens, and this is several times faster;
// - elsewhere (WebAssembly) and for the last bytes, by "slicing-by-8" (Kounavis and Berry, 2005,
//   "A Systematic Approach to Building High Performance Software-based CRC Generators").
#include "crc32.hpp"

#include <array>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace core {
namespace {

using Tables = std::array<std::array<std::uint32_t, 256>, 8>;

// Table 0 is the classic byte-at-a-time table; table k advances a byte's CRC by k more zero bytes.
constexpr Tables make_tables() {
  Tables t{};
  for (std::uint32_t i = 0; i < 256; ++i) {
    std::uint32_t c = i;
    for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    t[0][i] = c;
  }
  for (std::uint32_t i = 0; i < 256; ++i)
    for (std::size_t k = 1; k < 8; ++k) t[k][i] = t[0][t[k - 1][i] & 0xFF] ^ (t[k - 1][i] >> 8);
  return t;
}

constexpr Tables kTables = make_tables();

// Four bytes as a little-endian number, whatever the machine's byte order.
std::uint32_t little_endian(const unsigned char* p) {
  return std::uint32_t(p[0]) | std::uint32_t(p[1]) << 8 | std::uint32_t(p[2]) << 16 |
         std::uint32_t(p[3]) << 24;
}

// Advances the running register `c` over n bytes, eight at a time, then one at a time.
std::uint32_t update_by_tables(std::uint32_t c, const unsigned char* p, std::size_t n) {
  for (; n >= 8; p += 8, n -= 8) {
    const std::uint32_t low = little_endian(p) ^ c, high = little_endian(p + 4);
    c = kTables[7][low & 0xFF] ^ kTables[6][(low >> 8) & 0xFF] ^ kTables[5][(low >> 16) & 0xFF] ^
        kTables[4][low >> 24] ^ kTables[3][high & 0xFF] ^ kTables[2][(high >> 8) & 0xFF] ^
        kTables[1][(high >> 16) & 0xFF] ^ kTables[0][high >> 24];
  }
  for (; n > 0; ++p, --n) c = kTables[0][(c ^ *p) & 0xFF] ^ (c >> 8);
  return c;
}

#if defined(__x86_64__)
// The folding constants are powers of x modulo the polynomial, bit-reflected (from the paper):
// each step multiplies a 128-bit lane's two halves by x^(distance) so that it lines up with data
// that distance further on, where it is added (xor) in.
#define LIAISON_FOLDS __attribute__((target("pclmul")))

// One fold: the lane's low half times the constant's low half, plus its high half times the
// constant's high half, plus the 16 bytes it is folded onto.
LIAISON_FOLDS __m128i fold(__m128i lane, __m128i constants, __m128i onto) {
  const __m128i low = _mm_clmulepi64_si128(lane, constants, 0x00);
  const __m128i high = _mm_clmulepi64_si128(lane, constants, 0x11);
  return _mm_xor_si128(_mm_xor_si128(low, high), onto);
}

LIAISON_FOLDS __m128i load(const unsigned char* p) {
  return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
}

// Advances the register over n bytes, n at least 64 and a multiple of 16.
LIAISON_FOLDS std::uint32_t update_by_folding(std::uint32_t c, const unsigned char* p,
                                              std::size_t n) {
  const __m128i by_512_bits = _mm_set_epi64x(0x01c6e41596, 0x0154442bd4);
  const __m128i by_128_bits = _mm_set_epi64x(0x00ccaa009e, 0x01751997d0);
  const __m128i by_32_bits = _mm_set_epi64x(0, 0x0163cd6124);
  const __m128i polynomial_and_quotient = _mm_set_epi64x(0x01f7011641, 0x01db710641);
  const __m128i low_32_bits = _mm_set_epi32(0, -1, 0, -1);

  // Four lanes run through the data 64 bytes at a time, independent of each other.
  __m128i lanes[4] = {_mm_xor_si128(load(p), _mm_cvtsi32_si128(static_cast<int>(c))),
                      load(p + 16), load(p + 32), load(p + 48)};
  for (p += 64, n -= 64; n >= 64; p += 64, n -= 64)
    for (int i = 0; i < 4; ++i) lanes[i] = fold(lanes[i], by_512_bits, load(p + 16 * i));

  // Then into one lane, which takes the remaining 16-byte blocks.
  __m128i x = lanes[0];
  for (int i = 1; i < 4; ++i) x = fold(x, by_128_bits, lanes[i]);
  for (; n >= 16; p += 16, n -= 16) x = fold(x, by_128_bits, load(p));

  // 128 bits to 64: the low half times x^64, added to the high half.
  x = _mm_xor_si128(_mm_clmulepi64_si128(x, by_128_bits, 0x10), _mm_srli_si128(x, 8));
  // 64 bits to 32 more than the register: the low 32 bits times x^32, added to the rest.
  x = _mm_xor_si128(_mm_clmulepi64_si128(_mm_and_si128(x, low_32_bits), by_32_bits, 0x00),
                    _mm_srli_si128(x, 4));
  // Barrett reduction: estimate the quotient, multiply it back by the polynomial, subtract.
  __m128i t = _mm_clmulepi64_si128(_mm_and_si128(x, low_32_bits), polynomial_and_quotient, 0x10);
  t = _mm_clmulepi64_si128(_mm_and_si128(t, low_32_bits), polynomial_and_quotient, 0x00);
  x = _mm_xor_si128(x, t);
  return static_cast<std::uint32_t>(_mm_cvtsi128_si32(_mm_srli_si128(x, 4)));
}

bool processor_can_fold() {
  static const bool can = __builtin_cpu_supports("pclmul");
  return can;
}
#endif

}  // namespace

std::uint32_t crc32(std::string_view bytes) {
  std::uint32_t c = 0xFFFFFFFFu;
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  std::size_t n = bytes.size();
#if defined(__x86_64__)
  if (n >= 64 && processor_can_fold()) {
    const std::size_t folded = n & ~std::size_t{15};
    c = update_by_folding(c, p, folded);
    p += folded;
    n -= folded;
  }
#endif
  return update_by_tables(c, p, n) ^ 0xFFFFFFFFu;
}

}  // namespace core
