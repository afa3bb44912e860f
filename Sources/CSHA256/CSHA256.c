// SHA-256 block compression with the x86 SHA extensions (SHA256RNDS2, SHA256MSG1, SHA256MSG2), written
// from Intel's "Intel SHA Extensions" description. It exists because the portable Swift compression runs
// ~170 ns a block and SigV4 hashes ~18 blocks per signature; the instructions do a block in a fraction of
// that. The Swift side keeps the portable path for every other CPU.
#include "CSHA256.h"

#if defined(__x86_64__)
#include <immintrin.h>

int csha256_has_sha_extensions(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("sha") && __builtin_cpu_supports("sse4.1") && __builtin_cpu_supports("ssse3");
}

__attribute__((target("sha,sse4.1,ssse3")))
void csha256_compress_sha_extensions(uint32_t state[8], const uint8_t *blocks, size_t count,
                                     const uint32_t round_constants[64]) {
    // Message words are big-endian; this shuffle swaps the bytes of each 32-bit lane.
    const __m128i byte_swap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);

    // SHA256RNDS2 wants the working variables as ABEF and CDGH rather than ABCD and EFGH.
    __m128i abcd = _mm_loadu_si128((const __m128i *)&state[0]);
    __m128i efgh = _mm_loadu_si128((const __m128i *)&state[4]);
    __m128i cdab = _mm_shuffle_epi32(abcd, 0xB1);
    __m128i hgfe = _mm_shuffle_epi32(efgh, 0x1B);
    __m128i abef = _mm_alignr_epi8(cdab, hgfe, 8);
    __m128i cdgh = _mm_blend_epi16(hgfe, cdab, 0xF0);

    for (; count > 0; count--, blocks += 64) {
        const __m128i abef_start = abef;
        const __m128i cdgh_start = cdgh;

        // A ring of four vectors holding W[4g .. 4g+15] while group g of four rounds runs.
        __m128i w[4];
        for (int j = 0; j < 4; j++) {
            w[j] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(blocks + 16 * j)), byte_swap);
        }

        for (int g = 0; g < 16; g++) {
            __m128i wk = _mm_add_epi32(w[g & 3], _mm_loadu_si128((const __m128i *)&round_constants[4 * g]));
            // Two rounds make the old ABEF the new CDGH, so the pair leaves each variable in its role.
            cdgh = _mm_sha256rnds2_epu32(cdgh, abef, wk);
            abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(wk, 0x0E));

            if (g < 12) {
                // W[t..t+3] = σ1(W[t-2..]) + W[t-7..t-4] + σ0(W[t-15..]) + W[t-16..t-13], t = 4g + 16.
                __m128i next = _mm_sha256msg1_epu32(w[g & 3], w[(g + 1) & 3]);
                next = _mm_add_epi32(next, _mm_alignr_epi8(w[(g + 3) & 3], w[(g + 2) & 3], 4));
                w[g & 3] = _mm_sha256msg2_epu32(next, w[(g + 3) & 3]);
            }
        }

        abef = _mm_add_epi32(abef, abef_start);
        cdgh = _mm_add_epi32(cdgh, cdgh_start);
    }

    __m128i feba = _mm_shuffle_epi32(abef, 0x1B);
    __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);
    _mm_storeu_si128((__m128i *)&state[0], _mm_blend_epi16(feba, dchg, 0xF0));
    _mm_storeu_si128((__m128i *)&state[4], _mm_alignr_epi8(dchg, feba, 8));
}

#else

int csha256_has_sha_extensions(void) { return 0; }

void csha256_compress_sha_extensions(uint32_t state[8], const uint8_t *blocks, size_t count,
                                     const uint32_t round_constants[64]) {
    (void)state;
    (void)blocks;
    (void)count;
    (void)round_constants;
    __builtin_trap();
}

#endif
